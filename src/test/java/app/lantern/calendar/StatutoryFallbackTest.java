package app.lantern.calendar;

import static app.lantern.calendar.WorkingCalendarBehaviour.SHANGHAI;
import static app.lantern.calendar.WorkingCalendarBehaviour.d;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Years without a loaded notice: the statutory dates of 《全国年节及纪念日放假办法》, no make-up days, no moved days. */
class StatutoryFallbackTest {

    private final WorkingCalendar calendar =
            WorkingCalendars.inMemory(SHANGHAI, WorkingHours.DEFAULT, OfficialNotices.titles(), OfficialNotices.days());

    private CalendarYear year(int y) {
        return YearTable.build(y, null, List.of()).view();
    }

    @Test
    void year2027FallsBackToTheAmendedStatutoryDates() {
        CalendarYear y2027 = year(2027);
        assertThat(y2027.source()).isEqualTo(YearSource.FALLBACK);
        assertThat(y2027.lunarCovered()).isTrue();
        assertThat(y2027.days())
                .extracting(CalendarDay::date)
                .containsExactly(
                        d("2027-01-01"),
                        d("2027-02-05"),
                        d("2027-02-06"),
                        d("2027-02-07"),
                        d("2027-02-08"), // 除夕 – 初三
                        d("2027-04-05"),
                        d("2027-05-01"),
                        d("2027-05-02"),
                        d("2027-06-09"),
                        d("2027-09-15"),
                        d("2027-10-01"),
                        d("2027-10-02"),
                        d("2027-10-03"));
        assertThat(y2027.days()).allSatisfy(day -> {
            assertThat(day.holiday()).isTrue();
            assertThat(day.explicit()).isFalse();
        });
        assertThat(y2027.days())
                .filteredOn(day -> day.date().equals(d("2027-02-05")))
                .extracting(CalendarDay::name)
                .containsExactly("春节");
    }

    @Test
    void fallbackYearHasNoMakeUpDaysAndNoCompensatoryDays() {
        assertThat(calendar.isWorkingDay(d("2027-02-05"))).as("除夕, Friday").isFalse();
        assertThat(calendar.isWorkingDay(d("2027-02-08"))).as("初三, Monday").isFalse();
        assertThat(calendar.isWorkingDay(d("2027-02-09"))).isTrue();
        // 劳动节 5/1–5/2 falls on a weekend: no day off in lieu on Monday
        assertThat(calendar.isWorkingDay(d("2027-05-03"))).isTrue();
        // 国庆节 10/1 (Fri) – 10/3 (Sun): Monday 10/4 is worked
        assertThat(calendar.isWorkingDay(d("2027-10-04"))).isTrue();
        // every weekend day of 2027 is off: nothing is turned into a make-up working day
        for (LocalDate x = d("2027-01-01"); x.getYear() == 2027; x = x.plusDays(1)) {
            if (x.getDayOfWeek() == DayOfWeek.SATURDAY || x.getDayOfWeek() == DayOfWeek.SUNDAY) {
                assertThat(calendar.isWorkingDay(x)).as(x.toString()).isFalse();
            }
        }
        // 365 − 104 weekend days − 7 weekday holidays (1/1, 2/5, 2/8, 4/5, 6/9, 9/15, 10/1)
        assertThat(year(2027).workingDays()).isEqualTo(254);
    }

    @Test
    void noticeYearsDoNotGetFallbackDays() {
        // 2026-02-16 (初一 is 2/17) is off by the notice anyway; 2026-10-08 would be 国庆 +7, worked by the notice
        assertThat(calendar.isWorkingDay(d("2026-10-08"))).isTrue();
        assertThat(calendar.day(d("2026-10-08"))).isEmpty();
    }

    @Test
    void withoutAnyNoticeEvenTheNoticeYearsFallBack() {
        WorkingCalendar bare = WorkingCalendars.statutoryOnly(SHANGHAI);
        assertThat(bare.isWorkingDay(d("2025-01-26")))
                .as("the notice's make-up Sunday is unknown")
                .isFalse();
        assertThat(bare.isWorkingDay(d("2025-01-28")))
                .as("除夕 is a statutory holiday from 2025")
                .isFalse();
        assertThat(bare.isWorkingDay(d("2025-02-03")))
                .as("初六 is only off by the notice")
                .isTrue();
        assertThat(bare.workingHours()).isEqualTo(WorkingHours.DEFAULT);
    }

    @Test
    void beforeTheAmendmentSpringFestivalIsThreeDaysAndLabourDayOne() {
        CalendarYear y2024 = year(2024);
        assertThat(y2024.days())
                .extracting(CalendarDay::date)
                .contains(d("2024-02-10"), d("2024-02-11"), d("2024-02-12"), d("2024-05-01"))
                .doesNotContain(d("2024-02-09"), d("2024-05-02"));
    }

    @Test
    void midAutumnOnNationalDayIsOneNamedDay() {
        assertThat(year(2028).days())
                .filteredOn(day -> day.date().equals(d("2028-10-03")))
                .extracting(CalendarDay::name)
                .containsExactly("国庆节、中秋节");
        assertThat(year(2031).days())
                .filteredOn(day -> day.date().equals(d("2031-10-01")))
                .extracting(CalendarDay::name)
                .containsExactly("国庆节、中秋节");
    }

    @Test
    void yearBeyondTheLunarTableHasOnlyTheFixedDateHolidays() {
        CalendarYear y2040 = year(2040);
        assertThat(y2040.lunarCovered()).isFalse();
        assertThat(y2040.days()).extracting(CalendarDay::name).containsOnly("元旦", "劳动节", "国庆节");
        assertThat(y2040.days()).hasSize(6);
    }

    @Test
    void explicitDaysApplyOnTopOfTheFallback() {
        YearTable t = YearTable.build(
                2027,
                null,
                List.of(
                        new CalendarDay(d("2027-02-09"), DayKind.HOLIDAY, "公司春节加休", true),
                        new CalendarDay(d("2027-02-08"), DayKind.HOLIDAY, "春节", true)));
        assertThat(t.isWorkingDay(d("2027-02-09").getDayOfYear())).isFalse();
        assertThat(t.view().days()).filteredOn(CalendarDay::explicit).hasSize(2);
        assertThat(t.view().source()).isEqualTo(YearSource.FALLBACK);
        assertThat(t.view().workingDays()).isEqualTo(253);
    }
}
