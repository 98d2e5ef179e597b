/**
 * The visible sales process: admin-defined pipelines per product line with gated stages, opportunities with stage
 * history, the explainable 12-factor health score with manager interventions, and funnel metrics.
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
            "search"
        })
package app.lantern.pipeline;
