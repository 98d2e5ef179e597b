package app.lantern.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class BackfillRulesTest {

    static final BackfillRules RULES = new BackfillRules(Duration.ofHours(48), 5, Duration.ofMinutes(60));
    static final OffsetDateTime SUNDAY_NIGHT = OffsetDateTime.of(2026, 11, 22, 21, 30, 0, 0, ZoneOffset.ofHours(8));
    static final Predicate<OffsetDateTime> NINE_TO_SIX_WEEKDAYS =
            t -> t.getDayOfWeek().getValue() <= 5 && t.getHour() >= 9 && t.getHour() < 18;

    static BackfillRules.Entry typed(OffsetDateTime createdAt, Duration after) {
        return new BackfillRules.Entry(createdAt.minus(after), createdAt);
    }

    @Test
    void aWeekTypedOnSundayNightIsABurstAlthoughEveryEntryIsAlsoLate() {
        // 220 entries typed between 21:31 and 22:56 about the past week: the case 集中补录 used to show 0 for
        List<BackfillRules.Entry> week = new ArrayList<>();
        for (int i = 0; i < 220; i++) {
            OffsetDateTime typedAt = SUNDAY_NIGHT.plusMinutes(1).plusSeconds(i * 85L * 60 / 219);
            week.add(typed(typedAt, Duration.ofDays(2 + i % 5)));
        }
        Collections.shuffle(week, new Random(7));
        assertThat(RULES.classify(week, NINE_TO_SIX_WEEKDAYS)).hasSize(220).containsOnly(BackfillRules.BURST);
    }

    @Test
    void anIsolatedEntryTypedMoreThanTheThresholdAfterItHappenedIsLate() {
        assertThat(RULES.classify(List.of(typed(SUNDAY_NIGHT, Duration.ofDays(4))), NINE_TO_SIX_WEEKDAYS))
                .containsExactly(BackfillRules.LATE);
        assertThat(RULES.isLate(SUNDAY_NIGHT.minusHours(47), SUNDAY_NIGHT)).isFalse();
    }

    @Test
    void fiveEntriesWithinAnHourOutsideWorkingHoursAreABurstFourAreNot() {
        List<BackfillRules.Entry> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(typed(SUNDAY_NIGHT.plusMinutes(i * 14L), Duration.ofHours(3)));
        }
        assertThat(RULES.classify(five, NINE_TO_SIX_WEEKDAYS)).containsOnly(BackfillRules.BURST);
        assertThat(RULES.classify(five.subList(0, 4), NINE_TO_SIX_WEEKDAYS)).containsOnlyNulls();
    }

    @Test
    void entriesTypedDuringWorkingHoursAreNeverABurst() {
        OffsetDateTime monday = OffsetDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneOffset.ofHours(8));
        List<BackfillRules.Entry> many = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            many.add(typed(monday.plusMinutes(i), Duration.ofMinutes(30)));
        }
        assertThat(RULES.classify(many, NINE_TO_SIX_WEEKDAYS)).containsOnlyNulls();
    }

    @Test
    void entriesSpreadWiderThanTheWindowAreNotABurstAndOnlyTheTightRunIs() {
        List<BackfillRules.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            entries.add(typed(SUNDAY_NIGHT.minusHours(2 + i), Duration.ofHours(1)));
        }
        for (int i = 0; i < 5; i++) {
            entries.add(typed(SUNDAY_NIGHT.plusMinutes(i), Duration.ofHours(1)));
        }
        List<String> flags = RULES.classify(entries, NINE_TO_SIX_WEEKDAYS);
        assertThat(flags.subList(0, 4)).containsOnlyNulls();
        assertThat(flags.subList(4, 9)).containsOnly(BackfillRules.BURST);
    }

    @Test
    void hollowCellsAreFarBelowAMeaningfulMedian() {
        assertThat(ActivityInsights.isHollow(0.5, 3.0, 0.4)).isTrue();
        assertThat(ActivityInsights.isHollow(1.5, 3.0, 0.4)).isFalse();
        assertThat(ActivityInsights.isHollow(0, 0.5, 0.4)).isFalse();
        assertThat(ActivityInsights.median(new double[] {1, 5, 3, 2})).isEqualTo(2.5);
    }
}
