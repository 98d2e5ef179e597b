package app.lantern.customer;

import app.lantern.audit.HistoryFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A contact's history in the reader's language: the customer's name instead of its id, 决策者, 已离职. */
@Component
class ContactHistoryFormat implements HistoryFormat {

    private final MessageSource messages;
    private final Customers customers;

    ContactHistoryFormat(MessageSource messages, Customers customers) {
        this.messages = messages;
        this.customers = customers;
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of("contact");
    }

    @Override
    public Optional<String> label(String field, Locale locale) {
        return switch (field) {
            case "customerId" -> text("customer.history.customerId", locale);
            case "wechatId" -> text("customer.contact.wechat", locale);
            case "decisionRole" -> text("customer.contact.role", locale);
            default -> text("customer.contact." + field, locale);
        };
    }

    @Override
    public Optional<String> value(String field, String value, Locale locale) {
        return switch (field) {
            case "customerId" -> CustomerHistoryFormat.customerName(customers, value);
            case "decisionRole" -> text("customer.role." + value, locale);
            case "status" -> text("LEFT".equals(value) ? "customer.contact.left" : "customer.contact.active", locale);
            default -> Optional.empty();
        };
    }

    private Optional<String> text(String key, Locale locale) {
        return HistoryFormat.message(messages, key, locale);
    }
}
