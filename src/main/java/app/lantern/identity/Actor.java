package app.lantern.identity;

import java.util.Set;

/**
 * The user a request acts for.
 *
 * @param teamId the team the user belongs to; null for users outside the team tree (admin, executive)
 */
public record Actor(long userId, String username, String displayName, Set<Role> roles, Long teamId)
        implements java.io.Serializable {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The role that decides the landing page: the most senior one held. */
    public Role primaryRole() {
        for (Role r : new Role[] {Role.ADMIN, Role.EXECUTIVE, Role.FINANCE, Role.MANAGER, Role.REP}) {
            if (roles.contains(r)) {
                return r;
            }
        }
        return Role.REP;
    }
}
