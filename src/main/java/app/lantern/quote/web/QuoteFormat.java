package app.lantern.quote.web;

import app.lantern.quote.QuoteStatus;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Template helper ({@code @quoteFormat}) so every quote page shows times and statuses alike: instants are stored in
 * UTC-based offsets and shown as {@code yyyy-MM-dd HH:mm} in the business time zone; each status has one colour.
 */
@Component("quoteFormat")
public class QuoteFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final ZoneId zone;

    QuoteFormat(@Value("${lantern.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.zone = zone;
    }

    public String time(OffsetDateTime time) {
        return time == null ? "—" : time.atZoneSameInstant(zone).format(TIME);
    }

    public String date(LocalDate date) {
        return date == null ? "—" : date.format(DATE);
    }

    /** Bootstrap badge classes for a status. */
    public String badge(QuoteStatus status) {
        return switch (status) {
            case DRAFT -> "text-bg-secondary";
            case PENDING_APPROVAL -> "text-bg-warning";
            case APPROVED -> "text-bg-info";
            case REJECTED -> "text-bg-danger";
            case SENT -> "text-bg-primary";
            case SIGNED -> "text-bg-success";
            case STAMPED -> "text-bg-dark";
            case SUPERSEDED -> "text-bg-light border";
            case EXPIRED -> "text-bg-light border border-danger text-danger";
        };
    }
}
