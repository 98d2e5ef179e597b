package app.lantern.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The statutory holidays of 《全国年节及纪念日放假办法》 for a year without a loaded State Council notice: the dates
 * themselves, with no make-up working days and no moved days. From 2025 (as amended in November 2024): 元旦 1 day,
 * 春节 4 days (除夕 to 初三), 清明 1 day, 劳动节 2 days (5/1–5/2), 端午 1 day, 中秋 1 day, 国庆节 3 days (10/1–10/3).
 * Before 2025 (2013 version): 春节 3 days (初一 to 初三) and 劳动节 1 day.
 */
final class StatutoryHolidays {

    static final int AMENDED_2024_FROM = 2025;

    private StatutoryHolidays() {}

    /** The holidays of {@code year}; lunar festivals only when the lunar table covers the year. */
    static List<CalendarDay> of(int year) {
        Map<LocalDate, String> names = new TreeMap<>();
        add(names, LocalDate.of(year, 1, 1), "元旦");
        LunarFestivals.of(year).ifPresent(lunar -> {
            LocalDate first = year >= AMENDED_2024_FROM ? lunar.newYearsEve() : lunar.springFestival();
            for (LocalDate d = first; !d.isAfter(lunar.springFestival().plusDays(2)); d = d.plusDays(1)) {
                add(names, d, "春节");
            }
            add(names, lunar.qingming(), "清明节");
            add(names, lunar.dragonBoat(), "端午节");
            add(names, lunar.midAutumn(), "中秋节");
        });
        add(names, LocalDate.of(year, 5, 1), "劳动节");
        if (year >= AMENDED_2024_FROM) {
            add(names, LocalDate.of(year, 5, 2), "劳动节");
        }
        for (int day = 1; day <= 3; day++) {
            add(names, LocalDate.of(year, 10, day), "国庆节");
        }
        List<CalendarDay> days = new ArrayList<>(names.size());
        names.forEach((date, name) -> days.add(new CalendarDay(date, DayKind.HOLIDAY, name, false)));
        return days;
    }

    private static void add(Map<LocalDate, String> names, LocalDate date, String name) {
        names.merge(date, name, (a, b) -> b.equals("国庆节") ? b + "、" + a : a + "、" + b);
    }
}
