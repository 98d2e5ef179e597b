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
}
