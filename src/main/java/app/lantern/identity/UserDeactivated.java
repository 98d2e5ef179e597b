package app.lantern.identity;

/** A user can no longer sign in; their sessions and tokens have ended. */
public record UserDeactivated(long userId, String username) {}
