package app.lantern.pipeline;

import app.lantern.shared.ValidationException;

/** What an uploaded opportunity document is; only the competitor comparison feeds the health score. */
public enum DocumentKind {
    COMPETITOR_COMPARISON,
    PROPOSAL,
    OTHER;

    /** The kind named by a form or API field; blank means a competitor comparison, anything unknown is a field error. */
    public static DocumentKind parse(String kind) {
        if (kind == null || kind.isBlank()) {
            return COMPETITOR_COMPARISON;
        }
        try {
            return valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
            throw ValidationException.field("kind", "must be one of COMPETITOR_COMPARISON, PROPOSAL, OTHER");
        }
    }
}
