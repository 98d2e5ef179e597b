package app.lantern.audit;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;

/**
 * How the records of one module read in a record history: field labels and values in the reader's language (状态 草稿 →
 * 待审批, the customer's name instead of its id). The module that owns the entity type implements it; the audit module
 * shows what it gets, and falls back to its own labels and the stored value.
 */
public interface HistoryFormat {

    /** The entity types (as passed to {@link AuditLog}) this formats, e.g. {@code opportunity}. */
    Set<String> entityTypes();

    /** The field's label in {@code locale}; empty to use the audit module's label. */
    default Optional<String> label(String field, Locale locale) {
        return Optional.empty();
    }

    /** The stored value {@code value} (never null) of {@code field} as a person reads it; empty to show it as stored. */
    default Optional<String> value(String field, String value, Locale locale) {
        return Optional.empty();
    }

    /**
     * The message {@code key} in {@code locale}, empty when no bundle has it. The application's message source answers
     * a missing key with the key itself, which a history must never show.
     */
    static Optional<String> message(MessageSource messages, String key, Locale locale, Object... args) {
        String text = messages.getMessage(key, args.length == 0 ? null : args, "", locale);
        return text == null || text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
