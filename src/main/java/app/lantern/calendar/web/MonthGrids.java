package app.lantern.calendar.web;

import app.lantern.calendar.CalendarDay;
import app.lantern.calendar.CalendarYear;
import app.lantern.calendar.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A year of month grids for the admin's calendar page: weeks from Monday, each day marked as the calendar reads it. */
final class MonthGrids {

    private MonthGrids() {}

    /** One cell of a month grid; {@code date} is null for the padding before the 1st and after the last day. */
    record Cell(
            LocalDate date,
            int dayOfMonth,
            boolean working,
            boolean weekend,
            boolean holiday,
            boolean makeUp,
            boolean explicit,
            String name,
            boolean today) {
        static final Cell EMPTY = new Cell(null, 0, false, false, false, false, false, null, false);
    }

    record MonthGrid(int month, List<List<Cell>> weeks, int workingDays) {}

    static List<MonthGrid> of(CalendarYear y, WorkingCalendar calendar, LocalDate today) {
        Map<LocalDate, CalendarDay> named = new HashMap<>();
        y.days().forEach(d -> named.put(d.date(), d));
        List<MonthGrid> months = new ArrayList<>(12);
        for (int m = 1; m <= 12; m++) {
            months.add(month(YearMonth.of(y.year(), m), named, calendar, today));
        }
        return months;
    }

    private static MonthGrid month(
            YearMonth ym, Map<LocalDate, CalendarDay> named, WorkingCalendar calendar, LocalDate today) {
        List<List<Cell>> weeks = new ArrayList<>();
        List<Cell> week = new ArrayList<>(7);
        for (int pad = 1; pad < ym.atDay(1).getDayOfWeek().getValue(); pad++) {
            week.add(Cell.EMPTY);
        }
        int working = 0;
        for (int day = 1; day <= ym.lengthOfMonth(); day++) {
            LocalDate date = ym.atDay(day);
            CalendarDay n = named.get(date);
            boolean work = calendar.isWorkingDay(date);
            working += work ? 1 : 0;
            week.add(new Cell(
                    date,
                    day,
                    work,
                    isWeekend(date),
                    n != null && n.holiday(),
                    n != null && n.makeUpWorkday(),
                    n != null && n.explicit(),
                    n == null ? null : n.name(),
                    date.equals(today)));
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>(7);
            }
        }
        if (!week.isEmpty()) {
            while (week.size() < 7) {
                week.add(Cell.EMPTY);
            }
            weeks.add(week);
        }
        return new MonthGrid(ym.getMonthValue(), weeks, working);
    }

    static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
