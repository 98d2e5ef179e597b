package app.lantern.conversation;

import app.lantern.calendar.CalendarDay;
import app.lantern.calendar.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves spoken dates (下周三, 本周五, 月底前, 3号, 节后, 下下周, 两个工作日内) against the call date and the working
 * calendar. A named day that is not a working day moves to the next working day; a period given as a deadline (下周,
 * 月底, 年底, 节前) ends on its last working day; 节后 is the first working day after the next holiday.
 */
final class DueDates {

    private static final String N = "(\\d{1,2}|[一二两三四五六七八九十]{1,3})";
    private static final Pattern MONTH_DAY = Pattern.compile(N + "月" + N + "[号日]");
    private static final Pattern MONTH_START = Pattern.compile("(下个?月|" + N + "月)初");
    private static final Pattern WEEKDAY = Pattern.compile("(下下|下个?|这个?|本)?(?:周|星期|礼拜)([一二三四五六日天1-7])");
    private static final Pattern WEEK = Pattern.compile("(下下|下个?|这个?|本)(?:周|星期|礼拜)");
    private static final Pattern MONTH_END = Pattern.compile("(下个?月|这个月|本月)?(?:月底|月末)");
    private static final Pattern DAY = Pattern.compile("(?<![月\\d.])" + N + "[号](?!码|线|楼)");
    private static final Pattern WORKING_DAYS = Pattern.compile(N + "个?工作日");
    private static final Pattern DAYS = Pattern.compile(N + "天(?:内|之内|后|以内)");
    private static final Pattern AFTER_HOLIDAY =
            Pattern.compile("(国庆|春节|过年|年|五一|劳动节|中秋|端午|元旦|清明)?(?:节)?(?:后|回来|过后)" + "|过完(年|节)|节后|假期(?:后|结束)|放假回来");
    private static final Pattern BEFORE_HOLIDAY = Pattern.compile("(国庆|春节|过年|年|五一|劳动节|中秋|端午|元旦|清明)(?:节)?前|节前|放假前");
    private static final Pattern YEAR_END = Pattern.compile("年底|年末");

    private final WorkingCalendar calendar;

