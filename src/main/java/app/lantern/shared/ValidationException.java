package app.lantern.shared;

import java.util.List;

/** Input that breaks a rule; answered 400 (or 422 for a business rule) with the offending fields named. */
public class ValidationException extends RuntimeException {

    private final List<FieldErrors.FieldError> errors;
    private final int status;

    public ValidationException(List<FieldErrors.FieldError> errors) {
        this(errors, 400);
    }

    public ValidationException(List<FieldErrors.FieldError> errors, int status) {
        super(
                errors.isEmpty()
                        ? "invalid input"
                        : errors.getFirst().field() + ": " + errors.getFirst().message());
        this.errors = List.copyOf(errors);
        this.status = status;
    }

    public static ValidationException field(String field, String message) {
        return new ValidationException(List.of(new FieldErrors.FieldError(field, message)));
    }

    /** A rule of the domain rather than the shape of the input (HTTP 422). */
    public static ValidationException unprocessable(String field, String message) {
        return new ValidationException(List.of(new FieldErrors.FieldError(field, message)), 422);
    }

    public List<FieldErrors.FieldError> errors() {
        return errors;
    }

    public int status() {
        return status;
    }
}
