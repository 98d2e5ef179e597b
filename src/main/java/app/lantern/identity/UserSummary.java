package app.lantern.identity;

import java.util.Set;

/** What other modules may know about a user. */
public record UserSummary(long id, String username, String displayName, Long teamId, Set<Role> roles, boolean active) {}
