package app.lantern.pipeline;

/** How an opportunity left a stage: moved to another stage, or closed from it. */
enum StageExit {
    MOVED,
    WON,
    LOST
}
