package app.lantern.shared.web;

import app.lantern.shared.nav.NavEntry;
import app.lantern.shared.nav.NavItem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the navigation the signed-in user may see, and the current path, into every page's model. Entries only
 * administrators see are settings: they go into one "设置" menu; the other entries of a module that share a menu go
 * into that menu. So the bar stays on one line at 1280 px, in Chinese and in English, for every role.
 */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

    private final List<NavItem> items;

    NavigationAdvice(List<NavItem> items) {
        this.items =
                items.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
    }

    @ModelAttribute("navEntries")
    List<NavEntry> navEntries(HttpServletRequest request) {
        List<NavItem> visible = visible();
        String active = activeHref(visible, request.getRequestURI());
        Map<String, List<NavItem>> places = new LinkedHashMap<>();
        for (NavItem item : visible) {
            if (!item.settings()) {
                places.computeIfAbsent(item.menuKey() == null ? item.href() : item.menuKey(), k -> new ArrayList<>())
                        .add(item);
            }
        }
        return places.values().stream()
                .map(links -> new NavEntry(
                        links.size() > 1
                                ? links.getFirst().menuKey()
                                : links.getFirst().labelKey(),
                        links,
                        active))
                .toList();
    }

    @ModelAttribute("settingsMenu")
    NavEntry settingsMenu(HttpServletRequest request) {
        List<NavItem> visible = visible();
        return new NavEntry(
                "nav.settings",
                visible.stream().filter(NavItem::settings).toList(),
                activeHref(visible, request.getRequestURI()));
    }

    /** The most specific visible entry covering the path, so that only one link is marked as the current page. */
    private static String activeHref(List<NavItem> visible, String path) {
        return visible.stream()
                .filter(i -> i.covers(path))
                .max(Comparator.comparingInt(i -> i.href().length()))
                .map(NavItem::href)
                .orElse(null);
    }

    private List<NavItem> visible() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return List.of();
        }
        Set<String> roles = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .collect(Collectors.toSet());
        return items.stream().filter(i -> i.visibleTo(roles)).toList();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
