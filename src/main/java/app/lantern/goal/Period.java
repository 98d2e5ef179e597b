package app.lantern.goal;

import app.lantern.shared.ValidationException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target period: {@code 2026}, {@code 2026-Q1}, {@code 2026-03} or ISO week {@code 2026-W09}. As in ISO 8601, a
 * week belongs to the month (and year) that holds its Thursday, so every week has exactly one parent month and the
 * weeks of a month add up to it.
 */
public record Period(Type type, String key, LocalDate start, LocalDate end) {

    public enum Type {
        YEAR,
        QUARTER,
        MONTH,
        WEEK
    }

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    public static Period parse(String key) {
        if (key == null) {
            throw ValidationException.field("period", "must be given, e.g. 2026, 2026-Q1, 2026-03 or 2026-W09");
        }
        Matcher m;
        if ((m = YEAR.matcher(key)).matches()) {
            int y = year(m.group(1));
            return new Period(Type.YEAR, key, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
        }
        if ((m = QUARTER.matcher(key)).matches()) {
            int y = year(m.group(1));
            int q = Integer.parseInt(m.group(2));
            LocalDate s = LocalDate.of(y, 3 * q - 2, 1);
            return new Period(Type.QUARTER, key, s, s.plusMonths(3).minusDays(1));
        }
        if ((m = MONTH.matcher(key)).matches()) {
            YearMonth ym = YearMonth.of(year(m.group(1)), Integer.parseInt(m.group(2)));
            return new Period(Type.MONTH, key, ym.atDay(1), ym.atEndOfMonth());
        }
        if ((m = WEEK.matcher(key)).matches()) {
            int y = year(m.group(1));
            int w = Integer.parseInt(m.group(2));
            LocalDate jan4 = LocalDate.of(y, 1, 4);
            int weeks = (int) jan4.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
            if (w < 1 || w > LocalDate.of(y, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) || w > weeks) {
                throw ValidationException.field("period", key + " is not an ISO week of " + y);
            }
            LocalDate monday = jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, w)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            return new Period(Type.WEEK, key, monday, monday.plusDays(6));
        }
        throw ValidationException.field(
                "period", "'" + key + "' is not a period; use 2026, 2026-Q1, 2026-03 or 2026-W09");
    }

    private static int year(String s) {
        int y = Integer.parseInt(s);
        if (y < 2000 || y > 2100) {
            throw ValidationException.field("period", "year must be between 2000 and 2100");
        }
        return y;
    }

    public static Period ofMonth(YearMonth month) {
        return parse(month.toString());
    }

    public static String weekKey(LocalDate day) {
        return String.format(
                "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The month a week belongs to: the one holding its Thursday. */
    public YearMonth weekMonth() {
        return YearMonth.from(start.plusDays(3));
    }

    /** The year the period counts toward (a week toward the year of its Thursday, as ISO does). */
    public int year() {
        return type == Type.WEEK ? start.plusDays(3).getYear() : start.getYear();
    }

    /** The next finer periods: quarters of a year, months of a quarter, the ISO weeks whose Thursday is in a month. */
    public List<Period> children() {
        List<Period> result = new ArrayList<>();
        switch (type) {
            case YEAR -> {
                for (int q = 1; q <= 4; q++) {
                    result.add(parse(key + "-Q" + q));
                }
            }
            case QUARTER -> {
                for (LocalDate d = start; d.isBefore(end); d = d.plusMonths(1)) {
                    result.add(parse(YearMonth.from(d).toString()));
                }
            }
            case MONTH -> {
                for (LocalDate d = start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                        !d.isAfter(end);
                        d = d.plusWeeks(1)) {
                    if (!d.plusDays(3).isBefore(start) && !d.plusDays(3).isAfter(end)) {
                        result.add(parse(weekKey(d)));
                    }
                }
            }
            case WEEK -> {}
        }
        return result;
    }

    /** Days of this period inside {@code other}. */
    public int daysWithin(Period other) {
        LocalDate s = start.isAfter(other.start) ? start : other.start;
        LocalDate e = end.isBefore(other.end) ? end : other.end;
        return e.isBefore(s) ? 0 : (int) (e.toEpochDay() - s.toEpochDay() + 1);
    }

    /** The same period one year earlier (the same week number for weeks). */
    public Period lastYear() {
        return switch (type) {
            case YEAR -> parse(String.valueOf(year() - 1));
            case QUARTER, MONTH -> parse((start.getYear() - 1) + key.substring(4));
            case WEEK -> {
                String k = (year() - 1) + key.substring(4);
                try {
                    yield parse(k);
                } catch (ValidationException e) {
                    yield parse((year() - 1) + "-W52");
                }
            }
        };
    }
}
