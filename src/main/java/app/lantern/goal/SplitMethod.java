package app.lantern.goal;

/** How a target is split among its children. */
public enum SplitMethod {
    EQUAL,
    /** By editable weights of the children, e.g. 区域潜力系数. */
    WEIGHTS,
    /** By the children's shares of last year's targets for the same period. */
    LAST_YEAR,
    MANUAL
}
