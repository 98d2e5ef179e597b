package app.lantern.pipeline.web;

import app.lantern.pipeline.FactorResult;
import app.lantern.pipeline.HealthReport;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** An explained health score as the API returns it, labels and reasons in the caller's language. */
record HealthJson(String opportunityId, int score, List<FactorJson> factors, LocalDate graceUntil) {

    record FactorJson(
            String factor, String label, String value, double points, double maxPoints, String why, boolean weak) {}

    static HealthJson of(long id, HealthReport r, MessageSource messages, Locale locale) {
        return new HealthJson(
                String.valueOf(id),
                r.score(),
                r.factors().stream().map(f -> factor(f, messages, locale)).toList(),
                r.graceUntil());
    }

    private static FactorJson factor(FactorResult f, MessageSource messages, Locale locale) {
        return new FactorJson(
                f.factor().name(),
                messages.getMessage("pipeline.factor." + f.factor(), null, locale),
                messages.getMessage(f.value(), locale),
                f.points(),
                f.maxPoints(),
                messages.getMessage(f.why(), locale),
                f.weak());
    }
}
