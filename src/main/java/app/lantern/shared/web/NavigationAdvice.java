package app.lantern.shared.web;

import app.lantern.shared.nav.NavItem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
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
 * administrators see are settings: they go into one "设置" menu so that the bar stays on one line.
 */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

    private final List<NavItem> items;

    NavigationAdvice(List<NavItem> items) {
        this.items = items.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
    }

    @ModelAttribute("navItems")
    List<NavItem> navItems() {
        return visible().stream().filter(i -> !i.settings()).toList();
    }

    @ModelAttribute("settingsItems")
    List<NavItem> settingsItems() {
        return visible().stream().filter(NavItem::settings).toList();
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

    @ModelAttribute("settingsActive")
    boolean settingsActive(HttpServletRequest request) {
        return settingsItems().stream().anyMatch(i -> request.getRequestURI().startsWith(i.href()));
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
