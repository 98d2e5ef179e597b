package app.lantern.calendar;

import static lantern.db.Tables.CALENDAR_DAY;
import static lantern.db.Tables.CALENDAR_SETTINGS;
import static lantern.db.Tables.CALENDAR_YEAR;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The calendar data from the database, cached per year. A year is read once and kept as a {@link YearTable}; an edit
 * on this node drops the cache when its transaction commits. Edits on other nodes are noticed through
 * {@code calendar_settings.version}, which this node re-reads at most every {@code lantern.calendar.recheck-seconds}
 * (default 30) seconds — so a hot path costs no database query.
 */
@Component
class CalendarStore implements CalendarSource {

    static final int FIRST_CACHED_YEAR = 1970;
    static final int LAST_CACHED_YEAR = 2199;
    private static final Logger log = LoggerFactory.getLogger(CalendarStore.class);

    private final DSLContext db;
    private final AtomicReferenceArray<YearTable> years =
            new AtomicReferenceArray<>(LAST_CACHED_YEAR - FIRST_CACHED_YEAR + 1);
    private final AtomicLong generation = new AtomicLong();
    private volatile Settings settings;
    private volatile long checkedAt;
    private final long recheckNanos;

    private record Settings(WorkingHours hours, long version) {}

    CalendarStore(DSLContext db, @Value("${lantern.calendar.recheck-seconds:30}") long recheckSeconds) {
        this.db = db;
        this.recheckNanos = TimeUnit.SECONDS.toNanos(recheckSeconds);
    }

    @Override
    public YearTable year(int year) {
        freshen();
        if (year < FIRST_CACHED_YEAR || year > LAST_CACHED_YEAR) {
            // admins cannot enter days outside the cached range: such a year is always the plain statutory fallback
            return YearTable.build(year, null, List.of());
        }
        int i = year - FIRST_CACHED_YEAR;
        YearTable table = years.get(i);
        if (table == null) {
            long gen = generation.get();
            table = load(year);
            if (generation.get() == gen) {
                years.compareAndSet(i, null, table);
            }
        }
        return table;
    }

    @Override
    public WorkingHours hours() {
        freshen();
        return settings().hours();
    }

    /** Drops every cached year now, or — inside a transaction — once it commits (a rollback keeps the cache). */
    void invalidateAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    invalidate();
                }
            });
        } else {
            invalidate();
        }
    }

    void invalidate() {
        generation.incrementAndGet();
        for (int i = 0; i < years.length(); i++) {
            years.set(i, null);
        }
        settings = readSettings();
        checkedAt = System.nanoTime();
    }

    /** Bumps the shared version so other nodes drop their caches; call inside the editing transaction. */
    void bumpVersion() {
        db.update(CALENDAR_SETTINGS)
                .set(CALENDAR_SETTINGS.VERSION, CALENDAR_SETTINGS.VERSION.plus(1))
                .where(CALENDAR_SETTINGS.ID.eq(1))
                .execute();
    }

    private Settings settings() {
        Settings s = settings;
        if (s == null) {
            s = readSettings();
            settings = s;
            checkedAt = System.nanoTime();
        }
        return s;
    }

    private void freshen() {
        Settings current = settings;
        if (current != null && System.nanoTime() - checkedAt < recheckNanos) {
            return;
        }
        checkedAt = System.nanoTime();
        try {
            Settings read = readSettings();
            if (current != null && read.version() != current.version()) {
                log.info(
                        "calendar changed on another node (version {} → {}); reloading",
                        current.version(),
                        read.version());
                generation.incrementAndGet();
                for (int i = 0; i < years.length(); i++) {
                    years.set(i, null);
                }
            }
            settings = read;
        } catch (RuntimeException e) {
            if (current == null) {
                throw e;
            }
            log.warn("could not re-check the calendar version; keeping the cached calendar", e);
        }
    }

    private Settings readSettings() {
        Record3<java.time.LocalTime, java.time.LocalTime, Long> r = db.select(
                        CALENDAR_SETTINGS.WORK_START, CALENDAR_SETTINGS.WORK_END, CALENDAR_SETTINGS.VERSION)
                .from(CALENDAR_SETTINGS)
                .where(CALENDAR_SETTINGS.ID.eq(1))
                .fetchOne();
        if (r == null) {
            return new Settings(WorkingHours.DEFAULT, -1);
        }
        return new Settings(new WorkingHours(r.value1(), r.value2()), r.value3());
    }

    private YearTable load(int year) {
        String title = db.select(CALENDAR_YEAR.TITLE)
                .from(CALENDAR_YEAR)
                .where(CALENDAR_YEAR.YEAR_NUMBER.eq(year))
                .fetchOne(CALENDAR_YEAR.TITLE);
        List<CalendarDay> days = db.select(CALENDAR_DAY.DAY_DATE, CALENDAR_DAY.KIND, CALENDAR_DAY.NAME)
                .from(CALENDAR_DAY)
                .where(CALENDAR_DAY.DAY_DATE.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)))
                .orderBy(CALENDAR_DAY.DAY_DATE)
                .fetch(r -> new CalendarDay(r.value1(), DayKind.valueOf(r.value2()), r.value3(), true));
        return YearTable.build(year, title, days);
    }
}
