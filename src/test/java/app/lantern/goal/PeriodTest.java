package app.lantern.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lantern.shared.ValidationException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void aYearSplitsIntoQuartersAndAQuarterIntoMonths() {
        assertThat(Period.parse("2026").children())
                .extracting(Period::key)
                .containsExactly("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4");
        assertThat(Period.parse("2026-Q4").children())
                .extracting(Period::key)
                .containsExactly("2026-10", "2026-11", "2026-12");
    }

    @Test
    void aMonthHasTheIsoWeeksWhoseThursdayFallsInIt() {
        // 1 Jan 2026 is a Thursday: ISO week 1 starts on Monday 29 Dec 2025 and belongs to January
        assertThat(Period.parse("2026-01").children())
                .extracting(Period::key)
                .containsExactly("2026-W01", "2026-W02", "2026-W03", "2026-W04", "2026-W05");
        // week 5 (26 Jan – 1 Feb) is January's, so February starts with week 6
        assertThat(Period.parse("2026-02").children())
                .extracting(Period::key)
                .startsWith("2026-W06")
                .hasSize(4);
        assertThat(Period.parse("2026-W01").start()).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(Period.parse("2026-W01").year()).isEqualTo(2026);
    }

    @Test
    void everyDayOfAYearIsInExactlyOneWeekOfOneOfItsMonths() {
        int weeks = 0;
        for (int m = 1; m <= 12; m++) {
            weeks += Period.parse(String.format("2027-%02d", m)).children().size();
        }
        assertThat(weeks).isEqualTo(52);
    }

    @Test
    void rejectsNonsensePeriods() {
        assertThatThrownBy(() -> Period.parse("2026-13")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Period.parse("2026-W54"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("ISO week");
        assertThatThrownBy(() -> Period.parse("1999"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("between 2000");
        assertThatThrownBy(() -> Period.parse("2026-Q5")).isInstanceOf(ValidationException.class);
    }
}
