package app.lantern.calendar;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Gregorian dates of the Chinese festivals that move with the lunar calendar (and 清明, a solar term), for the years
 * the built-in table covers. Values follow the official Chinese calendar (GB/T 33661-2017 rules, as published in
 * almanacs); they are checked against the dates the State Council notices for 2025 and 2026 name.
 *
 * @param springFestival 正月初一 (除夕 is the day before)
 * @param qingming       清明 solar term day
 * @param dragonBoat     端午, 五月初五
 * @param midAutumn      中秋, 八月十五
 */
record LunarFestivals(LocalDate springFestival, LocalDate qingming, LocalDate dragonBoat, LocalDate midAutumn) {

    static final int FIRST_YEAR = 2020;
    static final int LAST_YEAR = 2035;

    // year: {正月初一 month, day}, 清明 (April) day, 端午 {month, day}, 中秋 {month, day}
    private static final int[][] TABLE = {
        {1, 25, 4, 6, 25, 10, 1}, // 2020
        {2, 12, 4, 6, 14, 9, 21}, // 2021
        {2, 1, 5, 6, 3, 9, 10}, // 2022
        {1, 22, 5, 6, 22, 9, 29}, // 2023
        {2, 10, 4, 6, 10, 9, 17}, // 2024
        {1, 29, 4, 5, 31, 10, 6}, // 2025
        {2, 17, 5, 6, 19, 9, 25}, // 2026
        {2, 6, 5, 6, 9, 9, 15}, // 2027
        {1, 26, 4, 5, 28, 10, 3}, // 2028
        {2, 13, 4, 6, 16, 9, 22}, // 2029
        {2, 3, 5, 6, 5, 9, 12}, // 2030
        {1, 23, 5, 6, 24, 10, 1}, // 2031
        {2, 11, 4, 6, 12, 9, 19}, // 2032
        {1, 31, 4, 6, 1, 9, 8}, // 2033
        {2, 19, 5, 6, 20, 9, 27}, // 2034
        {2, 8, 5, 6, 10, 9, 16}, // 2035
    };

    static boolean covers(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    static Optional<LunarFestivals> of(int year) {
        if (!covers(year)) {
            return Optional.empty();
        }
        int[] r = TABLE[year - FIRST_YEAR];
        return Optional.of(new LunarFestivals(
                LocalDate.of(year, r[0], r[1]),
                LocalDate.of(year, 4, r[2]),
                LocalDate.of(year, r[3], r[4]),
                LocalDate.of(year, r[5], r[6])));
    }

    /** 除夕, the last day of the twelfth lunar month: the day before 正月初一. */
    LocalDate newYearsEve() {
        return springFestival.minusDays(1);
    }
}
