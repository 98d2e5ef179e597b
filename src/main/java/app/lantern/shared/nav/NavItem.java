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
 */
public record NavItem(String labelKey, String href, String icon, Set<String> roles, int order) {

    public boolean visibleTo(Set<String> userRoles) {
        return roles.isEmpty() || roles.stream().anyMatch(userRoles::contains);
    }

    /** An entry for administrators only configures the system; the layout groups these under one menu. */
    public boolean settings() {
        return roles.equals(Set.of("ADMIN"));
    }
}
