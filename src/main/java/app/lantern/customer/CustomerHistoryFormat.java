package app.lantern.customer;

import app.lantern.audit.HistoryFormat;
import app.lantern.identity.Directory;
import app.lantern.identity.UserSummary;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A customer's history in the reader's language: 规模 小型 → 大型, 状态 潜在 → 合作中, the owner's and the other
 * customer's names instead of their ids.
 */
@Component
class CustomerHistoryFormat implements HistoryFormat {

    private final MessageSource messages;
    private final Customers customers;
    private final Directory directory;

    CustomerHistoryFormat(MessageSource messages, Customers customers, Directory directory) {
        this.messages = messages;
        this.customers = customers;
        this.directory = directory;
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of("customer");
    }

    @Override
    public Optional<String> label(String field, Locale locale) {
        return text("customer.history." + field, locale);
    }

    @Override
    public Optional<String> value(String field, String value, Locale locale) {
        return switch (field) {
            case "size" -> text("customer.size." + value, locale);
            case "status" -> text("customer.status." + value, locale);
            case "ownerId" -> id(value).flatMap(directory::user).map(UserSummary::displayName);
            case "survivorId", "otherCustomerId" -> customerName(customers, value);
            default -> Optional.empty();
        };
    }

    /** The customer's name for a stored id, empty when the id is not a customer's. */
    static Optional<String> customerName(Customers customers, String value) {
        return id(value).flatMap(customers::find).map(CustomerRef::name);
    }

    private static Optional<Long> id(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Optional<String> text(String key, Locale locale) {
        return HistoryFormat.message(messages, key, locale);
    }
}
