package app.lantern.quote;

import static lantern.db.Tables.QUOTES;
import static lantern.db.Tables.QUOTE_APPROVALS;

import app.lantern.identity.DataScope;
import app.lantern.identity.DataScopes;
import app.lantern.identity.RecordKind;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Figures about quotes, in the caller's data scope: how long approvals take, in working hours, by role. */
@Service
@Transactional(readOnly = true)
public class QuoteMetrics {

    private final DSLContext db;
    private final DataScopes scopes;
    private final WorkingTime workingTime;
    private final Clock clock;

    QuoteMetrics(DSLContext db, DataScopes scopes, WorkingTime workingTime, Clock clock) {
        this.db = db;
        this.scopes = scopes;
        this.workingTime = workingTime;
        this.clock = clock;
    }

    /** As {@link #averageApprovalLatencyHours(OffsetDateTime, OffsetDateTime)} for the days {@code from}–{@code to}, both included, in the business zone. */
    @Transactional(readOnly = true)
    public Map<String, Double> averageApprovalLatencyHours(LocalDate from, LocalDate to) {
        ZoneId zone = clock.getZone();
        return averageApprovalLatencyHours(
                from.atStartOfDay(zone).toOffsetDateTime(),
                to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
    }

    /** Approval latency (working hours from request to decision) of steps decided in the range, by role. */
    @Transactional(readOnly = true)
    public Map<String, Double> averageApprovalLatencyHours(OffsetDateTime from, OffsetDateTime to) {
        DataScope scope = scopes.current(RecordKind.QUOTE);
        Map<String, List<Double>> byRole = new LinkedHashMap<>();
        db.select(QUOTE_APPROVALS.ROLE, QUOTE_APPROVALS.REQUESTED_AT, QUOTE_APPROVALS.DECIDED_AT)
                .from(QUOTE_APPROVALS)
                .join(QUOTES)
                .on(QUOTES.ID.eq(QUOTE_APPROVALS.QUOTE_ID))
                .where(scope.condition(QUOTES.OWNER_ID))
                .and(QUOTE_APPROVALS.DECIDED_AT.ge(from))
                .and(QUOTE_APPROVALS.DECIDED_AT.lt(to))
                .forEach(r -> byRole.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(workingTime.hours(r.value2(), r.value3())));
        Map<String, Double> result = new LinkedHashMap<>();
        byRole.forEach((role, values) -> result.put(
                role, values.stream().mapToDouble(Double::doubleValue).average().orElse(0)));
        return result;
    }
}
