package app.lantern.calendar;

import java.util.List;

/**
 * One year of the calendar as the arithmetic sees it.
 *
 * @param year        the year
 * @param source      NOTICE when the State Council notice is loaded, FALLBACK otherwise
 * @param noticeTitle the notice's title (null for a fallback year)
 * @param days        the holidays and make-up working days in date order (derived and explicit ones)
 * @param workingDays number of working days in the year
 * @param lunarCovered false for a fallback year outside the built-in lunar table (lunar festivals then unknown)
 */
public record CalendarYear(
        int year,
        YearSource source,
        String noticeTitle,
        List<CalendarDay> days,
        int workingDays,
        boolean lunarCovered) {

    public CalendarYear {
        days = List.copyOf(days);
    }

    public boolean fallback() {
        return source == YearSource.FALLBACK;
    }
}
