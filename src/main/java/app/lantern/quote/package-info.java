/**
 * Quotes that close: catalog, bundles and price books, the quote engine and its PDF, approvals with working-time SLAs,
 * online signing with the company seal and a PAdES signature, finance webhooks, feedback tags and the weekly quote
 * health report.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "shared :: *",
            "identity",
            "audit",
            "calendar",
            "customer",
            "pipeline",
            "activity",
            "notification"
        })
package app.lantern.quote;
