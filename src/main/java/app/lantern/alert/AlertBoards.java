package app.lantern.alert;

import static lantern.db.Tables.ALERTS;

import app.lantern.identity.DataScopes;
import app.lantern.identity.Directory;
import app.lantern.identity.RecordKind;
import app.lantern.identity.UserSummary;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alert board read in SQL: the counts per rep and rule grouped by the database, and only the alerts the page
 * shows (at most {@link AlertBoard#SHOWN}), however many alerts are open in the reader's scope.
 */
@Service
@Transactional(readOnly = true)
public class AlertBoards {

    private final DSLContext db;
    private final DataScopes scopes;
    private final Directory directory;
    private final Clock clock;

    AlertBoards(DSLContext db, DataScopes scopes, Directory directory, Clock clock) {
        this.db = db;
        this.scopes = scopes;
        this.directory = directory;
        this.clock = clock;
    }

    /** Unresolved alerts in the reader's scope, snoozed ones only when asked, narrowed to a rule and a rep if given. */
    public AlertBoard board(boolean includeSnoozed, String rule, Long rep) {
        Condition open = ALERTS.RESOLVED_AT
                .isNull()
                .and(scopes.current(RecordKind.OPPORTUNITY).condition(ALERTS.OWNER_ID));
        if (!includeSnoozed) {
            open = open.and(ALERTS.SNOOZED_UNTIL.isNull().or(ALERTS.SNOOZED_UNTIL.le(OffsetDateTime.now(clock))));
        }
        Map<Long, String> names =
                directory.users().stream().collect(Collectors.toMap(UserSummary::id, UserSummary::displayName));
        var high = DSL.count().filterWhere(ALERTS.SEVERITY.eq("HIGH"));
        List<AlertBoard.Count> counts = db.select(ALERTS.OWNER_ID, ALERTS.RULE_CODE, DSL.count(), high)
                .from(ALERTS)
                .where(open)
                .groupBy(ALERTS.OWNER_ID, ALERTS.RULE_CODE)
                .fetch(r -> new AlertBoard.Count(
                        r.value1(), names.getOrDefault(r.value1(), ""), r.value2(), r.value3(), r.value4()));
        Condition shown = open;
        if (rule != null) {
            shown = shown.and(ALERTS.RULE_CODE.eq(rule));
        }
        if (rep != null) {
            shown = shown.and(ALERTS.OWNER_ID.eq(rep));
        }
        List<AlertView> alerts = db.selectFrom(ALERTS)
                .where(shown)
                .orderBy(
                        DSL.case_(ALERTS.SEVERITY)
                                .when("HIGH", 0)
                                .when("MEDIUM", 1)
                                .otherwise(2),
                        ALERTS.OPENED_AT,
                        ALERTS.ID)
                .limit(AlertBoard.SHOWN)
                .fetch(a -> Alerts.view(a, names));
        return AlertBoard.of(alerts, counts, rule, rep);
    }
}
