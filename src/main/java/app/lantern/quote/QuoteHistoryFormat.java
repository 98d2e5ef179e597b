package app.lantern.quote;

import app.lantern.audit.HistoryFormat;
import app.lantern.customer.CustomerRef;
import app.lantern.customer.Customers;
import app.lantern.pipeline.Opportunities;
import app.lantern.pipeline.OpportunityRef;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A quote's history in the reader's language: 状态 草稿 → 待审批, the customer's and opportunity's names instead of
 * their ids, approval roles by name, money with ¥ and the working hours an approval waited with their unit.
 */
@Component
class QuoteHistoryFormat implements HistoryFormat {

    private final MessageSource messages;
    private final Customers customers;
    private final Opportunities opportunities;

    QuoteHistoryFormat(MessageSource messages, Customers customers, Opportunities opportunities) {
        this.messages = messages;
        this.customers = customers;
        this.opportunities = opportunities;
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of("quote");
    }

    @Override
    public Optional<String> label(String field, Locale locale) {
        return text("quote.history." + field, locale, null);
    }

    @Override
    public Optional<String> value(String field, String value, Locale locale) {
        return switch (field) {
            case "status" -> text("quote.status." + value, locale, null);
            case "customerId" -> id(value).flatMap(customers::find).map(CustomerRef::name);
            case "opportunityId" -> id(value).flatMap(opportunities::find).map(OpportunityRef::name);
            case "role" -> text("quote.role." + value, locale, null);
            case "steps" -> Optional.of(roles(value, locale));
            case "workingHoursWaited" ->
                number(value).flatMap(h -> text("quote.history.hoursOf", locale, h.setScale(1, RoundingMode.HALF_UP)));
            case "subtotal", "taxTotal", "total" -> number(value).map(money(locale));
            case "external", "withinSla" -> text("quote.history.bool." + value, locale, null);
            default -> Optional.empty();
        };
    }

    /** {@code MANAGER,FINANCE} → {@code 主管、财务}. */
    private String roles(String value, Locale locale) {
        return Arrays.stream(value.split(","))
                .filter(s -> !s.isBlank())
                .map(r -> text("quote.role." + r, locale, null).orElse(r))
                .collect(Collectors.joining(
                        text("quote.history.separator", locale, null).orElse("、")));
    }

    private static Function<BigDecimal, String> money(Locale locale) {
        return v -> new DecimalFormat("¥#,##0.00", DecimalFormatSymbols.getInstance(locale)).format(v);
    }

    private static Optional<BigDecimal> number(String value) {
        try {
            return Optional.of(new BigDecimal(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> id(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Optional<String> text(String key, Locale locale, Object arg) {
        return arg == null
                ? HistoryFormat.message(messages, key, locale)
                : HistoryFormat.message(messages, key, locale, arg.toString());
    }
}
