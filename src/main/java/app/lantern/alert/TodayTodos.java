package app.lantern.alert;

import app.lantern.calendar.WorkingCalendar;
import app.lantern.customer.CustomerRef;
import app.lantern.customer.Customers;
import app.lantern.pipeline.NextStep;
import app.lantern.pipeline.Opportunities;
import app.lantern.pipeline.OpportunityRef;
import app.lantern.quote.ExpiringQuote;
import app.lantern.quote.Quotes;
import app.lantern.shared.Phrase;
import app.lantern.shared.web.MoneyFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Today's TOP3 of a rep: overdue next steps, quotes about to expire, visits scheduled for today and at-risk deals of
 * high-tier customers come first, then overdue closes, unhealthy and stalled deals; value breaks ties. Each to-do is a
 * {@link Phrase}, put into words in the reader's language.
 */
@Component
class TodayTodos {

    /** A candidate: one per opportunity or quote (its most urgent reason), scored by urgency and value. */
    record Todo(String key, double score, Phrase text) {}

    /** Quotes expiring within this many working days make the TOP3. */
    static final int QUOTE_HORIZON = 3;

    private static final Pattern VISIT = Pattern.compile("拜访|上门|到访|面访|visit", Pattern.CASE_INSENSITIVE);

    private final Opportunities opportunities;
    private final Customers customers;
    private final Quotes quotes;
    private final WorkingCalendar calendar;

    TodayTodos(Opportunities opportunities, Customers customers, Quotes quotes, WorkingCalendar calendar) {
        this.opportunities = opportunities;
        this.customers = customers;
        this.quotes = quotes;
        this.calendar = calendar;
    }

    List<Phrase> top3(long repId, LocalDate day) {
        Set<Long> me = Set.of(repId);
        List<OpportunityRef> open = opportunities.openFor(me);
        Map<Long, Integer> idle = new HashMap<>();
        Map<Long, String> tiers = new HashMap<>();
        for (OpportunityRef o : open) {
            OffsetDateTime changed = opportunities.lastStageChangeAt(o.id()).orElse(o.createdAt());
            // never negative: a stage changed after the day asked about has not stalled
            idle.put(
                    o.id(),
                    Math.max(
                            0,
                            calendar.workingDaysBetween(
                                    changed.atZoneSameInstant(calendar.zone())
                                            .toLocalDate()
                                            .plusDays(1),
                                    day)));
            customers.find(o.customerId()).map(CustomerRef::tier).ifPresent(t -> tiers.put(o.id(), t));
        }
        Map<Long, Integer> quoteDaysLeft = new HashMap<>();
        List<ExpiringQuote> expiring =
                quotes.expiringFor(repId, day, calendar.addWorkingDays(day, QUOTE_HORIZON)).stream()
                        .filter(q -> !q.feedback())
                        .toList();
        expiring.forEach(q -> quoteDaysLeft.put(q.id(), calendar.workingDaysBetween(day, q.validUntil())));
        return rank(day, open, idle, tiers, opportunities.nextStepsDueBy(me, day), expiring, quoteDaysLeft);
    }

    static List<Phrase> rank(
            LocalDate day,
            List<OpportunityRef> open,
            Map<Long, Integer> idle,
            Map<Long, String> tiers,
            List<NextStep> steps,
            List<ExpiringQuote> expiring,
            Map<Long, Integer> quoteDaysLeft) {
        List<Todo> todos = new ArrayList<>();
        for (NextStep s : steps) {
            OpportunityRef o = s.opportunity();
            boolean unnamed = s.text() == null || s.text().isBlank();
            Phrase what = unnamed ? new Phrase("alert.todo.step") : new Phrase("alert.todo.stepNamed", s.text());
            if (s.due().isBefore(day)) {
                long late = day.toEpochDay() - s.due().toEpochDay();
                todos.add(new Todo(
                        "o" + o.id(),
                        400 + Math.min(late, 30) * 5 + value(o.amount()),
                        new Phrase("alert.todo.overdueStep", what, late, o.name(), s.due())));
            } else if (!unnamed && VISIT.matcher(s.text()).find()) {
                todos.add(new Todo(
                        "o" + o.id(),
                        300 + value(o.amount()),
                        new Phrase("alert.todo.visitToday", s.text(), o.name(), money(o.amount()))));
            } else {
                todos.add(new Todo(
                        "o" + o.id(), 250 + value(o.amount()), new Phrase("alert.todo.stepToday", what, o.name())));
            }
        }
        for (ExpiringQuote q : expiring) {
            int left = quoteDaysLeft.getOrDefault(q.id(), 0);
            todos.add(new Todo(
                    "q" + q.id(),
                    350 - left * 30 + value(q.total()),
                    new Phrase(
                            left == 0 ? "alert.todo.quoteToday" : "alert.todo.quoteSoon",
                            q.displayNumber(),
                            q.customerName(),
                            money(q.total()),
                            left)));
        }
        for (OpportunityRef o : open) {
            int idleDays = Math.max(0, idle.getOrDefault(o.id(), 0));
            boolean unhealthy = o.healthScore() != null && o.healthScore() < 60;
            String tier = tiers.get(o.id());
            boolean highTier = "A".equals(tier) || "B".equals(tier);
            if (highTier && (unhealthy || idleDays >= 2)) {
                todos.add(new Todo(
                        "o" + o.id(),
                        200 + ("A".equals(tier) ? 40 : 20) + value(o.amount()),
                        new Phrase(
                                "alert.todo.highTier",
                                o.name(),
                                tier,
                                money(o.amount()),
                                unhealthy
                                        ? new Phrase("alert.todo.health", o.healthScore())
                                        : new Phrase("alert.todo.idle", idleDays))));
            } else if (o.expectedClose() != null && o.expectedClose().isBefore(day)) {
                todos.add(new Todo(
                        "o" + o.id(),
                        150 + value(o.amount()),
                        new Phrase("alert.todo.closeOverdue", o.name(), o.expectedClose())));
            } else if (unhealthy) {
                todos.add(new Todo(
                        "o" + o.id(),
                        50 + (60 - o.healthScore()) + value(o.amount()),
                        new Phrase("alert.todo.unhealthy", o.name(), o.healthScore(), money(o.amount()))));
            } else if (idleDays >= 2) {
                todos.add(new Todo(
                        "o" + o.id(),
                        10 * Math.min(idleDays, 10) + value(o.amount()),
                        new Phrase("alert.todo.stalled", o.name(), o.stageName(), idleDays, money(o.amount()))));
            }
        }
        Map<String, Todo> best = new LinkedHashMap<>();
        todos.forEach(t -> best.merge(t.key(), t, (a, b) -> a.score() >= b.score() ? a : b));
        return best.values().stream()
                .sorted(Comparator.comparingDouble(Todo::score).reversed())
                .limit(3)
                .map(Todo::text)
                .toList();
    }

    private static Phrase money(BigDecimal amount) {
        return amount == null ? new Phrase("alert.todo.noAmount") : MoneyFormat.phrase(amount);
    }

    /** Amount in units of 100,000 yuan, capped so that value never outranks urgency. */
    private static double value(BigDecimal amount) {
        return amount == null ? 0 : Math.min(40, amount.doubleValue() / 100_000);
    }
}
