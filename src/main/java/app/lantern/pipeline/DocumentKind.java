package app.lantern.pipeline;

/** What an uploaded opportunity document is; only the competitor comparison feeds the health score. */
public enum DocumentKind {
    COMPETITOR_COMPARISON,
    PROPOSAL,
    OTHER
}
