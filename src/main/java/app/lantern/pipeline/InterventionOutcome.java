package app.lantern.pipeline;

/** What a manager did about an at-risk opportunity; closing the opportunity resolves its open interventions too. */
public enum InterventionOutcome {
    COACHED,
    REPLANNED,
    CLOSED_LOST,
    NO_ACTION
}
