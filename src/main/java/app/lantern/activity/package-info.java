/**
 * Activities in seconds, daily reports (销售日报) with back-fill detection (补录), and the activity heatmap.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "shared :: *", "identity", "audit", "calendar", "customer", "pipeline"})
package app.lantern.activity;
