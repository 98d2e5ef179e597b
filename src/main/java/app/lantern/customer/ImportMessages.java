package app.lantern.customer;

import app.lantern.shared.Phrase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an import says about a row, stored as message keys with their arguments (an import runs in the background, for
 * readers of any language) and put into words when read. A field problem reported by the customer validation in its
 * own terms is named by the field's label and, for the problems an import meets, a translated message.
 */
final class ImportMessages {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_STORED = 2000;
    private static final int MAX_ARGUMENT = 200;

    /** Validation messages of {@link CustomerManagement} an import meets, as message keys (the number kept as {0}). */
    private record Problem(Pattern pattern, String key) {}

    private static final List<Problem> PROBLEMS = List.of(
            new Problem(Pattern.compile("must not be blank"), "customer.import.problem.blank"),
            new Problem(Pattern.compile("must be at most (\\d+) characters"), "customer.import.problem.too-long"),
            new Problem(
                    Pattern.compile("is not a valid unified social credit code.*"),
                    "customer.import.problem.credit-code"),
            new Problem(Pattern.compile("must be one of .*"), "customer.import.problem.choice"),
            new Problem(Pattern.compile("is not a valid phone number"), "customer.import.problem.phone"),
            new Problem(Pattern.compile("is not a valid e-mail address"), "customer.import.problem.email"));

    private ImportMessages() {}

    static Phrase invalid(String field, String message) {
        return new Phrase("customer.import.row.invalid", field, message);
    }

    /** The phrases as stored text: a JSON list of [key, argument…] (an argument may be a phrase), long ones cut. */
    static String encode(List<Phrase> phrases) {
        if (phrases.isEmpty()) {
            return null;
        }
        List<Object> rows = new ArrayList<>();
        for (Phrase p : phrases) {
            rows.add(tree(p));
        }
        String text = JSON.writeValueAsString(rows);
        while (text.length() > MAX_STORED && rows.size() > 1) {
            rows.removeLast();
            text = JSON.writeValueAsString(rows);
        }
        return text;
    }

    private static List<Object> tree(Phrase p) {
        List<Object> row = new ArrayList<>();
        row.add(p.key());
        for (Object a : p.args()) {
            if (a instanceof Phrase nested) {
                row.add(tree(nested));
            } else {
                String s = String.valueOf(a);
                row.add(s.length() > MAX_ARGUMENT ? s.substring(0, MAX_ARGUMENT) + "…" : s);
            }
        }
        return row;
    }

    /** Stored phrases in the reader's language, one sentence each, joined by "; ". */
    static String render(String stored, MessageSource messages, Locale locale) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        if (!stored.startsWith("[")) {
            return stored;
        }
        List<List<Object>> rows = JSON.readValue(stored, new TypeReference<List<List<Object>>>() {});
        List<String> sentences = new ArrayList<>();
        for (List<Object> row : rows) {
            sentences.add(sentence(row, messages, locale));
        }
        return String.join(messages.getMessage("customer.import.row.separator", null, "; ", locale), sentences);
    }

    private static String sentence(List<?> row, MessageSource messages, Locale locale) {
        String key = String.valueOf(row.getFirst());
        List<String> args = new ArrayList<>();
        for (Object a : row.subList(1, row.size())) {
            args.add(a instanceof List<?> nested ? sentence(nested, messages, locale) : String.valueOf(a));
        }
        if (key.equals("customer.import.row.invalid") && args.size() == 2) {
            return messages.getMessage(
                    key,
                    new Object[] {fieldLabel(args.get(0), messages, locale), problem(args.get(1), messages, locale)},
                    locale);
        }
        return messages.getMessage(key, args.toArray(), key, locale);
    }

    /** The field's label in the reader's language (the field name when it has none). */
    static String fieldLabel(String field, MessageSource messages, Locale locale) {
        return messages.getMessage("customer.import.field." + field, null, field, locale);
    }

    private static String problem(String message, MessageSource messages, Locale locale) {
        for (Problem p : PROBLEMS) {
            Matcher m = p.pattern().matcher(message);
            if (m.matches()) {
                return messages.getMessage(
                        p.key(), m.groupCount() > 0 ? new Object[] {m.group(1)} : null, message, locale);
            }
        }
        return message;
    }
}
