package app.lantern.calendar;

import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;

/**
 * Working calendars built from data in memory, for unit tests of rules that count working days (no Spring, no
 * database). The application itself uses the {@link WorkingCalendar} bean, which reads the admin-edited data.
 */
public final class WorkingCalendars {

    private WorkingCalendars() {}

    /**
     * A calendar with the given explicit days.
     *
     * @param noticeTitles years whose notice the days represent (year → notice title); every other year falls back to
     *                     the statutory holidays, with the given days applied on top
     */
    public static WorkingCalendar inMemory(
            ZoneId zone, WorkingHours hours, Map<Integer, String> noticeTitles, Collection<CalendarDay> days) {
        return new CalendarEngine(zone, new InMemoryCalendarSource(hours, noticeTitles, days));
    }

    /** A calendar with no notice loaded: statutory holidays of every year, weekends off, 09:00–18:00. */
    public static WorkingCalendar statutoryOnly(ZoneId zone) {
        return inMemory(zone, WorkingHours.DEFAULT, Map.of(), java.util.List.of());
    }
}
