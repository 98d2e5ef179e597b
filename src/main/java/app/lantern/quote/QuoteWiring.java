package app.lantern.quote;

import app.lantern.shared.nav.NavItem;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** Navigation and scheduled jobs of the quote module. */
@Configuration(proxyBeanMethods = false)
class QuoteWiring {

    @Bean
    NavItem quotesNav() {
        return new NavItem("nav.quotes", "/quotes", "file-earmark-text", Set.of(), 400, "nav.menu.quotes");
    }

    @Bean
    NavItem quoteCatalogNav() {
        return new NavItem("nav.quotes.catalog", "/quotes/catalog", "box-seam", Set.of(), 401, "nav.menu.quotes");
    }

    @Bean
    NavItem quoteFinanceNav() {
        return new NavItem(
                "nav.quotes.finance",
                "/quotes/finance",
                "patch-check",
                Set.of("FINANCE", "ADMIN"),
                402,
                "nav.menu.quotes");
    }

    @Bean
    NavItem quoteWeeklyNav() {
        return new NavItem(
                "nav.quotes.weekly",
                "/quotes/weekly",
                "clipboard-data",
                Set.of("MANAGER", "EXECUTIVE", "ADMIN", "FINANCE"),
                403,
                "nav.menu.quotes");
    }

    @Bean
    NavItem quoteSettingsNav() {
        return new NavItem("nav.quotes.settings", "/quotes/settings", "sliders", Set.of("ADMIN"), 910);
    }

    @Bean
    app.lantern.shared.web.LandingWidget quoteWidget(Quotes quotes) {
        return app.lantern.shared.web.LandingWidget.of(
                Set.of("REP", "MANAGER", "FINANCE", "EXECUTIVE"),
                450,
                "quote/widgets :: quotes",
                () -> java.util.Map.of("d", quotes.dashboard()));
    }

    @Bean
    RecurringTask<Void> quoteApprovalSlaTask(QuoteSlaJobs slaJobs, TransactionTemplate tx) {
        return Tasks.recurring("quote-approval-sla", FixedDelay.ofMinutes(30))
                .execute((instance, ctx) -> tx.executeWithoutResult(s -> {
                    slaJobs.flagOverdueApprovals();
                    slaJobs.flagQuotesExpiringWithoutFeedback();
                }));
    }

    @Bean
    RecurringTask<Void> quoteWebhookDeliveryTask(FinanceWebhooks webhooks) {
        return Tasks.recurring("quote-webhook-delivery", FixedDelay.ofMinutes(1))
                .execute((instance, ctx) -> webhooks.deliverDue());
    }

    @Bean
    RecurringTask<Void> quoteWeeklyReportTask(
            QuoteHealthReport report, Clock clock, @Value("${lantern.quote.weekly-report-time:17:00}") LocalTime at) {
        return Tasks.recurring("quote-weekly-report", Schedules.daily(clock.getZone(), at))
                .execute((instance, ctx) -> report.pushIfDue(LocalDate.now(clock)));
    }
}
