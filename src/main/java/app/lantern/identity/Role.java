package app.lantern.identity;

/** What a user does in Lantern; a user may hold several. */
public enum Role {
    REP,
    MANAGER,
    EXECUTIVE,
    FINANCE,
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
