package app.lantern.pipeline;

/** An intervention is OPEN until its manager records what was done (DONE). */
public enum InterventionStatus {
    OPEN,
    DONE
}
