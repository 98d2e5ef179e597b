package app.lantern.pipeline;

import app.lantern.audit.HistoryFormat;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** An opportunity's history in the reader's language: 状态 进行中 → 赢单, 预算 5–20万, 决策链 王主任（决策人）. */
@Component
class OpportunityHistoryFormat implements HistoryFormat {

    private final MessageSource messages;

    OpportunityHistoryFormat(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of("opportunity");
    }

    @Override
    public Optional<String> label(String field, Locale locale) {
        return text("pipeline.history." + field, locale).or(() -> text("pipeline.field." + field, locale));
    }

    @Override
    public Optional<String> value(String field, String value, Locale locale) {
        return switch (field) {
            case "status" -> text("pipeline.status." + value, locale);
            case "budgetRange" -> text("pipeline.budget." + value, locale);
            case "outcome" -> text("pipeline.outcome." + value, locale);
            case "amount" -> money(value, locale);
            case "contacts" -> Optional.of(contacts(value, locale));
            default -> Optional.empty();
        };
    }

    /** {@code 王主任:DECISION_MAKER,李工:USER} → {@code 王主任（决策人）、李工（使用者）}. */
    private String contacts(String value, Locale locale) {
        return Arrays.stream(value.split(","))
                .filter(s -> !s.isBlank())
                .map(c -> {
                    int colon = c.lastIndexOf(':');
                    if (colon < 0) {
                        return c;
                    }
                    String role = c.substring(colon + 1);
                    return messages.getMessage(
                            "pipeline.history.contactRole",
                            new Object[] {
                                c.substring(0, colon),
                                text("pipeline.role." + role, locale).orElse(role)
                            },
                            locale);
                })
                .collect(Collectors.joining(messages.getMessage("pipeline.history.separator", null, "、", locale)));
    }

    private static Optional<String> money(String value, Locale locale) {
        try {
            DecimalFormat f = new DecimalFormat("¥#,##0.00", DecimalFormatSymbols.getInstance(locale));
            return Optional.of(f.format(new BigDecimal(value)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Optional<String> text(String key, Locale locale) {
        return HistoryFormat.message(messages, key, locale);
    }
}
