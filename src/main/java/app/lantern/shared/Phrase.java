package app.lantern.shared;

import org.springframework.context.MessageSourceResolvable;

/**
 * A text the code produces (a health factor's value or rule, a progress summary), kept as a message key and its arguments so that it is
 * put into words in the reader's language, with its numbers, names and dates as they are.
 */
public record Phrase(String key, Object... args) implements MessageSourceResolvable {

    @Override
    public String[] getCodes() {
        return new String[] {key};
    }

    @Override
    public Object[] getArguments() {
        return args;
    }

    /** Two phrases are equal when they say the same: same key, equal arguments (a record compares arrays by identity). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Phrase p && key.equals(p.key) && java.util.Arrays.deepEquals(args, p.args);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + java.util.Arrays.deepHashCode(args);
    }

    @Override
    public String toString() {
        return "Phrase[" + key + java.util.Arrays.deepToString(args) + "]";
    }
}
