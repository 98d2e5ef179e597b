package app.lantern.bench;

import app.lantern.calendar.CalendarDay;
import app.lantern.calendar.DayKind;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.calendar.WorkingCalendars;
import app.lantern.calendar.WorkingHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Hot-path cost of the working-calendar arithmetic once a year is cached (no database involved, as in the
 * application after the first call per year). Not a test: a plain main (JMH's annotation processor is not enabled in
 * this build), run with the command in docs/perf/calendar.md. Each operation is warmed up, then timed in 5 rounds;
 * the median round is reported.
 */
public class WorkingCalendarBenchmark {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private WorkingCalendar calendar;
    private LocalDate[] dates;
    private Instant[] instants;
    private int i;

    void setUp() {
        List<CalendarDay> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2025, 10, 1); !d.isAfter(LocalDate.of(2025, 10, 8)); d = d.plusDays(1)) {
            days.add(new CalendarDay(d, DayKind.HOLIDAY, "国庆节、中秋节", true));
        }
        days.add(new CalendarDay(LocalDate.of(2025, 9, 28), DayKind.WORKDAY, "国庆节、中秋节", true));
        days.add(new CalendarDay(LocalDate.of(2025, 10, 11), DayKind.WORKDAY, "国庆节、中秋节", true));
        calendar = WorkingCalendars.inMemory(SHANGHAI, WorkingHours.DEFAULT, Map.of(2025, "notice"), days);
        dates = new LocalDate[1024];
        instants = new Instant[1024];
        for (int k = 0; k < dates.length; k++) {
            dates[k] = LocalDate.of(2025, 1, 1).plusDays((k * 7L) % 730);
            instants[k] =
                    dates[k].atTime(8 + k % 12, (k * 13) % 60).atZone(SHANGHAI).toInstant();
        }
        for (int y = 2024; y <= 2028; y++) {
            calendar.isWorkingDay(LocalDate.of(y, 1, 1)); // cache the years, as the application does on first use
        }
    }

    private int next() {
        i = (i + 1) & 1023;
        return i;
    }

    boolean isWorkingDay() {
        return calendar.isWorkingDay(dates[next()]);
    }

    LocalDate addFiveWorkingDays() {
        return calendar.addWorkingDays(dates[next()], 5);
    }

    int workingDaysBetweenOneYear() {
        LocalDate d = dates[next()];
        return calendar.workingDaysBetween(d, d.plusDays(365));
    }

    Duration workingTimeBetweenTwoWeeks() {
        Instant t = instants[next()];
        return calendar.workingTimeBetween(t, t.plus(Duration.ofDays(14)));
    }

    Instant addSixteenWorkingHours() {
        return calendar.addWorkingTime(instants[next()], Duration.ofHours(16));
    }

    int threeConsecutiveWorkingDaysWithout() {
        return calendar.consecutiveWorkingDaysWithout(dates[next()], 3, d -> false);
    }

    private static volatile long sink;

    private static void measure(String name, java.util.function.LongSupplier op) {
        long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        long acc = 0;
        while (System.nanoTime() < warmupEnd) {
            for (int k = 0; k < 1000; k++) {
                acc += op.getAsLong();
            }
        }
        int ops = 2_000_000;
        double[] rounds = new double[5];
        for (int r = 0; r < rounds.length; r++) {
            long t0 = System.nanoTime();
            for (int k = 0; k < ops; k++) {
                acc += op.getAsLong();
            }
            rounds[r] = (System.nanoTime() - t0) / (double) ops;
        }
        sink = acc;
        java.util.Arrays.sort(rounds);
        System.out.printf("%-36s %10.1f ns/op (min %.1f, max %.1f)%n", name, rounds[2], rounds[0], rounds[4]);
    }

    public static void main(String[] args) {
        WorkingCalendarBenchmark b = new WorkingCalendarBenchmark();
        b.setUp();
        System.out.println("java " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cpus");
        measure("isWorkingDay", () -> b.isWorkingDay() ? 1 : 0);
        measure("addWorkingDays(+5)", () -> b.addFiveWorkingDays().toEpochDay());
        measure("workingDaysBetween(365 days)", () -> b.workingDaysBetweenOneYear());
        measure(
                "workingTimeBetween(14 days)",
                () -> b.workingTimeBetweenTwoWeeks().toMinutes());
        measure("addWorkingTime(16 h)", () -> b.addSixteenWorkingHours().getEpochSecond());
        measure("consecutiveWorkingDaysWithout(3)", () -> b.threeConsecutiveWorkingDaysWithout());
    }
}
