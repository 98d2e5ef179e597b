package app.lantern.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the working calendar must answer for 2025 and 2026 as the State Council notices define them, whatever holds the
 * data: run once on an in-memory calendar (no Spring) and once on the database-backed bean.
 */
abstract class WorkingCalendarBehaviour {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    abstract WorkingCalendar calendar();

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private void assertWorking(String... dates) {
        for (String date : dates) {
            assertThat(calendar().isWorkingDay(d(date)))
                    .as(date + " is a working day")
                    .isTrue();
        }
    }

    private void assertOff(String... dates) {
        for (String date : dates) {
            assertThat(calendar().isWorkingDay(d(date)))
                    .as(date + " is a day off")
                    .isFalse();
        }
    }

    private void assertOffFromTo(String first, String last) {
        for (LocalDate x = d(first); !x.isAfter(d(last)); x = x.plusDays(1)) {
            assertThat(calendar().isWorkingDay(x)).as(x + " is a day off").isFalse();
        }
    }

    // --- 2025 Spring Festival: 1/28 (除夕) – 2/4 off; Sunday 1/26 and Saturday 2/8 worked

    @Test
    void springFestival2025IsEightDaysOffWithSundayAndSaturdayMakeUpDays() {
        assertOffFromTo("2025-01-28", "2025-02-04");
        assertWorking("2025-01-26", "2025-01-27", "2025-02-05", "2025-02-07", "2025-02-08");
        assertOff("2025-01-25", "2025-02-09");
        assertThat(d("2025-01-26").getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(d("2025-02-08").getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(calendar().day(d("2025-01-29"))).hasValueSatisfying(day -> {
            assertThat(day.name()).isEqualTo("春节");
            assertThat(day.holiday()).isTrue();
        });
        assertThat(calendar().day(d("2025-02-08")))
                .hasValueSatisfying(day -> assertThat(day.makeUpWorkday()).isTrue());
    }

    // --- 2025 National Day + Mid-Autumn: 10/1 – 10/8 off; Sunday 9/28 and Saturday 10/11 worked

    @Test
    void nationalDay2025IsEightDaysOffWithSundayAndSaturdayMakeUpDays() {
        assertOffFromTo("2025-10-01", "2025-10-08");
        assertWorking("2025-09-28", "2025-09-29", "2025-09-30", "2025-10-09", "2025-10-10", "2025-10-11");
        assertOff("2025-09-27", "2025-10-12");
        assertThat(calendar().day(d("2025-10-06")).map(CalendarDay::name)).contains("国庆节、中秋节");
    }

    @Test
    void otherHolidaysOf2025FollowTheNotice() {
        assertOff("2025-01-01", "2025-04-04", "2025-05-01", "2025-05-02", "2025-05-05", "2025-06-02");
        assertWorking("2025-01-02", "2025-04-07", "2025-04-27", "2025-05-06", "2025-06-03");
        assertOff("2025-05-31", "2025-06-01");
    }

    // --- 2026: 元旦 1/1–1/3 (1/4 Sun worked); 春节 2/15–2/23 (2/14 Sat, 2/28 Sat worked); 劳动节 5/1–5/5 (5/9 Sat);
    //     中秋 9/25–9/27; 国庆 10/1–10/7 (9/20 Sun, 10/10 Sat)

    @Test
    void springFestival2026IsNineDaysOffWithTwoSaturdayMakeUpDays() {
        assertOffFromTo("2026-02-15", "2026-02-23");
        assertWorking("2026-02-13", "2026-02-14", "2026-02-24", "2026-02-27", "2026-02-28");
        assertOff("2026-03-01", "2026-02-08");
        assertThat(d("2026-02-14").getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(d("2026-02-28").getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
    }

    @Test
    void nationalDay2026IsSevenDaysOffWithSundayAndSaturdayMakeUpDays() {
        assertOffFromTo("2026-10-01", "2026-10-07");
        assertWorking("2026-09-20", "2026-09-30", "2026-10-08", "2026-10-09", "2026-10-10");
        assertOff("2026-09-19", "2026-10-11");
        assertThat(d("2026-09-20").getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(d("2026-10-10").getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
    }

    @Test
    void otherHolidaysOf2026FollowTheNotice() {
        assertOff(
                "2026-01-01",
                "2026-01-02",
                "2026-04-06",
                "2026-05-01",
                "2026-05-04",
                "2026-05-05",
                "2026-06-19",
                "2026-09-25");
        assertWorking("2026-01-04", "2026-01-05", "2026-04-07", "2026-05-06", "2026-05-09", "2026-06-22", "2026-09-28");
    }

    @Test
    void bothYearsHave248WorkingDays() {
        // 2025: 365 − 104 weekend days − 18 weekday holidays + 5 make-up days; 2026: 365 − 104 − 19 + 6
        assertThat(calendar().workingDaysBetween(d("2025-01-01"), d("2026-01-01")))
                .isEqualTo(248);
        assertThat(calendar().workingDaysBetween(d("2026-01-01"), d("2027-01-01")))
                .isEqualTo(248);
    }

    @Test
    void countsWorkingDaysAcrossNationalDayHalfOpen() {
        // 9/26 Fri, 9/28 Sun(班), 9/29, 9/30, 10/9, 10/10, 10/11 Sat(班)
        assertThat(calendar().workingDaysBetween(d("2025-09-26"), d("2025-10-13")))
                .isEqualTo(7);
        assertThat(calendar().workingDaysBetween(d("2025-10-01"), d("2025-10-09")))
                .isZero();
        assertThat(calendar().workingDaysBetween(d("2025-10-13"), d("2025-09-26")))
                .isEqualTo(-7);
        assertThat(calendar().workingDaysBetween(d("2025-12-29"), d("2026-01-06")))
                .isEqualTo(5); // 12/29–31, 1/4(班), 1/5
    }

    // --- addWorkingDays, nextWorkingDay, workingDaysAgo

    @Test
    void addsWorkingDaysForwardAcrossHolidays() {
        assertThat(calendar().addWorkingDays(d("2025-09-30"), 1)).isEqualTo(d("2025-10-09"));
        assertThat(calendar().addWorkingDays(d("2025-09-30"), 3)).isEqualTo(d("2025-10-11")); // the make-up Saturday
        assertThat(calendar().addWorkingDays(d("2025-01-27"), 1)).isEqualTo(d("2025-02-05"));
        assertThat(calendar().addWorkingDays(d("2026-02-13"), 1)).isEqualTo(d("2026-02-14"));
        assertThat(calendar().addWorkingDays(d("2026-02-13"), 2)).isEqualTo(d("2026-02-24"));
        assertThat(calendar().addWorkingDays(d("2026-10-01"), 0)).isEqualTo(d("2026-10-01"));
        // "2 working days after" an approval request on 2026-09-30
        assertThat(calendar().addWorkingDays(d("2026-09-30"), 2)).isEqualTo(d("2026-10-09"));
    }

    @Test
    void deadlineTwoWorkingDaysAfterAnInstantKeepsTheTimeOfDay() {
        assertThat(calendar().addWorkingDays(at("2026-09-30T15:20"), 2)).isEqualTo(at("2026-10-09T15:20"));
        assertThat(calendar().addWorkingDays(at("2025-10-10T11:00"), 1))
                .as("make-up Saturday")
                .isEqualTo(at("2025-10-11T11:00"));
        assertThat(calendar().addWorkingDays(at("2025-10-03T10:00"), 2))
                .as("submitted on a holiday")
                .isEqualTo(at("2025-10-10T10:00"));
        assertThat(calendar().addWorkingDays(at("2025-10-09T10:00"), -1)).isEqualTo(at("2025-09-30T10:00"));
    }

    @Test
    void addsWorkingDaysBackwardAcrossHolidays() {
        assertThat(calendar().addWorkingDays(d("2025-10-09"), -1)).isEqualTo(d("2025-09-30"));
        assertThat(calendar().addWorkingDays(d("2025-02-05"), -1)).isEqualTo(d("2025-01-27"));
        assertThat(calendar().addWorkingDays(d("2025-02-05"), -2)).isEqualTo(d("2025-01-26"));
        assertThat(calendar().addWorkingDays(d("2026-02-24"), -1)).isEqualTo(d("2026-02-14"));
        assertThat(calendar().workingDaysAgo(d("2025-10-09"), 2)).isEqualTo(d("2025-09-29"));
        assertThat(calendar().workingDaysAgo(d("2026-10-08"), 1)).isEqualTo(d("2026-09-30"));
        assertThatThrownBy(() -> calendar().workingDaysAgo(d("2026-10-08"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nextAndPreviousWorkingDaysSkipHolidaysAndLandOnMakeUpDays() {
        assertThat(calendar().nextWorkingDay(d("2025-01-25"))).isEqualTo(d("2025-01-26"));
        assertThat(calendar().nextWorkingDay(d("2026-10-01"))).isEqualTo(d("2026-10-08"));
        assertThat(calendar().previousWorkingDay(d("2026-10-08"))).isEqualTo(d("2026-09-30"));
        assertThat(calendar().workingDayOnOrAfter(d("2026-10-08"))).isEqualTo(d("2026-10-08"));
        assertThat(calendar().workingDayOnOrAfter(d("2026-10-03"))).isEqualTo(d("2026-10-08"));
        assertThat(calendar().workingDayOnOrBefore(d("2026-10-03"))).isEqualTo(d("2026-09-30"));
    }

    @Test
    void addingThenCountingWorkingDaysAgreesOnEveryDayOfBothYears() {
        for (LocalDate x = d("2025-01-01"); x.isBefore(d("2027-01-01")); x = x.plusDays(1)) {
            for (int n : new int[] {1, 2, 3, 5, 10, 30}) {
                LocalDate later = calendar().addWorkingDays(x, n);
                assertThat(calendar().isWorkingDay(later)).as("%s + %d", x, n).isTrue();
                assertThat(calendar().workingDaysBetween(x.plusDays(1), later.plusDays(1)))
                        .as("%s + %d", x, n)
                        .isEqualTo(n);
                LocalDate earlier = calendar().addWorkingDays(x, -n);
                assertThat(calendar().workingDaysBetween(earlier, x))
                        .as("%s - %d", x, n)
                        .isEqualTo(n);
            }
        }
    }

    // --- "3 consecutive working days" windows

    @Test
    void threeConsecutiveWorkingDaysWindowSpansNationalDay() {
        assertThat(calendar().lastWorkingDays(d("2025-10-09"), 3))
                .containsExactly(d("2025-09-29"), d("2025-09-30"), d("2025-10-09"));
        assertThat(calendar().lastWorkingDays(d("2025-10-05"), 3))
                .containsExactly(d("2025-09-28"), d("2025-09-29"), d("2025-09-30"));
        assertThat(calendar().lastWorkingDays(d("2026-10-10"), 3))
                .containsExactly(d("2026-10-08"), d("2026-10-09"), d("2026-10-10"));
    }

    @Test
    void repWithANewOpportunityBeforeNationalDayIsNotFlaggedDuringTheHoliday() {
        Set<LocalDate> created = Set.of(d("2025-09-30"));
        // during the holiday and on the first two working days after it there are fewer than 3 empty working days
        assertThat(calendar().consecutiveWorkingDaysWithout(d("2025-10-07"), 3, created::contains))
                .isZero();
        assertThat(calendar().consecutiveWorkingDaysWithout(d("2025-10-09"), 3, created::contains))
                .isEqualTo(1);
        assertThat(calendar().noneOnLastWorkingDays(d("2025-10-10"), 3, created::contains))
                .isFalse();
        // the make-up Saturday counts: 10/9, 10/10, 10/11 are three empty working days
        assertThat(calendar().noneOnLastWorkingDays(d("2025-10-11"), 3, created::contains))
                .isTrue();
        // without the holiday-aware calendar the streak would have fired on 2025-10-03
        assertThat(calendar().noneOnLastWorkingDays(d("2025-10-03"), 3, created::contains))
                .isFalse();
    }

    @Test
    void consecutiveCountStopsAtLimitAndAtTheLastActivity() {
        Set<LocalDate> created = Set.of(d("2026-02-13"));
        assertThat(calendar().consecutiveWorkingDaysWithout(d("2026-02-26"), 10, created::contains))
                .isEqualTo(4); // 2/14, 24, 25, 26
        assertThat(calendar().consecutiveWorkingDaysWithout(d("2026-02-26"), 2, created::contains))
                .isEqualTo(2);
        assertThat(calendar().consecutiveWorkingDaysWithout(d("2026-02-13"), 3, created::contains))
                .isZero();
    }

    // --- working hours

    @Test
    void workingHoursAreHalfOpenNineToSix() {
        assertThat(calendar().isWithinWorkingHours(at("2025-10-09T08:59"))).isFalse();
        assertThat(calendar().isWithinWorkingHours(at("2025-10-09T09:00"))).isTrue();
        assertThat(calendar().isWithinWorkingHours(at("2025-10-09T17:59"))).isTrue();
        assertThat(calendar().isWithinWorkingHours(at("2025-10-09T17:59:59.999")))
                .isTrue();
        assertThat(calendar().isWithinWorkingHours(at("2025-10-09T18:00"))).isFalse();
        assertThat(calendar().isWithinWorkingHours(Instant.parse("2025-10-09T01:00:00Z")))
                .as("09:00 in Shanghai")
                .isTrue();
        assertThat(calendar().isWithinWorkingHours(Instant.parse("2025-10-09T00:59:00Z")))
                .as("08:59 in Shanghai")
                .isFalse();
    }

    @Test
    void holidaysHaveNoWorkingHoursAndMakeUpSaturdaysDo() {
        assertThat(calendar().isWithinWorkingHours(at("2025-10-01T10:00"))).isFalse();
        assertThat(calendar().isWithinWorkingHours(at("2025-10-11T10:00"))).isTrue();
        assertThat(calendar().isWithinWorkingHours(at("2026-02-14T09:00"))).isTrue();
        assertThat(calendar().isWithinWorkingHours(at("2026-02-21T10:00"))).isFalse();
    }

    @Test
    void measuresWorkingTimeAcrossAHoliday() {
        // 1 h on 9/30, nothing 10/1–10/8, 1 h on 10/9
        assertThat(calendar().workingTimeBetween(at("2025-09-30T17:00"), at("2025-10-09T10:00")))
                .isEqualTo(Duration.ofHours(2));
        // 2026 Spring Festival: all of Fri 2/13 and the make-up Saturday 2/14
        assertThat(calendar().workingTimeBetween(at("2026-02-13T09:00"), at("2026-02-24T09:00")))
                .isEqualTo(Duration.ofHours(18));
    }

    @Test
    void measuresWorkingTimeAcrossAMakeUpSaturday() {
        // Fri 17:00 → Mon 10:00 with the make-up Saturday 10/11: 1 h + 9 h + 1 h
        assertThat(calendar().workingTimeBetween(at("2025-10-10T17:00"), at("2025-10-13T10:00")))
                .isEqualTo(Duration.ofHours(11));
        // an ordinary weekend a week later: 1 h + 1 h
        assertThat(calendar().workingTimeBetween(at("2025-10-17T17:00"), at("2025-10-20T10:00")))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void measuresWorkingTimeWithinOneDayAndReversed() {
        assertThat(calendar().workingTimeBetween(at("2025-10-09T08:00"), at("2025-10-09T12:00")))
                .isEqualTo(Duration.ofHours(3));
        assertThat(calendar().workingTimeBetween(at("2025-10-09T18:30"), at("2025-10-09T23:00")))
                .isZero();
        assertThat(calendar().workingTimeBetween(at("2025-10-09T12:00"), at("2025-10-09T08:00")))
                .isEqualTo(Duration.ofHours(-3));
        assertThat(calendar().workingTimeBetween(at("2025-10-03T10:00"), at("2025-10-03T12:00")))
                .isZero();
    }

    @Test
    void addsWorkingTimeAcrossHolidaysAndMakeUpDays() {
        assertThat(calendar().addWorkingTime(at("2025-09-30T17:00"), Duration.ofHours(2)))
                .isEqualTo(at("2025-10-09T10:00"));
        assertThat(calendar().addWorkingTime(at("2025-10-10T17:00"), Duration.ofHours(2)))
                .isEqualTo(at("2025-10-11T10:00"));
        assertThat(calendar().addWorkingTime(at("2025-10-01T20:00"), Duration.ofHours(1)))
                .isEqualTo(at("2025-10-09T10:00"));
        assertThat(calendar().addWorkingTime(at("2025-09-30T09:00"), Duration.ofHours(9)))
                .as("ends at the day's end")
                .isEqualTo(at("2025-09-30T18:00"));
        assertThat(calendar().addWorkingTime(at("2026-02-13T12:00"), Duration.ofHours(48)))
                .isEqualTo(at("2026-02-27T15:00")); // 6+9(2/14)+9+9+9+6;
        assertThat(calendar().addWorkingTime(at("2025-10-05T12:00"), Duration.ZERO))
                .isEqualTo(at("2025-10-05T12:00"));
        assertThatThrownBy(() -> calendar().addWorkingTime(at("2025-10-05T12:00"), Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addingThenMeasuringWorkingTimeAgrees() {
        for (Instant from = at("2025-09-20T07:30");
                from.isBefore(at("2025-10-20T00:00"));
                from = from.plus(Duration.ofMinutes(397))) {
            for (long minutes : new long[] {1, 59, 540, 541, 2000, 6000}) {
                Instant end = calendar().addWorkingTime(from, Duration.ofMinutes(minutes));
                assertThat(calendar().workingTimeBetween(from, end))
                        .as("%s + %d min", from, minutes)
                        .isEqualTo(Duration.ofMinutes(minutes));
            }
        }
    }

    @Test
    void zoneAndDefaultHours() {
        assertThat(calendar().zone()).isEqualTo(SHANGHAI);
        assertThat(calendar().workingHours()).isEqualTo(WorkingHours.DEFAULT);
    }
}
