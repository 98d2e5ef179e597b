package app.lantern.goal;

/** Whose target: the company (the root team), a team below it, or a rep. */
public enum TargetLevel {
    COMPANY,
    TEAM,
    REP;

    public TargetLevel below() {
        return switch (this) {
            case COMPANY -> TEAM;
            case TEAM -> REP;
            case REP -> null;
        };
    }
}
