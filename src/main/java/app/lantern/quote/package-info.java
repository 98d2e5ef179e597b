/**
 * Quotes that close: catalog, bundles and price books, the quote engine and its PDF, approvals with working-time SLAs,
 * online signing with the company seal and a PAdES signature, finance webhooks, feedback tags and the weekly quote
 * health report.
 *
 * <p>One class per use case: {@link app.lantern.quote.Quotes} reads (the facade other modules use),
 * {@link app.lantern.quote.QuoteDrafting} creates, edits and revises, {@link app.lantern.quote.QuoteApprovals}
 * submits and decides, {@link app.lantern.quote.QuoteFeedback} records the follow-up, {@link
 * app.lantern.quote.QuoteSigning} sends and takes the customer's signature, {@link app.lantern.quote.QuoteSeal} lets
 * finance stamp, {@link app.lantern.quote.QuoteMetrics} computes figures; the SLA jobs run in {@code QuoteSlaJobs}.
 * The state machine is {@code Quote} (its transitions check their rule; saving checks the row's version) with
 * {@link app.lantern.quote.QuoteStatus}, and {@link app.lantern.quote.ApprovalStatus} for each approval step. Every
 * status change locks the quote's row, so a signature and a revision never both succeed. A price book applies only to
 * the customers it is for (its tier); another customer's quote naming it is refused, since its prices are a discount
 * no approval rule sees.
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
            "notification",
            "search"
        })
package app.lantern.quote;
