package app.lantern.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class BackfillRulesTest {

    static final BackfillRules RULES = new BackfillRules(Duration.ofHours(48), 5, Duration.ofMinutes(60));
    static final OffsetDateTime SUNDAY_NIGHT = OffsetDateTime.of(2026, 11, 22, 21, 30, 0, 0, ZoneOffset.ofHours(8));
    static final Predicate<OffsetDateTime> NINE_TO_SIX_WEEKDAYS =
            t -> t.getDayOfWeek().getValue() <= 5 && t.getHour() >= 9 && t.getHour() < 18;

    @Test
    void anEntryCreatedMoreThanTheThresholdAfterItHappenedIsLate() {
        OffsetDateTime occurred = SUNDAY_NIGHT.minusDays(4);
        assertThat(RULES.classify(occurred, SUNDAY_NIGHT, List.of(), NINE_TO_SIX_WEEKDAYS))
                .isEqualTo(BackfillRules.LATE);
        assertThat(RULES.isLate(SUNDAY_NIGHT.minusHours(47), SUNDAY_NIGHT)).isFalse();
    }

    @Test
    void fiveEntriesWithinAnHourOutsideWorkingHoursAreABurst() {
        List<OffsetDateTime> others = List.of(
                SUNDAY_NIGHT.minusMinutes(10),
                SUNDAY_NIGHT.minusMinutes(20),
                SUNDAY_NIGHT.minusMinutes(30),
                SUNDAY_NIGHT.minusMinutes(40));
        assertThat(RULES.classify(SUNDAY_NIGHT.minusHours(3), SUNDAY_NIGHT, others, NINE_TO_SIX_WEEKDAYS))
                .isEqualTo(BackfillRules.BURST);
    }

    @Test
    void fourEntriesAreNotYetABurstAndWorkingHoursNeverAre() {
        List<OffsetDateTime> three =
                List.of(SUNDAY_NIGHT.minusMinutes(10), SUNDAY_NIGHT.minusMinutes(20), SUNDAY_NIGHT.minusMinutes(30));
        assertThat(RULES.isBurst(SUNDAY_NIGHT, three, NINE_TO_SIX_WEEKDAYS)).isFalse();
        OffsetDateTime monday = OffsetDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneOffset.ofHours(8));
        List<OffsetDateTime> many = List.of(
                monday.minusMinutes(1),
                monday.minusMinutes(2),
                monday.minusMinutes(3),
                monday.minusMinutes(4),
                monday.minusMinutes(5));
        assertThat(RULES.isBurst(monday, many, NINE_TO_SIX_WEEKDAYS)).isFalse();
    }

    @Test
    void entriesOutsideTheWindowDoNotCount() {
        List<OffsetDateTime> spread = List.of(
                SUNDAY_NIGHT.minusHours(2),
                SUNDAY_NIGHT.minusHours(3),
                SUNDAY_NIGHT.minusHours(4),
                SUNDAY_NIGHT.minusHours(5));
        assertThat(RULES.isBurst(SUNDAY_NIGHT, spread, NINE_TO_SIX_WEEKDAYS)).isFalse();
    }

    @Test
    void hollowCellsAreFarBelowAMeaningfulMedian() {
        assertThat(ActivityInsights.isHollow(0.5, 3.0, 0.4)).isTrue();
        assertThat(ActivityInsights.isHollow(1.5, 3.0, 0.4)).isFalse();
        assertThat(ActivityInsights.isHollow(0, 0.5, 0.4)).isFalse();
        assertThat(ActivityInsights.median(new double[] {1, 5, 3, 2})).isEqualTo(2.5);
    }
}
