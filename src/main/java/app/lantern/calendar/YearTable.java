package app.lantern.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One year precomputed for fast answers: a bit per day (working or not), the running count of working days, and the
 * named days. Immutable; rebuilt when the year's data changes.
 */
final class YearTable {

    private final int year;
    private final YearSource source;
    private final String noticeTitle;
    private final boolean lunarCovered;
    private final BitSet working;
    /** workingThrough[i] = working days among day-of-year 1..i (index 0 is 0). */
    private final int[] workingThrough;

    private final CalendarDay[] byDayOfYear;
    private final List<CalendarDay> days;

    private YearTable(
            int year, YearSource source, String noticeTitle, boolean lunarCovered, Map<LocalDate, CalendarDay> named) {
        this.year = year;
        this.source = source;
        this.noticeTitle = noticeTitle;
        this.lunarCovered = lunarCovered;
        int length = Year.of(year).length();
        this.working = new BitSet(length + 1);
        this.workingThrough = new int[length + 1];
        this.byDayOfYear = new CalendarDay[length + 1];
        named.values().forEach(d -> byDayOfYear[d.date().getDayOfYear()] = d);
        LocalDate date = LocalDate.of(year, 1, 1);
        for (int doy = 1; doy <= length; doy++, date = date.plusDays(1)) {
            CalendarDay marked = byDayOfYear[doy];
            boolean work = marked != null
                    ? marked.kind() == DayKind.WORKDAY
                    : date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
            working.set(doy, work);
            workingThrough[doy] = workingThrough[doy - 1] + (work ? 1 : 0);
        }
        this.days = List.copyOf(named.values());
    }

    /**
     * Builds a year: for a FALLBACK year the statutory holidays, then the explicit (stored) days on top; for a NOTICE
     * year the explicit days only. Days outside {@code year} are ignored.
     */
    static YearTable build(int year, String noticeTitle, Collection<CalendarDay> explicit) {
        YearSource source = noticeTitle != null ? YearSource.NOTICE : YearSource.FALLBACK;
        Map<LocalDate, CalendarDay> named = new TreeMap<>();
        if (source == YearSource.FALLBACK) {
            StatutoryHolidays.of(year).forEach(d -> named.put(d.date(), d));
        }
        for (CalendarDay d : explicit) {
            if (d.date().getYear() == year) {
                named.put(d.date(), d);
            }
        }
        boolean lunarCovered = source == YearSource.NOTICE || LunarFestivals.covers(year);
        return new YearTable(year, source, noticeTitle, lunarCovered, named);
    }

    int year() {
        return year;
    }

    YearSource source() {
        return source;
    }

    boolean isWorkingDay(int dayOfYear) {
        return working.get(dayOfYear);
    }

    /** Working days with day-of-year in {@code [1, dayOfYear)}. */
    int workingDaysBefore(int dayOfYear) {
        return workingThrough[dayOfYear - 1];
    }

    int workingDays() {
        return workingThrough[workingThrough.length - 1];
    }

    CalendarDay day(int dayOfYear) {
        return byDayOfYear[dayOfYear];
    }

    CalendarYear view() {
        return new CalendarYear(year, source, noticeTitle, days, workingDays(), lunarCovered);
    }
}
