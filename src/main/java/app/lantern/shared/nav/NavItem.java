package app.lantern.shared.nav;

import java.util.Set;

/**
 * One entry of the main navigation. Modules declare theirs as beans; the layout shows those the user's roles allow.
 *
 * @param labelKey message key of the label
 * @param href     target path
 * @param icon     bootstrap-icons name, without the {@code bi-} prefix
 * @param roles    role names that see the entry; empty means everybody signed in
 * @param order    position, lower first
 * @param menuKey  message key of the menu that groups this entry with related ones of its module (null: a link of its
 *                 own), so that the bar stays on one line however many pages a role sees
 */
public record NavItem(String labelKey, String href, String icon, Set<String> roles, int order, String menuKey) {

    public NavItem(String labelKey, String href, String icon, Set<String> roles, int order) {
        this(labelKey, href, icon, roles, order, null);
    }

    public boolean visibleTo(Set<String> userRoles) {
        return roles.isEmpty() || roles.stream().anyMatch(userRoles::contains);
    }

    /** An entry for administrators only configures the system; the layout groups these under one menu. */
    public boolean settings() {
        return roles.equals(Set.of("ADMIN"));
    }

    /** Whether the page at {@code path} belongs to this entry: the entry's own path or one below it. */
    public boolean covers(String path) {
        return path != null
                && (path.equals(href)
                        || (!href.equals("/") && path.startsWith(href.endsWith("/") ? href : href + "/")));
    }
}
