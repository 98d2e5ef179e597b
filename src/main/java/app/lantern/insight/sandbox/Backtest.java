package app.lantern.insight.sandbox;

import app.lantern.calendar.WorkingCalendar;
import app.lantern.pipeline.OpportunityRef;
import app.lantern.pipeline.OpportunityStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the sandbox's model against history: for each past month and rep, the model fitted on what was known on the
 * first of the month forecasts the month, and the check counts how often the actual signed amount fell inside the 80 %
 * interval (P10–P90). A calibrated model covers 70–90 % of rep-months.
 */
@Service
public class Backtest {

    /** Months looked back at. */
    static final int MONTHS = 12;

    /** Trials per rep-month: enough for P10 and P90 to settle, cheap enough to run on a page view once a day. */
    static final int TRIALS = 1000;

    /**
     * @param repMonths rep-months with history before them that were forecast
     * @param covered   of those, how many ended inside their P10–P90
     * @param below     how many ended below their P10 (the rest above their P90)
     * @param months    how many months were looked at, {@code from} to {@code to}
     */
    public record Result(int repMonths, int covered, int below, int months, String from, String to) {

        public double coverage() {
            return repMonths == 0 ? 0 : Math.round((double) covered / repMonths * 1000) / 1000.0;
        }

        public boolean calibrated() {
            return repMonths > 0 && coverage() >= 0.7 && coverage() <= 0.9;
        }
    }

    private final SandboxData data;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final Map<LocalDate, Result> daily = new ConcurrentHashMap<>();

    Backtest(SandboxData data, WorkingCalendar calendar, Clock clock) {
        this.data = data;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Today's backtest, computed once a day (history changes slowly; the sandbox page shows it). */
    @Transactional(readOnly = true)
    public Result today() {
        LocalDate today = LocalDate.now(clock);
        daily.keySet().removeIf(d -> !d.equals(today));
        return daily.computeIfAbsent(today, d -> run(YearMonth.from(d), MONTHS, TRIALS));
    }

    /** The backtest of the {@code months} months before {@code current}. */
    @Transactional(readOnly = true)
    public Result run(YearMonth current, int months, int trials) {
        ZoneId zone = calendar.zone();
        OffsetDateTime end = current.atDay(1).atStartOfDay(zone).toOffsetDateTime();
        List<OpportunityRef> all = data.history(end.minusMonths(months + 24L), end);
        Map<Long, Long> teamOf = data.organisation();
        List<Long> reps = new ArrayList<>(teamOf.keySet());
        OffsetDateTime earliest = all.stream()
                .map(OpportunityRef::createdAt)
                .min(OffsetDateTime::compareTo)
                .orElse(end);
        int repMonths = 0, covered = 0, below = 0, looked = 0;
        String first = null, last = null;
        for (int back = months; back >= 1; back--) {
            YearMonth month = current.minusMonths(back);
            OffsetDateTime asOf = month.atDay(1).atStartOfDay(zone).toOffsetDateTime();
            OffsetDateTime monthEnd =
                    month.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime();
            if (asOf.isBefore(earliest.plusDays(60))) {
                continue;
            }
            List<OpportunityRef> closed = new ArrayList<>();
            List<OpportunityRef> created = new ArrayList<>();
            List<OpportunityRef> open = new ArrayList<>();
            Map<Long, Double> actual = new HashMap<>();
            Map<Long, Boolean> known = new HashMap<>();
            for (OpportunityRef o : all) {
                boolean closedBefore = o.closedAt() != null && o.closedAt().isBefore(asOf);
                if (!o.createdAt().isBefore(asOf)) {
                    if (o.status() == OpportunityStatus.WON && within(o.closedAt(), asOf, monthEnd)) {
                        actual.merge(o.ownerId(), amount(o), Double::sum);
                    }
                    continue;
                }
                known.put(o.ownerId(), true);
                if (closedBefore && !o.closedAt().isBefore(asOf.minusMonths(12))) {
                    closed.add(o);
                } else if (!closedBefore) {
                    open.add(o);
                    if (o.status() == OpportunityStatus.WON && within(o.closedAt(), asOf, monthEnd)) {
                        actual.merge(o.ownerId(), amount(o), Double::sum);
                    }
                }
                if (!o.createdAt().isBefore(asOf.minusDays(ModelFitting.LEAD_WINDOW_DAYS))) {
                    created.add(o);
                }
            }
            if (closed.isEmpty()) {
                continue;
            }
            List<Long> forecast =
                    reps.stream().filter(r -> known.containsKey(r)).toList();
            List<RepModel> models =
                    ModelFitting.fit(new ModelFitting.Facts(asOf, teamOf, closed, created, open, Map.of()), forecast);
            double[][] totals = MonteCarlo.run(
                    models, 0, ModelFitting.days(asOf, monthEnd), Levers.AS_IS, trials, Sandbox.DEFAULT_SEED);
            looked++;
            first = first == null ? month.toString() : first;
            last = month.toString();
            for (int r = 0; r < forecast.size(); r++) {
                Distribution d = Distribution.of(totals[r], BigDecimal.ZERO);
                double a = actual.getOrDefault(forecast.get(r), 0.0);
                repMonths++;
                if (a < d.p10().doubleValue() - 0.5) {
                    below++;
                } else if (a <= d.p90().doubleValue() + 0.5) {
                    covered++;
                }
            }
        }
        return new Result(repMonths, covered, below, looked, first, last);
    }

    private static boolean within(OffsetDateTime at, OffsetDateTime from, OffsetDateTime to) {
        return at != null && !at.isBefore(from) && at.isBefore(to);
    }

    private static double amount(OpportunityRef o) {
        return o.amount() == null ? 0 : o.amount().doubleValue();
    }
}
