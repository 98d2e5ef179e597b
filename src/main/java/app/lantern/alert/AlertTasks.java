package app.lantern.alert;

import static lantern.db.Tables.ALERT_TASKS;

import app.lantern.audit.AuditLog;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.DataScopes;
import app.lantern.identity.RecordKind;
import app.lantern.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lantern.db.tables.records.AlertTasksRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks that alert rules open for their audience ("open a task"): a title, a link to the subject, a due date in
 * working days, done or not. One task per alert and assignee; opening, completing and reopening are audited.
 */
@Service
public class AlertTasks {

    public record Task(
            long id,
            long alertId,
            long assigneeId,
            String title,
            String subjectLink,
            LocalDate dueOn,
            boolean done,
            OffsetDateTime doneAt,
            boolean overdue) {}

    private final DSLContext db;
    private final AuditLog audit;
    private final WorkingCalendar calendar;
    private final CurrentActor currentActor;
    private final DataScopes scopes;
    private final Clock clock;

    AlertTasks(
            DSLContext db,
            AuditLog audit,
            WorkingCalendar calendar,
            CurrentActor currentActor,
            DataScopes scopes,
            Clock clock) {
        this.db = db;
        this.audit = audit;
        this.calendar = calendar;
        this.currentActor = currentActor;
        this.scopes = scopes;
        this.clock = clock;
    }

    /** Opens the task of an alert for one assignee, due {@code dueInWorkingDays} working days from today; joins the caller's transaction. */
    @Transactional
    void open(long alertId, long assigneeId, String title, String subjectLink, int dueInWorkingDays) {
        LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
        LocalDate due = calendar.addWorkingDays(calendar.workingDayOnOrAfter(today), Math.max(0, dueInWorkingDays));
        String t = title.length() <= 300 ? title : title.substring(0, 300);
        Long id = db.insertInto(ALERT_TASKS)
                .set(ALERT_TASKS.ALERT_ID, alertId)
                .set(ALERT_TASKS.ASSIGNEE_ID, assigneeId)
                .set(ALERT_TASKS.TITLE, t)
                .set(ALERT_TASKS.SUBJECT_LINK, subjectLink)
                .set(ALERT_TASKS.DUE_ON, due)
                .set(ALERT_TASKS.CREATED_AT, OffsetDateTime.now(clock))
                .onConflict(ALERT_TASKS.ALERT_ID, ALERT_TASKS.ASSIGNEE_ID)
                .doNothing()
                .returningResult(ALERT_TASKS.ID)
                .fetchOptional(ALERT_TASKS.ID)
                .orElse(null);
        if (id != null) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("alert", alertId);
            f.put("assignee", assigneeId);
            f.put("title", t);
            f.put("dueOn", due.toString());
            audit.created("alert_task", id, f);
        }
    }

    /** Open tasks first (earliest due first), then the last done ones, of an assignee the caller may see. */
    @Transactional(readOnly = true)
    public List<Task> of(long assigneeId, int limit) {
        scopes.current(RecordKind.OPPORTUNITY).require(assigneeId, "user", assigneeId);
        LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
        return db.selectFrom(ALERT_TASKS)
                .where(ALERT_TASKS.ASSIGNEE_ID.eq(assigneeId))
                .orderBy(
                        DSL.when(ALERT_TASKS.DONE_AT.isNull(), 0).otherwise(1),
                        ALERT_TASKS.DUE_ON,
                        ALERT_TASKS.ID.desc())
                .limit(limit)
                .fetch(r -> task(r, today));
    }

    /**
     * The alert's condition cleared by itself (the rep caught up): its open tasks are done, marked as done by nobody
     * and audited with the reason, so that nobody chases a problem that no longer exists. Joins the caller's transaction.
     */
    void closeForClearedAlert(long alertId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Long id : db.select(ALERT_TASKS.ID)
                .from(ALERT_TASKS)
                .where(ALERT_TASKS.ALERT_ID.eq(alertId))
                .and(ALERT_TASKS.DONE_AT.isNull())
                .fetch(ALERT_TASKS.ID)) {
            db.update(ALERT_TASKS)
                    .set(ALERT_TASKS.DONE_AT, now)
                    .set(ALERT_TASKS.VERSION, ALERT_TASKS.VERSION.plus(1))
                    .where(ALERT_TASKS.ID.eq(id))
                    .and(ALERT_TASKS.DONE_AT.isNull())
                    .execute();
            audit.updated("alert_task", id, Map.of("done", false), Map.of("done", true, "reason", "condition cleared"));
        }
    }

    /** Marks the task done (or, with {@code done} false, open again). Only the assignee or their managers may. */
    @Transactional
    public Task mark(long id, boolean done) {
        AlertTasksRecord r = db.selectFrom(ALERT_TASKS)
                .where(ALERT_TASKS.ID.eq(id))
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("task", id));
        scopes.current(RecordKind.OPPORTUNITY).require(r.getAssigneeId(), "task", id);
        if (done != (r.getDoneAt() != null)) {
            Actor actor = currentActor.require();
            OffsetDateTime now = OffsetDateTime.now(clock);
            db.update(ALERT_TASKS)
                    .set(ALERT_TASKS.DONE_AT, done ? now : null)
                    .set(ALERT_TASKS.DONE_BY, done ? actor.userId() : null)
                    .set(ALERT_TASKS.VERSION, ALERT_TASKS.VERSION.plus(1))
                    .where(ALERT_TASKS.ID.eq(id))
                    .execute();
            audit.updated("alert_task", id, Map.of("done", !done), Map.of("done", done));
            r.setDoneAt(done ? now : null);
        }
        return task(r, LocalDate.now(clock.withZone(calendar.zone())));
    }

    private static Task task(AlertTasksRecord r, LocalDate today) {
        return new Task(
                r.getId(),
                r.getAlertId(),
                r.getAssigneeId(),
                r.getTitle(),
                r.getSubjectLink(),
                r.getDueOn(),
                r.getDoneAt() != null,
                r.getDoneAt(),
                r.getDoneAt() == null && r.getDueOn().isBefore(today));
    }
}
