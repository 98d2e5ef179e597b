package app.lantern.activity;

import app.lantern.audit.HistoryFormat;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.customer.CustomerRef;
import app.lantern.customer.Customers;
import app.lantern.pipeline.Opportunities;
import app.lantern.pipeline.OpportunityRef;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An activity's history (and the back-fill thresholds') in the reader's language: the type's name, the customer's and
 * opportunity's names instead of their ids, times in business time, minutes and hours with their unit.
 */
@Component
class ActivityHistoryFormat implements HistoryFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;
    private final Customers customers;
    private final Opportunities opportunities;
    private final WorkingCalendar calendar;

    ActivityHistoryFormat(
            MessageSource messages, Customers customers, Opportunities opportunities, WorkingCalendar calendar) {
        this.messages = messages;
        this.customers = customers;
        this.opportunities = opportunities;
        this.calendar = calendar;
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of("activity", "backfillSettings");
    }

    @Override
    public Optional<String> label(String field, Locale locale) {
        return text("activity.history." + field, locale, null);
    }

    @Override
    public Optional<String> value(String field, String value, Locale locale) {
        return switch (field) {
            case "type" -> text("activity.type." + value, locale, null);
            case "backfill" -> text("activity.backfill." + value, locale, null);
            case "customerId" -> id(value).flatMap(customers::find).map(CustomerRef::name);
            case "opportunityId" -> id(value).flatMap(opportunities::find).map(OpportunityRef::name);
            case "occurredAt" -> time(value);
            case "durationMinutes", "burstWindowMinutes" -> text("activity.minutesOf", locale, value);
            case "lateAfterHours" -> text("activity.hoursOf", locale, value);
            default -> Optional.empty();
        };
    }

    private Optional<String> time(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value)
                    .atZoneSameInstant(calendar.zone())
                    .format(TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> id(String value) {
        try {
            return Optional.of(Long.valueOf(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Optional<String> text(String key, Locale locale, String arg) {
        return Optional.ofNullable(messages.getMessage(key, arg == null ? null : new Object[] {arg}, null, locale));
    }
}
