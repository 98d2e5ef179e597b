package app.lantern.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects field errors of one request and throws them together, so a form shows every problem at once.
 */
public final class FieldErrors {

    private final List<FieldError> errors = new ArrayList<>();

    public FieldErrors add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public FieldErrors addIf(boolean condition, String field, String message) {
        if (condition) {
            add(field, message);
        }
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> list() {
        return List.copyOf(errors);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    public record FieldError(String field, String message) implements java.io.Serializable {}
}
