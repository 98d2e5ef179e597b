package app.lantern.alert;

import static lantern.db.Tables.ALERTS;
import static lantern.db.Tables.ALERT_RULES;

import app.lantern.audit.AuditLog;
import app.lantern.identity.DataScope;
import app.lantern.identity.DataScopes;
import app.lantern.identity.Directory;
import app.lantern.identity.RecordKind;
import app.lantern.identity.UserSummary;
import app.lantern.notification.Notifications;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.Phrase;
import app.lantern.shared.Texts;
import app.lantern.shared.ValidationException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lantern.db.tables.records.AlertsRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens, updates and closes alerts. A rule and subject have at most one unresolved alert (enforced by a unique key),
 * so evaluating a rule every half hour never repeats an alert or its notification. Acknowledging, snoozing and
 * resolving are audited. A rep is at risk (潜在掉队) while an unresolved alert of a rule that marks at-risk is open;
 * when the condition clears, {@link #clear} resolves the alert and the mark is gone.
 */
@Service
public class Alerts {

    public static final Set<String> SEVERITIES = Set.of("HIGH", "MEDIUM", "LOW");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DSLContext db;
    private final Clock clock;
    private final AuditLog audit;
    private final Notifications notifications;
    private final Directory directory;
    private final DataScopes scopes;
    private final MessageSource messages;
    private final AlertTasks tasks;
    private final ApplicationEventPublisher events;

    Alerts(
            DSLContext db,
            Clock clock,
            AuditLog audit,
            Notifications notifications,
            Directory directory,
            DataScopes scopes,
            MessageSource messages,
            AlertTasks tasks,
            ApplicationEventPublisher events) {
        this.db = db;
        this.clock = clock;
        this.audit = audit;
        this.notifications = notifications;
        this.directory = directory;
        this.scopes = scopes;
        this.messages = messages;
        this.tasks = tasks;
        this.events = events;
    }

    static String openKey(String rule, String subjectType, long subjectId) {
        return rule + "/" + subjectType + "/" + subjectId;
    }

    // ---- rules ------------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<AlertRule> rules() {
        return db.selectFrom(ALERT_RULES)
                .orderBy(ALERT_RULES.CODE)
                .fetch(r -> new AlertRule(
                        r.getCode(),
                        r.getEnabled(),
                        r.getSeverity(),
                        r.getWindowDays(),
                        r.getThreshold(),
                        r.getNotifyRep(),
                        r.getNotifyManager(),
                        r.getMarkAtRisk(),
                        r.getOpenTask(),
                        r.getTaskDueDays()));
    }

    Optional<AlertRule> rule(String code) {
        return rules().stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /** Changes a rule's settings (admins); audited. */
    @Transactional
    public void updateRule(AlertRule rule) {
        AlertRule before = rule(rule.code()).orElseThrow(() -> NotFoundException.of("alert rule", rule.code()));
        FieldErrors errors = new FieldErrors();
        errors.addIf(!SEVERITIES.contains(rule.severity()), "severity", "must be HIGH, MEDIUM or LOW");
        errors.addIf(
                rule.windowDays() < 0 || rule.windowDays() > 60, "windowDays", "must be between 0 and 60 working days");
        errors.addIf(rule.threshold() < 0 || rule.threshold() > 100, "threshold", "must be between 0 and 100");
        errors.addIf(
                rule.taskDueDays() < 0 || rule.taskDueDays() > 20,
                "taskDueDays",
                "must be between 0 and 20 working days");
        errors.throwIfAny();
        db.update(ALERT_RULES)
                .set(ALERT_RULES.ENABLED, rule.enabled())
                .set(ALERT_RULES.SEVERITY, rule.severity())
                .set(ALERT_RULES.WINDOW_DAYS, rule.windowDays())
                .set(ALERT_RULES.THRESHOLD, rule.threshold())
                .set(ALERT_RULES.NOTIFY_REP, rule.notifyRep())
                .set(ALERT_RULES.NOTIFY_MANAGER, rule.notifyManager())
                .set(ALERT_RULES.MARK_AT_RISK, rule.markAtRisk())
                .set(ALERT_RULES.OPEN_TASK, rule.openTask())
                .set(ALERT_RULES.TASK_DUE_DAYS, rule.taskDueDays())
                .set(ALERT_RULES.UPDATED_AT, OffsetDateTime.now(clock))
                .set(ALERT_RULES.VERSION, ALERT_RULES.VERSION.plus(1))
                .where(ALERT_RULES.CODE.eq(rule.code()))
                .execute();
        audit.updated("alert_rule", rule.code(), fields(before), fields(rule));
    }

    private static Map<String, Object> fields(AlertRule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", r.enabled());
        m.put("severity", r.severity());
        m.put("windowDays", r.windowDays());
        m.put("threshold", r.threshold());
        m.put("notifyRep", r.notifyRep());
        m.put("notifyManager", r.notifyManager());
        m.put("markAtRisk", r.markAtRisk());
        m.put("openTask", r.openTask());
        m.put("taskDueDays", r.taskDueDays());
        return m;
    }

    // ---- raising and clearing ---------------------------------------------------------------------------------------

    /** The open alert of the key shows the latest signal's message and evidence, and when it was last seen. */
    private void refresh(String key, AlertSignal s, OffsetDateTime now) {
        db.update(ALERTS)
                .set(ALERTS.LAST_SEEN_AT, now)
                .set(ALERTS.MESSAGE, truncate(chinese(s.message()), 1000))
                .set(ALERTS.MESSAGE_KEY, s.message().key())
                .set(ALERTS.MESSAGE_ARGS, args(s.message()))
                .set(ALERTS.EVIDENCE_LINK, s.evidenceLink())
                .where(ALERTS.OPEN_KEY.eq(key))
                .execute();
    }

    /**
     * Inserts the open alert unless one with its key exists. On PostgreSQL the conflict clause is atomic; H2 emulates it
     * with a MERGE that a concurrent insert of the same key (the evaluation job and a user's action at once) can still
     * break with a unique violation, which means the same thing: the alert is already open. H2 fails only the
     * statement, so the caller's transaction goes on.
     */
    private Optional<Long> insertOpen(AlertSignal s, String severity, String key, OffsetDateTime now) {
        try {
            return db.insertInto(ALERTS)
                    .set(ALERTS.RULE_CODE, s.ruleCode())
                    .set(ALERTS.SUBJECT_TYPE, s.subjectType())
                    .set(ALERTS.SUBJECT_ID, s.subjectId())
                    .set(ALERTS.OWNER_ID, s.ownerId())
                    .set(ALERTS.SEVERITY, severity)
                    .set(ALERTS.MESSAGE, truncate(chinese(s.message()), 1000))
                    .set(ALERTS.MESSAGE_KEY, s.message().key())
                    .set(ALERTS.MESSAGE_ARGS, args(s.message()))
                    .set(ALERTS.EVIDENCE_LINK, s.evidenceLink())
                    .set(ALERTS.STATUS, "OPEN")
                    .set(ALERTS.OPEN_KEY, key)
                    .set(ALERTS.OPENED_AT, now)
                    .set(ALERTS.LAST_SEEN_AT, now)
                    .onConflict(ALERTS.OPEN_KEY)
                    .doNothing()
                    .returningResult(ALERTS.ID)
                    .fetchOptional(ALERTS.ID);
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    /**
     * Opens an alert for the signal, or refreshes the open one of the same rule and subject (no second alert, no
     * second notification). Ignored when the rule is switched off. Joins the caller's transaction.
     */
    @Transactional
    public void raise(AlertSignal s) {
        AlertRule rule = rule(s.ruleCode())
                .orElseThrow(() -> ValidationException.field("ruleCode", "unknown rule " + s.ruleCode()));
        if (!rule.enabled()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String key = openKey(s.ruleCode(), s.subjectType(), s.subjectId());
        if (db.fetchExists(ALERTS, ALERTS.OPEN_KEY.eq(key))) {
            refresh(key, s, now);
            return;
        }
        String severity = s.severity() != null && SEVERITIES.contains(s.severity()) ? s.severity() : rule.severity();
        Optional<Long> inserted = insertOpen(s, severity, key, now);
        if (inserted.isEmpty()) {
            refresh(key, s, now); // another node or job opened it a moment ago
            return;
        }
        long id = inserted.get();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("rule", s.ruleCode());
        f.put("subject", s.subjectType() + "/" + s.subjectId());
        f.put("owner", s.ownerId());
        f.put("severity", severity);
        String message = chinese(s.message());
        f.put("message", message);
        audit.created("alert", id, f);
        events.publishEvent(
                new AlertRaised(id, s.ruleCode(), s.subjectType(), s.subjectId(), s.ownerId(), severity, message, now));
        String title = messages.getMessage("alert.rule." + s.ruleCode(), null, s.ruleCode(), Locale.SIMPLIFIED_CHINESE);
        Optional<UserSummary> manager =
                rule.notifyManager() ? directory.directManagerOf(s.ownerId()) : Optional.empty();
        String who = directory.user(s.ownerId()).map(UserSummary::displayName).orElse("");
        Phrase ruleName = new Phrase("alert.rule." + s.ruleCode());
        String evidence = s.evidenceLink() == null ? "" : s.evidenceLink();
        if (rule.notifyRep()) {
            notifications.sendTemplated(
                    s.ownerId(),
                    "alert",
                    s.evidenceLink() == null ? "alert.raised" : "alert.raised.evidence",
                    new Object[] {ruleName, s.message(), evidence},
                    "/alerts/" + id,
                    "alert-" + id);
        }
        manager.ifPresent(m -> notifications.sendTemplated(
                m.id(),
                "alert",
                s.evidenceLink() == null ? "alert.raisedFor" : "alert.raisedFor.evidence",
                new Object[] {ruleName, s.message(), evidence, who},
                "/alerts/" + id,
                "alert-" + id));
        if (rule.openTask()) {
            if (rule.notifyRep() || manager.isEmpty()) {
                tasks.open(id, s.ownerId(), title + "：" + message, s.evidenceLink(), rule.taskDueDays());
            }
            manager.ifPresent(m -> tasks.open(
                    id, m.id(), "跟进 " + who + " · " + title + "：" + message, s.evidenceLink(), rule.taskDueDays()));
        }
    }

    /** The condition no longer holds: the open alert of this rule and subject resolves itself (with its at-risk mark and open tasks). */
    @Transactional
    public void clear(String ruleCode, String subjectType, long subjectId) {
        String key = openKey(ruleCode, subjectType, subjectId);
        db.selectFrom(ALERTS).where(ALERTS.OPEN_KEY.eq(key)).fetchOptional().ifPresent(a -> {
            close(a, "RESOLVED", "condition cleared");
            audit.recorded("alert", a.getId(), "cleared", Map.of("rule", ruleCode));
            tasks.closeForClearedAlert(a.getId());
        });
    }

    private void close(AlertsRecord a, String status, String resolution) {
        db.update(ALERTS)
                .set(ALERTS.STATUS, status)
                .setNull(ALERTS.OPEN_KEY)
                .set(ALERTS.RESOLVED_AT, OffsetDateTime.now(clock))
                .set(ALERTS.RESOLUTION, resolution)
                .set(ALERTS.VERSION, ALERTS.VERSION.plus(1))
                .where(ALERTS.ID.eq(a.getId()))
                .execute();
    }

    // ---- people acting on alerts ------------------------------------------------------------------------------------

    private AlertsRecord visible(long id) {
        AlertsRecord a = db.selectFrom(ALERTS)
                .where(ALERTS.ID.eq(id))
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("alert", id));
        scopes.current(RecordKind.OPPORTUNITY).require(a.getOwnerId(), "alert", id);
        return a;
    }

    @Transactional
    public void acknowledge(long id) {
        AlertsRecord a = visible(id);
        requireOpen(a);
        db.update(ALERTS)
                .set(ALERTS.STATUS, "ACKNOWLEDGED")
                .set(ALERTS.ACKNOWLEDGED_AT, OffsetDateTime.now(clock))
                .set(ALERTS.VERSION, ALERTS.VERSION.plus(1))
                .where(ALERTS.ID.eq(id))
                .execute();
        audit.updated("alert", id, Map.of("status", a.getStatus()), Map.of("status", "ACKNOWLEDGED"));
    }

    /** Hides the alert until {@code until}; it stays open (and a rep stays at risk). */
    @Transactional
    public void snooze(long id, OffsetDateTime until) {
        AlertsRecord a = visible(id);
        requireOpen(a);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (until == null || !until.isAfter(now) || until.isAfter(now.plusDays(30))) {
            throw ValidationException.field("until", "must be within the next 30 days");
        }
        db.update(ALERTS)
                .set(ALERTS.STATUS, "SNOOZED")
                .set(ALERTS.SNOOZED_UNTIL, until)
                .set(ALERTS.VERSION, ALERTS.VERSION.plus(1))
                .where(ALERTS.ID.eq(id))
                .execute();
        audit.updated(
                "alert",
                id,
                Map.of("status", a.getStatus()),
                Map.of("status", "SNOOZED", "snoozedUntil", until.toString()));
    }

    @Transactional
    public void resolve(long id, String note) {
        AlertsRecord a = visible(id);
        requireOpen(a);
        String n = Texts.clean(note);
        if (n != null && n.length() > 500) {
            throw ValidationException.field("note", "must be at most 500 characters");
        }
        close(a, "RESOLVED", n == null ? "resolved" : n);
        audit.updated(
                "alert",
                id,
                Map.of("status", a.getStatus()),
                Map.of("status", "RESOLVED", "resolution", n == null ? "" : n));
    }

    private static void requireOpen(AlertsRecord a) {
        if (a.getResolvedAt() != null) {
            throw ValidationException.unprocessable("status", "the alert is resolved already");
        }
    }

    // ---- reading ----------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public AlertView get(long id) {
        return view(visible(id), names());
    }

    /** Unresolved alerts in the user's scope, most severe first; snoozed ones only when {@code includeSnoozed}. */
    @Transactional(readOnly = true)
    public List<AlertView> board(Long ownerId, boolean includeSnoozed) {
        DataScope scope = scopes.current(RecordKind.OPPORTUNITY);
        OffsetDateTime now = OffsetDateTime.now(clock);
        var condition = ALERTS.RESOLVED_AT.isNull().and(scope.condition(ALERTS.OWNER_ID));
        if (ownerId != null) {
            condition = condition.and(ALERTS.OWNER_ID.eq(ownerId));
        }
        if (!includeSnoozed) {
            condition = condition.and(ALERTS.SNOOZED_UNTIL.isNull().or(ALERTS.SNOOZED_UNTIL.le(now)));
        }
        Map<Long, String> names = names();
        return db.selectFrom(ALERTS)
                .where(condition)
                .orderBy(
                        DSL.case_(ALERTS.SEVERITY)
                                .when("HIGH", 0)
                                .when("MEDIUM", 1)
                                .otherwise(2),
                        ALERTS.OPENED_AT)
                .fetch(a -> view(a, names));
    }

    /** Reps in the user's scope who are at risk (潜在掉队) now, with the alerts that mark them. */
    @Transactional(readOnly = true)
    public Map<Long, List<AlertView>> atRisk() {
        Set<String> marking = new java.util.HashSet<>();
        rules().stream().filter(AlertRule::markAtRisk).forEach(r -> marking.add(r.code()));
        Map<Long, List<AlertView>> result = new LinkedHashMap<>();
        board(null, true).stream()
                .filter(a -> marking.contains(a.ruleCode()))
                .forEach(a -> result.computeIfAbsent(a.ownerId(), k -> new java.util.ArrayList<>())
                        .add(a));
        return result;
    }

    /** Whether a rep is at risk now (unscoped, for other modules' badges). */
    @Transactional(readOnly = true)
    public boolean isAtRisk(long repId) {
        List<String> marking = rules().stream()
                .filter(AlertRule::markAtRisk)
                .map(AlertRule::code)
                .toList();
        return !marking.isEmpty()
                && db.fetchExists(
                        ALERTS,
                        ALERTS.OWNER_ID
                                .eq(repId)
                                .and(ALERTS.RESOLVED_AT.isNull())
                                .and(ALERTS.RULE_CODE.in(marking)));
    }

    private Map<Long, String> names() {
        Map<Long, String> m = new HashMap<>();
        directory.users().forEach(u -> m.put(u.id(), u.displayName()));
        return m;
    }

    /** The stored Chinese text of a message (the API's {@code message}, the audit log, tasks). */
    private String chinese(Phrase message) {
        return messages.getMessage(message, Locale.SIMPLIFIED_CHINESE);
    }

    private static String args(Phrase message) {
        return JSON.writeValueAsString(
                Arrays.stream(message.args()).map(String::valueOf).toList());
    }

    /** The message to put into the reader's words; alerts raised before messages had keys show their stored text. */
    private static Phrase text(AlertsRecord a) {
        if (a.getMessageKey() == null) {
            return new Phrase(AlertSignal.WRITTEN, a.getMessage());
        }
        return new Phrase(a.getMessageKey(), (Object[])
                JSON.readValue(a.getMessageArgs() == null ? "[]" : a.getMessageArgs(), String[].class));
    }

    static AlertView view(AlertsRecord a, Map<Long, String> names) {
        return new AlertView(
                a.getId(),
                a.getRuleCode(),
                a.getSubjectType(),
                a.getSubjectId(),
                a.getOwnerId(),
                names.getOrDefault(a.getOwnerId(), ""),
                a.getSeverity(),
                a.getMessage(),
                text(a),
                a.getEvidenceLink(),
                a.getStatus(),
                a.getOpenedAt(),
                a.getLastSeenAt(),
                a.getSnoozedUntil(),
                a.getResolvedAt(),
                a.getResolution());
    }

    private static String truncate(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}
