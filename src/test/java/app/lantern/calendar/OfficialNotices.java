package app.lantern.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The State Council notices for 2025 and 2026, transcribed independently of the migration (as periods and make-up
 * days, the way the notices are written), so that tests can check the shipped rows against them.
 */
final class OfficialNotices {

    static final String TITLE_2025 = "国务院办公厅关于2025年部分节假日安排的通知";
    static final String TITLE_2026 = "国务院办公厅关于2026年部分节假日安排的通知";

    private OfficialNotices() {}

    static Map<Integer, String> titles() {
        return Map.of(2025, TITLE_2025, 2026, TITLE_2026);
    }

    /** Every listed day of both notices. */
    static List<CalendarDay> days() {
        List<CalendarDay> days = new ArrayList<>();
        // 2025 (国办发明电〔2024〕12号)
        period(days, "元旦", "2025-01-01", "2025-01-01");
        period(days, "春节", "2025-01-28", "2025-02-04", "2025-01-26", "2025-02-08");
        period(days, "清明节", "2025-04-04", "2025-04-06");
        period(days, "劳动节", "2025-05-01", "2025-05-05", "2025-04-27");
        period(days, "端午节", "2025-05-31", "2025-06-02");
        period(days, "国庆节、中秋节", "2025-10-01", "2025-10-08", "2025-09-28", "2025-10-11");
        // 2026 (published 2025-11-04)
        period(days, "元旦", "2026-01-01", "2026-01-03", "2026-01-04");
        period(days, "春节", "2026-02-15", "2026-02-23", "2026-02-14", "2026-02-28");
        period(days, "清明节", "2026-04-04", "2026-04-06");
        period(days, "劳动节", "2026-05-01", "2026-05-05", "2026-05-09");
        period(days, "端午节", "2026-06-19", "2026-06-21");
        period(days, "中秋节", "2026-09-25", "2026-09-27");
        period(days, "国庆节", "2026-10-01", "2026-10-07", "2026-09-20", "2026-10-10");
        return days;
    }

    static List<CalendarDay> days(int year) {
        return days().stream().filter(d -> d.date().getYear() == year).toList();
    }

    private static void period(List<CalendarDay> days, String name, String first, String last, String... workdays) {
        for (LocalDate d = LocalDate.parse(first); !d.isAfter(LocalDate.parse(last)); d = d.plusDays(1)) {
            days.add(new CalendarDay(d, DayKind.HOLIDAY, name, true));
        }
        for (String w : workdays) {
            days.add(new CalendarDay(LocalDate.parse(w), DayKind.WORKDAY, name, true));
        }
    }
}