    DueDates(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** The date {@code clause} names, said on {@code callDate}; {@code anchor} is a date named earlier in the sentence. */
    Optional<LocalDate> resolve(String clause, LocalDate callDate, LocalDate anchor) {
        Matcher m;
        if ((m = MONTH_DAY.matcher(clause)).find()) {
            int month = (int) ChineseNumbers.parse(m.group(1));
            int day = (int) ChineseNumbers.parse(m.group(2));
            if (month < 1 || month > 12 || day < 1 || day > 31) {
                return Optional.empty();
            }
            LocalDate d = LocalDate.of(callDate.getYear(), month, Math.min(day, 28))
                    .withDayOfMonth(Math.min(
                            day, LocalDate.of(callDate.getYear(), month, 1).lengthOfMonth()));
            return Optional.of(calendar.workingDayOnOrAfter(d.isBefore(callDate) ? d.plusYears(1) : d));
        }
        if ((m = MONTH_START.matcher(clause)).find()) {
            LocalDate first = m.group(2) != null
                    ? monthOf(callDate, (int) ChineseNumbers.parse(m.group(2)))
                    : callDate.plusMonths(1).withDayOfMonth(1);
            return Optional.of(calendar.workingDayOnOrAfter(first));
        }
        if ((m = BEFORE_HOLIDAY.matcher(clause)).find()) {
            return holidayStart(callDate, m.group(1)).map(calendar::previousWorkingDay);
        }
        m = AFTER_HOLIDAY.matcher(clause);
        while (m.find()) {
            if (isHolidayPhrase(m)) {
                String name = m.group(1) != null ? m.group(1) : m.group(2);
                return holidayStart(callDate, name).map(this::afterHoliday);
            }
        }
        if ((m = WEEKDAY.matcher(clause)).find()) {
            int dow = weekday(m.group(2).charAt(0));
            LocalDate monday = callDate.with(DayOfWeek.MONDAY);
            String which = m.group(1);
            LocalDate d;
            if (which == null) {
                LocalDate from = anchor != null && anchor.isAfter(callDate) ? anchor : callDate;
                d = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.of(dow)));
            } else {
                d = monday.plusWeeks(weeksAhead(which)).plusDays(dow - 1L);
            }
            return Optional.of(calendar.workingDayOnOrAfter(d));
        }
        if ((m = WORKING_DAYS.matcher(clause)).find()) {
            return Optional.of(calendar.addWorkingDays(callDate, (int) ChineseNumbers.parse(m.group(1))));
        }
        if ((m = DAYS.matcher(clause)).find()) {
            return Optional.of(
                    calendar.workingDayOnOrAfter(callDate.plusDays((long) ChineseNumbers.parse(m.group(1)))));
        }
        if ((m = MONTH_END.matcher(clause)).find()) {
            LocalDate month = m.group(1) != null && m.group(1).startsWith("下") ? callDate.plusMonths(1) : callDate;
            LocalDate end = lastWorkingDay(month.with(TemporalAdjusters.lastDayOfMonth()));
            return Optional.of(
                    end.isBefore(callDate)
                            ? lastWorkingDay(callDate.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth()))
                            : end);
        }
        if ((m = WEEK.matcher(clause)).find()) {
            LocalDate sunday = callDate.with(DayOfWeek.SUNDAY).plusWeeks(weeksAhead(m.group(1)));
            LocalDate last = calendar.workingDayOnOrBefore(sunday);
            return Optional.of(last.isBefore(sunday.minusDays(6)) ? calendar.nextWorkingDay(sunday) : last);
        }
        if (YEAR_END.matcher(clause).find()) {
            return Optional.of(lastWorkingDay(callDate.with(TemporalAdjusters.lastDayOfYear())));
        }
        if ((m = DAY.matcher(clause)).find()) {
            int day = (int) ChineseNumbers.parse(m.group(1));
            if (day < 1 || day > 31) {
                return Optional.empty();
            }
            LocalDate d = callDate.getDayOfMonth() <= day && day <= callDate.lengthOfMonth()
                    ? callDate.withDayOfMonth(day)
                    : nextMonthWithDay(callDate, day);
            return Optional.of(calendar.workingDayOnOrAfter(d));
        }
        if (clause.contains("大后天")) {
            return Optional.of(calendar.workingDayOnOrAfter(callDate.plusDays(3)));
        }
        if (clause.contains("后天")) {
            return Optional.of(calendar.workingDayOnOrAfter(callDate.plusDays(2)));
        }
        if (clause.contains("明天") || clause.contains("明早") || clause.contains("明儿")) {
            return Optional.of(calendar.workingDayOnOrAfter(callDate.plusDays(1)));
        }
        if (clause.contains("今天") || clause.contains("今晚") || clause.contains("下班前")) {
            return Optional.of(callDate);
        }
        return Optional.empty();
    }

    private static boolean isHolidayPhrase(Matcher m) {
        String s = m.group();
        return m.group(1) != null || m.group(2) != null || !s.equals("后") && !s.equals("回来") && !s.equals("过后");
    }

    private LocalDate afterHoliday(LocalDate start) {
        LocalDate d = start;
        while (!calendar.isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The first day of the next holiday period (the current one when the call falls inside it) named like {@code name}. */
    private Optional<LocalDate> holidayStart(LocalDate from, String name) {
        String wanted = name == null
                ? null
                : switch (name) {
                    case "过年", "年" -> "春节";
                    case "五一" -> "劳动";
                    default -> name;
                };
        for (LocalDate d = from; d.isBefore(from.plusDays(200)); d = d.plusDays(1)) {
            Optional<CalendarDay> day = calendar.day(d).filter(CalendarDay::holiday);
            if (day.isPresent()
                    && (wanted == null
                            || day.get().name() != null && day.get().name().contains(wanted))) {
                LocalDate start = d;
                while (calendar.day(start.minusDays(1))
                        .filter(CalendarDay::holiday)
                        .isPresent()) {
                    start = start.minusDays(1);
                }
                return Optional.of(start);
            }
        }
        return Optional.empty();
    }

    private LocalDate lastWorkingDay(LocalDate date) {
        return calendar.workingDayOnOrBefore(date);
    }

    private static LocalDate monthOf(LocalDate callDate, int month) {
        LocalDate d = LocalDate.of(callDate.getYear(), Math.max(1, Math.min(12, month)), 1);
        return d.isBefore(callDate.withDayOfMonth(1)) ? d.plusYears(1) : d;
    }

    private static LocalDate nextMonthWithDay(LocalDate callDate, int day) {
        LocalDate m = callDate.plusMonths(1).withDayOfMonth(1);
        while (day > m.lengthOfMonth()) {
            m = m.plusMonths(1);
        }
        return m.withDayOfMonth(day);
    }

    private static int weeksAhead(String which) {
        if (which == null) {
            return 0;
        }
        return which.startsWith("下下") ? 2 : which.startsWith("下") ? 1 : 0;
    }

    private static int weekday(char c) {
        return switch (c) {
            case '日', '天', '7' -> 7;
            default -> ChineseNumbers.digit(c);
        };
    }
}
