package app.lantern.calendar;

import static lantern.db.Tables.CALENDAR_DAY;
import static lantern.db.Tables.CALENDAR_SETTINGS;
import static lantern.db.Tables.CALENDAR_YEAR;

import app.lantern.audit.AuditLog;
import app.lantern.shared.ConflictException;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.Texts;
import app.lantern.shared.ValidationException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lantern.db.tables.records.CalendarDayRecord;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins do with the calendar: view a year, add/change/remove a day, set working hours, mark a year's notice as
 * entered. Every change is validated, audited as a configuration change in the same transaction, and visible to
 * {@link WorkingCalendar} as soon as it commits.
 */
@Service
public class CalendarAdministration {

    public static final int FIRST_YEAR = CalendarStore.FIRST_CACHED_YEAR;
    public static final int LAST_YEAR = CalendarStore.LAST_CACHED_YEAR;
    public static final int NAME_MAX = 40;
    public static final int TITLE_MAX = 200;
    /** From this day on, next year's missing notice is worth a warning (notices are usually published Oct–Dec). */
    static final MonthDay NEXT_YEAR_WARNING_FROM = MonthDay.of(10, 1);

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final DSLContext db;
    private final CalendarStore store;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CalendarAdministration(
            DSLContext db, CalendarStore store, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.store = store;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public CalendarYear year(int year) {
        requireYear("year", year);
        return store.year(year).view();
    }

    public WorkingHours workingHours() {
        return store.hours();
    }

    /** Years (this one, and from October the next one) whose notice is not entered yet. */
    public List<FallbackWarning> warnings() {
        LocalDate today = LocalDate.now(clock);
        List<FallbackWarning> warnings = new ArrayList<>();
        addWarning(warnings, today.getYear());
        if (!MonthDay.from(today).isBefore(NEXT_YEAR_WARNING_FROM)) {
            addWarning(warnings, today.getYear() + 1);
        }
        return warnings;
    }

    private void addWarning(List<FallbackWarning> warnings, int year) {
        CalendarYear y = year(year);
        if (y.fallback()) {
            warnings.add(new FallbackWarning(year, y.lunarCovered()));
        }
    }

    /**
     * Adds or changes the explicit entry of {@code date}.
     *
     * @param kind HOLIDAY or WORKDAY; a WORKDAY (调休上班) must fall on a Saturday or Sunday
     */
    @Transactional
    public CalendarDay saveDay(LocalDate date, String kind, String name) {
        FieldErrors errors = new FieldErrors();
        if (date == null) {
            errors.add("date", "must not be blank");
        } else if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            errors.add("date", "must be in the years " + FIRST_YEAR + "–" + LAST_YEAR);
        }
        DayKind dayKind = null;
        if (Texts.isBlank(kind)) {
            errors.add("kind", "must not be blank");
        } else {
            try {
                dayKind = DayKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("kind", "must be one of [HOLIDAY, WORKDAY]");
            }
        }
        String cleanName = Texts.clean(name);
        Texts.require(errors, "name", cleanName, NAME_MAX);
        if (cleanName != null && cleanName.chars().anyMatch(Character::isISOControl)) {
            errors.add("name", "must not contain control characters");
        }
        errors.throwIfAny();
        if (dayKind == DayKind.WORKDAY
                && date.getDayOfWeek() != DayOfWeek.SATURDAY
                && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
            throw ValidationException.unprocessable(
                    "kind",
                    "a make-up working day (WORKDAY) must be a Saturday or Sunday; " + date
                            + " is already a working day");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        CalendarDayRecord existing = db.selectFrom(CALENDAR_DAY)
                .where(CALENDAR_DAY.DAY_DATE.eq(date))
                .forUpdate()
                .fetchOne();
        Map<String, Object> after = fields(dayKind.name(), cleanName);
        if (existing == null) {
            try {
                db.insertInto(CALENDAR_DAY)
                        .set(CALENDAR_DAY.DAY_DATE, date)
                        .set(CALENDAR_DAY.KIND, dayKind.name())
                        .set(CALENDAR_DAY.NAME, cleanName)
                        .set(CALENDAR_DAY.SOURCE_YEAR, date.getYear())
                        .set(CALENDAR_DAY.UPDATED_AT, now)
                        .execute();
            } catch (DuplicateKeyException e) {
                throw new ConflictException(
                        "another admin entered " + date + " at the same time; reload and try again",
                        Map.of("date", date.toString()));
            }
            audit.created("calendar_day", date.toString(), after);
        } else {
            Map<String, Object> before = fields(existing.getKind(), existing.getName());
            if (before.equals(after)) {
                return new CalendarDay(date, dayKind, cleanName, true);
            }
            db.update(CALENDAR_DAY)
                    .set(CALENDAR_DAY.KIND, dayKind.name())
                    .set(CALENDAR_DAY.NAME, cleanName)
                    .set(CALENDAR_DAY.UPDATED_AT, now)
                    .where(CALENDAR_DAY.DAY_DATE.eq(date))
                    .execute();
            audit.updated("calendar_day", date.toString(), before, after);
        }
        changed(date.getYear());
        return new CalendarDay(date, dayKind, cleanName, true);
    }

    /** Removes the explicit entry of {@code date}; the day then follows the weekday rule (or the statutory fallback). */
    @Transactional
    public void deleteDay(LocalDate date) {
        CalendarDayRecord existing = db.selectFrom(CALENDAR_DAY)
                .where(CALENDAR_DAY.DAY_DATE.eq(date))
                .forUpdate()
                .fetchOne();
        if (existing == null) {
            throw NotFoundException.of("calendar day", date);
        }
        db.deleteFrom(CALENDAR_DAY).where(CALENDAR_DAY.DAY_DATE.eq(date)).execute();
        audit.deleted("calendar_day", date.toString(), fields(existing.getKind(), existing.getName()));
        changed(date.getYear());
    }

    /** Sets the daily working hours, given as {@code HH:mm}. */
    @Transactional
    public WorkingHours changeWorkingHours(String start, String end) {
        FieldErrors errors = new FieldErrors();
        LocalTime s = parseTime(errors, "start", start);
        LocalTime e = parseTime(errors, "end", end);
        errors.throwIfAny();
        if (!s.isBefore(e)) {
            throw ValidationException.field("end", "must be after start");
        }
        WorkingHours before = store.hours();
        WorkingHours after = new WorkingHours(s, e);
        if (before.equals(after)) {
            return after;
        }
        db.update(CALENDAR_SETTINGS)
                .set(CALENDAR_SETTINGS.WORK_START, s)
                .set(CALENDAR_SETTINGS.WORK_END, e)
                .set(CALENDAR_SETTINGS.UPDATED_AT, OffsetDateTime.now(clock))
                .where(CALENDAR_SETTINGS.ID.eq(1))
                .execute();
        audit.updated("calendar_settings", 1, hoursFields(before), hoursFields(after));
        store.bumpVersion();
        store.invalidateAfterCommit();
        events.publishEvent(new WorkingHoursChanged(before, after));
        return after;
    }

    /**
     * Records that the State Council notice for {@code year} has been entered as days: the year stops falling back to
     * the statutory dates and the warning goes away.
     */
    @Transactional
    public void confirmNotice(int year, String title) {
        requireYear("year", year);
        FieldErrors errors = new FieldErrors();
        String cleanTitle = Texts.clean(title);
        Texts.require(errors, "title", cleanTitle, TITLE_MAX);
        errors.throwIfAny();
        boolean exists = db.fetchExists(CALENDAR_YEAR, CALENDAR_YEAR.YEAR_NUMBER.eq(year));
        if (exists) {
            String old = db.select(CALENDAR_YEAR.TITLE)
                    .from(CALENDAR_YEAR)
                    .where(CALENDAR_YEAR.YEAR_NUMBER.eq(year))
                    .fetchOne(CALENDAR_YEAR.TITLE);
            db.update(CALENDAR_YEAR)
                    .set(CALENDAR_YEAR.TITLE, cleanTitle)
                    .where(CALENDAR_YEAR.YEAR_NUMBER.eq(year))
                    .execute();
            audit.updated("calendar_year", year, Map.of("title", old), Map.of("title", cleanTitle));
        } else {
            db.insertInto(CALENDAR_YEAR)
                    .set(CALENDAR_YEAR.YEAR_NUMBER, year)
                    .set(CALENDAR_YEAR.TITLE, cleanTitle)
                    .set(CALENDAR_YEAR.CONFIRMED_AT, OffsetDateTime.now(clock))
                    .execute();
            audit.recorded("calendar_year", year, "notice.confirmed", Map.of("title", cleanTitle, "source", "notice"));
        }
        changed(year);
    }

    /** Undoes {@link #confirmNotice}: the year falls back to the statutory dates again (its explicit days stay). */
    @Transactional
    public void revertToFallback(int year) {
        requireYear("year", year);
        String title = db.select(CALENDAR_YEAR.TITLE)
                .from(CALENDAR_YEAR)
                .where(CALENDAR_YEAR.YEAR_NUMBER.eq(year))
                .fetchOne(CALENDAR_YEAR.TITLE);
        if (title == null) {
            throw NotFoundException.of("calendar notice", year);
        }
        db.deleteFrom(CALENDAR_YEAR).where(CALENDAR_YEAR.YEAR_NUMBER.eq(year)).execute();
        audit.recorded("calendar_year", year, "notice.withdrawn", Map.of("title", title, "source", "fallback"));
        changed(year);
    }

    private void changed(int year) {
        store.bumpVersion();
        store.invalidateAfterCommit();
        events.publishEvent(new CalendarChanged(year));
    }

    private static void requireYear(String field, int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw ValidationException.field(field, "must be between " + FIRST_YEAR + " and " + LAST_YEAR);
        }
    }

    private static LocalTime parseTime(FieldErrors errors, String field, String value) {
        if (Texts.isBlank(value)) {
            errors.add(field, "must not be blank");
            return null;
        }
        try {
            return LocalTime.parse(value.strip(), HH_MM);
        } catch (DateTimeParseException e) {
            errors.add(field, "must be a time HH:mm");
            return null;
        }
    }

    private static Map<String, Object> fields(String kind, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("name", name);
        return m;
    }

    private static Map<String, Object> hoursFields(WorkingHours h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", h.start().format(HH_MM));
        m.put("end", h.end().format(HH_MM));
        return m;
    }
}
