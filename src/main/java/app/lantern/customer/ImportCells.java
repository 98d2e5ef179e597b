package app.lantern.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the cells of an export as they come: times as ISO, {@code 2024-03-31 17:30}, {@code 2024/3/31},
 * {@code 2024年3月31日 17:30} or the US {@code 3/31/2024 5:30 PM} of English Salesforce and HubSpot exports (a
 * first part above 12 reads as {@code 31/03/2024}); a time without an offset is in the business time zone. Amounts as
 * {@code ¥1,200,000.00}, {@code $ 80,000}, {@code 12.5万}.
 */
final class ImportCells {

    private static final Pattern SLASHED_YEAR_LAST = Pattern.compile(
            "(\\d{1,2})/(\\d{1,2})/(\\d{4})(?:[ T]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp][Mm])?)?");
    private static final Pattern CHINESE = Pattern.compile(
            "(\\d{4})年(\\d{1,2})月(\\d{1,2})日?(?:\\s*(上午|下午)?\\s*(\\d{1,2})[:：时](\\d{2})(?:[:：分](\\d{2}))?)?");
    /** Strict: 2024-04-31 is no date (a lenient reader would make it April 30). */
    private static final List<DateTimeFormatter> LOCAL_TIMES = List.of(
            strict("uuuu-M-d H:mm:ss"),
            strict("uuuu-M-d H:mm"),
            strict("uuuu-M-d'T'H:mm:ss"),
            strict("uuuu-M-d'T'H:mm"));

    private static final DateTimeFormatter LOCAL_DATE = strict("uuuu-M-d");

    private ImportCells() {}

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }

    /** The time a cell names, or null if it names none. */
    static OffsetDateTime time(String cell, ZoneId zone) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        String s = cell.strip();
        LocalDateTime local = slashedYearLast(s);
        if (local == null) {
            local = chinese(s);
        }
        if (local != null) {
            return local.atZone(zone).toOffsetDateTime();
        }
        String t = s.replace('/', '-').replace('.', '-');
        try {
            return OffsetDateTime.parse(t);
        } catch (DateTimeParseException ignored) {
            // try the local forms
        }
        for (DateTimeFormatter f : LOCAL_TIMES) {
            try {
                return LocalDateTime.parse(t, f).atZone(zone).toOffsetDateTime();
            } catch (DateTimeParseException ignored) {
                // next
            }
        }
        try {
            return LocalDate.parse(t, LOCAL_DATE).atStartOfDay(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The day a cell names (its date part if it names a time), or null. */
    static LocalDate date(String cell, ZoneId zone) {
        OffsetDateTime t = time(cell, zone);
        return t == null ? null : t.atZoneSameInstant(zone).toLocalDate();
    }

    private static LocalDateTime slashedYearLast(String s) {
        Matcher m = SLASHED_YEAR_LAST.matcher(s);
        if (!m.matches()) {
            return null;
        }
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        int month = a > 12 ? b : a;
        int day = a > 12 ? a : b;
        int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        if (m.group(7) != null) {
            boolean pm = m.group(7).equalsIgnoreCase("pm");
            hour = hour % 12 + (pm ? 12 : 0);
        }
        return at(Integer.parseInt(m.group(3)), month, day, hour, m.group(5), m.group(6));
    }

    private static LocalDateTime chinese(String s) {
        Matcher m = CHINESE.matcher(s);
        if (!m.matches()) {
            return null;
        }
        int hour = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
        if ("下午".equals(m.group(4)) && hour < 12) {
            hour += 12;
        }
        return at(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)),
                hour,
                m.group(6),
                m.group(7));
    }

    private static LocalDateTime at(int year, int month, int day, int hour, String minute, String second) {
        try {
            return LocalDateTime.of(
                    year,
                    month,
                    day,
                    hour,
                    minute == null ? 0 : Integer.parseInt(minute),
                    second == null ? 0 : Integer.parseInt(second));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The amount a cell names in yuan (currency signs, spaces and thousands separators ignored; 万 multiplies), or null. */
    static BigDecimal amount(String cell) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        String s = cell.strip()
                .toUpperCase(Locale.ROOT)
                .replaceAll("^(CNY|RMB|USD|EUR|[¥￥$€])\\s*", "")
                .replaceAll("\\s*(CNY|RMB|元)$", "")
                .replace(",", "")
                .replace("，", "")
                .replace(" ", "");
        BigDecimal factor = BigDecimal.ONE;
        if (s.endsWith("万")) {
            factor = BigDecimal.valueOf(10_000);
            s = s.substring(0, s.length() - 1);
        }
        try {
            return new BigDecimal(s).multiply(factor);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
