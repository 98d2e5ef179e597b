package app.lantern.pipeline;

public enum OpportunityStatus {
    OPEN,
    WON,
    LOST
}
