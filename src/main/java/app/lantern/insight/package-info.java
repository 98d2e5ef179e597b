/**
 * Decisions you can check against numbers: why a team missed its month (attribution of the gap in money), what happens
 * if targets or levers move (the goal sandbox with probabilities), where the sales process is weak (the diagnostic),
 * and the executive's and manager's cockpit that brings them together. Reads the lower modules through their APIs and
 * published views; writes only its own tables, and target versions through the goal module.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "shared :: *",
            "identity",
            "audit",
            "calendar",
            "customer",
            "notification",
            "pipeline",
            "activity",
            "goal",
            "quote",
            "alert"
        })
package app.lantern.insight;
