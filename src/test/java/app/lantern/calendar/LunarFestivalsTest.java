package app.lantern.calendar;

import static app.lantern.calendar.WorkingCalendarBehaviour.d;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class LunarFestivalsTest {

    @Test
    void agreesWithTheDatesTheNoticesName() {
        LunarFestivals y2025 = LunarFestivals.of(2025).orElseThrow();
        assertThat(y2025.newYearsEve()).as("notice: 1月28日（农历除夕）").isEqualTo(d("2025-01-28"));
        assertThat(y2025.springFestival().plusDays(6))
                .as("notice: 2月4日（农历正月初七）")
                .isEqualTo(d("2025-02-04"));
        assertThat(y2025.qingming()).isEqualTo(d("2025-04-04"));
        assertThat(y2025.dragonBoat()).isEqualTo(d("2025-05-31"));
        assertThat(y2025.midAutumn()).as("inside the merged 国庆节、中秋节 holiday").isEqualTo(d("2025-10-06"));

        LunarFestivals y2026 = LunarFestivals.of(2026).orElseThrow();
        assertThat(y2026.springFestival().minusDays(2))
                .as("notice: 2月15日（农历腊月二十八）")
                .isEqualTo(d("2026-02-15"));
        assertThat(y2026.springFestival().plusDays(6)).as("notice: 23日（农历正月初七）").isEqualTo(d("2026-02-23"));
        assertThat(y2026.qingming()).isEqualTo(d("2026-04-05"));
        assertThat(y2026.dragonBoat()).isEqualTo(d("2026-06-19"));
        assertThat(y2026.midAutumn()).isEqualTo(d("2026-09-25"));
    }

    @Test
    void everyYearOfTheTableIsAPlausibleLunarYear() {
        for (int year = LunarFestivals.FIRST_YEAR; year <= LunarFestivals.LAST_YEAR; year++) {
            LunarFestivals f = LunarFestivals.of(year).orElseThrow();
            assertThat(f.springFestival()).as("%d 春节", year).isBetween(d(year + "-01-21"), d(year + "-02-20"));
            assertThat(f.qingming()).as("%d 清明", year).isBetween(d(year + "-04-04"), d(year + "-04-05"));
            assertThat(f.dragonBoat()).as("%d 端午", year).isBetween(d(year + "-05-28"), d(year + "-06-25"));
            assertThat(f.midAutumn()).as("%d 中秋", year).isBetween(d(year + "-09-07"), d(year + "-10-08"));
            // 端午 (5/5) and 中秋 (8/15) are 3 lunar months + 10 days apart, or 4 months with a leap month between
            long dragonToMoon = ChronoUnit.DAYS.between(f.dragonBoat(), f.midAutumn());
            assertThat(dragonToMoon).as("%d 端午→中秋", year).isBetween(96L, 129L);
            if (year < LunarFestivals.LAST_YEAR) {
                long lunarYear = ChronoUnit.DAYS.between(
                        f.springFestival(),
                        LunarFestivals.of(year + 1).orElseThrow().springFestival());
                assertThat(lunarYear).as("%d lunar year length", year).isIn(353L, 354L, 355L, 383L, 384L, 385L);
            }
        }
        assertThat(LunarFestivals.of(2019)).isEmpty();
        assertThat(LunarFestivals.of(2036)).isEmpty();
    }
}
