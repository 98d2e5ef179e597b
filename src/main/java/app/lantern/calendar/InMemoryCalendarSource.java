package app.lantern.calendar;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Calendar data held in memory (no database): the notice years' titles and the explicit days. */
final class InMemoryCalendarSource implements CalendarSource {

    private final WorkingHours hours;
    private final Map<Integer, String> noticeTitles;
    private final List<CalendarDay> days;
    private final Map<Integer, YearTable> years = new ConcurrentHashMap<>();

    InMemoryCalendarSource(WorkingHours hours, Map<Integer, String> noticeTitles, Collection<CalendarDay> days) {
        this.hours = hours;
        this.noticeTitles = Map.copyOf(noticeTitles);
        this.days = List.copyOf(days);
    }

    @Override
    public YearTable year(int year) {
        return years.computeIfAbsent(
                year,
                y -> YearTable.build(
                        y,
                        noticeTitles.get(y),
                        days.stream().filter(d -> d.date().getYear() == y).toList()));
    }

    @Override
    public WorkingHours hours() {
        return hours;
    }
}
