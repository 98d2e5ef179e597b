package app.lantern.activity;

import static lantern.db.Tables.ACTIVITIES;
import static lantern.db.Tables.ACTIVITY_BACKFILL_SETTINGS;

import app.lantern.audit.AuditLog;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.identity.CurrentActor;
import app.lantern.shared.ConflictException;
import app.lantern.shared.FieldErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record4;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flags back-filled entries (补录) with the admin's thresholds: around each new entry as it is logged, and over the
 * recent past whenever the thresholds change, so a burst typed late on a Sunday is found however long after the
 * events it was.
 */
@Service
@Transactional
public class BackfillDetection {

    /** How far back a change of thresholds re-flags entries. */
    static final Duration REFLAG_HORIZON = Duration.ofDays(190);

    private final DSLContext db;
    private final WorkingCalendar calendar;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final Clock clock;

    BackfillDetection(DSLContext db, WorkingCalendar calendar, CurrentActor currentActor, AuditLog audit, Clock clock) {
        this.db = db;
        this.calendar = calendar;
        this.currentActor = currentActor;
        this.audit = audit;
        this.clock = clock;
    }

    /** The thresholds in force, with the settings' version for optimistic locking. */
    public record Settings(BackfillRules rules, int version) {}

    @Transactional(readOnly = true)
    public Settings settings() {
        var r = db.selectFrom(ACTIVITY_BACKFILL_SETTINGS)
                .where(ACTIVITY_BACKFILL_SETTINGS.ID.eq(1))
                .fetchSingle();
        return new Settings(
                new BackfillRules(
                        Duration.ofHours(r.getLateAfterHours()),
                        r.getBurstSize(),
                        Duration.ofMinutes(r.getBurstWindowMinutes())),
                r.getVersion());
    }

    public BackfillRules rules() {
        return settings().rules();
    }

    /**
     * Changes the thresholds (administrators; the web layer checks the role) and re-flags the entries of the last
     * {@link #REFLAG_HORIZON}; 409 when someone changed them since {@code expectedVersion}.
     */
    public Settings update(Integer lateAfterHours, Integer burstSize, Integer burstWindowMinutes, int expectedVersion) {
        FieldErrors e = new FieldErrors();
        e.addIf(
                lateAfterHours == null || lateAfterHours < 1 || lateAfterHours > BackfillRules.MAX_LATE_HOURS,
                "lateAfterHours",
                "must be between 1 and " + BackfillRules.MAX_LATE_HOURS);
        e.addIf(burstSize == null || burstSize < 2 || burstSize > 1000, "burstSize", "must be between 2 and 1000");
        e.addIf(
                burstWindowMinutes == null
                        || burstWindowMinutes < 1
                        || burstWindowMinutes > BackfillRules.MAX_BURST_MINUTES,
                "burstWindowMinutes",
                "must be between 1 and " + BackfillRules.MAX_BURST_MINUTES);
        e.throwIfAny();
        Settings before = settings();
        int n = db.update(ACTIVITY_BACKFILL_SETTINGS)
                .set(ACTIVITY_BACKFILL_SETTINGS.LATE_AFTER_HOURS, lateAfterHours)
                .set(ACTIVITY_BACKFILL_SETTINGS.BURST_SIZE, burstSize)
                .set(ACTIVITY_BACKFILL_SETTINGS.BURST_WINDOW_MINUTES, burstWindowMinutes)
                .set(ACTIVITY_BACKFILL_SETTINGS.VERSION, ACTIVITY_BACKFILL_SETTINGS.VERSION.plus(1))
                .set(ACTIVITY_BACKFILL_SETTINGS.UPDATED_AT, OffsetDateTime.now(clock))
                .set(
                        ACTIVITY_BACKFILL_SETTINGS.UPDATED_BY,
                        currentActor.require().userId())
                .where(ACTIVITY_BACKFILL_SETTINGS.ID.eq(1))
                .and(ACTIVITY_BACKFILL_SETTINGS.VERSION.eq(expectedVersion))
                .execute();
        if (n == 0) {
            throw new ConflictException(
                    "the back-fill settings were changed by someone else; reload and try again",
                    Map.of("currentVersion", before.version()));
        }
        audit.updated(
                "backfillSettings", 1, fields(before.rules()), fields(settings().rules()));
        OffsetDateTime now = OffsetDateTime.now(clock);
        reflag(null, now.minus(REFLAG_HORIZON), now.plusMinutes(1));
        return settings();
    }

