package app.lantern.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lantern.calendar.CalendarDay;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.pipeline.PipelineFixtures;
import app.lantern.shared.ConflictException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Bursts planted on awkward days of the real working calendar: a statutory holiday (outside working hours all day) and
 * a make-up working weekend day (调休, inside working hours), typed by an admin importing history for themselves.
 */
@SpringBootTest
class BackfillDetectionTest {

    @Autowired
    PipelineFixtures fx;

    @Autowired
    ActivityService activities;

    @Autowired
    ActivityInsights insights;

    @Autowired
    BackfillDetection detection;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        fx.signOut();
    }

    /** The latest day at least {@code minDaysAgo} ago (and within 600 days) that the predicate accepts. */
    LocalDate latestDay(int minDaysAgo, Predicate<LocalDate> accept) {
        LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
        for (int back = minDaysAgo; back < 600; back++) {
            LocalDate d = today.minusDays(back);
            if (accept.test(d)) {
                return d;
            }
        }
        throw new IllegalStateException("no such day in the last 600 days");
    }

    List<ActivityView> typeBatch(long customer, LocalDate day, LocalTime start, int entries, int minutesApart) {
        List<ActivityView> logged = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            OffsetDateTime typedAt = day.atTime(start)
                    .plusMinutes((long) i * minutesApart)
                    .atZone(calendar.zone())
                    .toOffsetDateTime();
            logged.add(activities.log(new ActivityInput(
                    ActivityType.VISIT,
                    typedAt.minusDays(3).minusHours(i),
                    30,
                    customer,
                    null,
                    null,
                    null,
                    "补记上周拜访",
                    null,
                    typedAt)));
        }
        return logged;
    }

    @Test
    void aBatchTypedOnAHolidayIsABurstEvenThoughEveryEntryIsAlsoLate() {
        fx.signIn("admin");
        long customer = fx.customer("rep4", OffsetDateTime.now(clock).minusDays(700));
        LocalDate holiday = latestDay(
                40, d -> calendar.day(d).filter(CalendarDay::holiday).isPresent() && !calendar.isWorkingDay(d));
        List<ActivityView> batch = typeBatch(customer, holiday, LocalTime.of(10, 7), 6, 7);
        List<ActivityView> stored =
                batch.stream().map(a -> activities.view(a.id())).toList();
        assertThat(stored).extracting(ActivityView::backfill).containsOnly(BackfillRules.BURST);
        BackfillSummary admin = insights.backfill(holiday, holiday).stream()
                .filter(s -> s.ownerId() == fx.userId("admin"))
                .findFirst()
                .orElseThrow();
        assertThat(admin.burst()).isGreaterThanOrEqualTo(6);
        assertThat(admin.evidence())
                .extracting(ActivityView::id)
                .contains(batch.getFirst().id());
    }

    @Test
    void theSameBatchTypedDuringWorkingHoursOfAMakeUpWorkdayIsOnlyLate() {
        fx.signIn("admin");
        long customer = fx.customer("rep5", OffsetDateTime.now(clock).minusDays(700));
        LocalDate workday = latestDay(
                40,
                d -> calendar.day(d).filter(CalendarDay::makeUpWorkday).isPresent()
                        || (calendar.isWorkingDay(d) && d.getDayOfWeek().getValue() == 6));
        List<ActivityView> batch = typeBatch(customer, workday, LocalTime.of(14, 3), 6, 5);
        assertThat(batch.stream().map(a -> activities.view(a.id()).backfill())).containsOnly(BackfillRules.LATE);
    }

    @Test
    void raisingTheBurstSizeReflagsHistoryAndAStaleVersionIsAConflict() {
        fx.signIn("admin");
        long customer = fx.customer("rep6", OffsetDateTime.now(clock).minusDays(700));
        LocalDate sunday = latestDay(20, d -> d.getDayOfWeek().getValue() == 7 && !calendar.isWorkingDay(d));
        List<ActivityView> batch = typeBatch(customer, sunday, LocalTime.of(22, 11), 5, 3);
        assertThat(activities.view(batch.getLast().id()).backfill()).isEqualTo(BackfillRules.BURST);
        BackfillDetection.Settings before = detection.settings();
        try {
            detection.update(48, 6, 60, before.version());
            assertThat(activities.view(batch.getLast().id()).backfill()).isEqualTo(BackfillRules.LATE);
            assertThatThrownBy(() -> detection.update(48, 5, 60, before.version()))
                    .isInstanceOf(ConflictException.class);
        } finally {
            BackfillDetection.Settings now = detection.settings();
            detection.update(48, 5, 60, now.version());
        }
        assertThat(activities.view(batch.getLast().id()).backfill()).isEqualTo(BackfillRules.BURST);
    }
}