    /** Re-flags the owner's entries typed around {@code createdAt} (the entry just logged and its neighbours). */
    void flagAround(long ownerId, OffsetDateTime createdAt) {
        BackfillRules rules = rules();
        Duration w = rules.burstWindow();
        reflag(
                ACTIVITIES.OWNER_ID.eq(ownerId),
                rules,
                createdAt.minus(w.multipliedBy(2)),
                createdAt.plus(w.multipliedBy(2)),
                createdAt.minus(w),
                createdAt.plus(w));
    }

    /**
     * Re-flags every entry typed in {@code [from, to)} ({@code owner} null: everybody's); returns how many flags
     * changed.
     */
    public int reflag(Condition owner, OffsetDateTime from, OffsetDateTime to) {
        BackfillRules rules = rules();
        Duration w = rules.burstWindow();
        return reflag(owner, rules, from.minus(w), to.plus(w), from, to);
    }

    private int reflag(
            Condition owner,
            BackfillRules rules,
            OffsetDateTime loadFrom,
            OffsetDateTime loadTo,
            OffsetDateTime keepFrom,
            OffsetDateTime keepTo) {
        Map<Long, List<Record4<Long, Long, OffsetDateTime, OffsetDateTime>>> byOwner = new LinkedHashMap<>();
        Map<Long, String> stored = new LinkedHashMap<>();
        db.select(
                        ACTIVITIES.ID,
                        ACTIVITIES.OWNER_ID,
                        ACTIVITIES.OCCURRED_AT,
                        ACTIVITIES.CREATED_AT,
                        ACTIVITIES.BACKFILL)
                .from(ACTIVITIES)
                .where(owner == null ? ACTIVITIES.ID.isNotNull() : owner)
                .and(ACTIVITIES.CREATED_AT.ge(loadFrom))
                .and(ACTIVITIES.CREATED_AT.lt(loadTo))
                .orderBy(ACTIVITIES.OWNER_ID, ACTIVITIES.CREATED_AT)
                .forEach(r -> {
                    byOwner.computeIfAbsent(r.value2(), k -> new ArrayList<>())
                            .add(r.into(
                                    ACTIVITIES.ID, ACTIVITIES.OWNER_ID, ACTIVITIES.OCCURRED_AT, ACTIVITIES.CREATED_AT));
                    stored.put(r.value1(), r.value5());
                });
        var batch = db.batch(
                db.update(ACTIVITIES).set(ACTIVITIES.BACKFILL, (String) null).where(ACTIVITIES.ID.eq((Long) null)));
        for (var rows : byOwner.values()) {
            List<String> flags = rules.classify(
                    rows.stream()
                            .map(r -> new BackfillRules.Entry(r.value3(), r.value4()))
                            .toList(),
                    t -> calendar.isWithinWorkingHours(t.toInstant()));
            for (int i = 0; i < rows.size(); i++) {
                var r = rows.get(i);
                boolean kept = !r.value4().isBefore(keepFrom) && r.value4().isBefore(keepTo);
                if (kept && !Objects.equals(stored.get(r.value1()), flags.get(i))) {
                    batch.bind(flags.get(i), r.value1());
                }
            }
        }
        int changed = batch.size();
        if (changed > 0) {
            batch.execute();
        }
        return changed;
    }

    private static Map<String, Object> fields(BackfillRules rules) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lateAfterHours", rules.lateAfter().toHours());
        m.put("burstSize", rules.burstSize());
        m.put("burstWindowMinutes", rules.burstWindow().toMinutes());
        return m;
    }
}
