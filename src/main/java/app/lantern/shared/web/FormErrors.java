package app.lantern.shared.web;

import app.lantern.shared.FieldErrors;
import app.lantern.shared.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Errors of a submitted form as the form templates show them (field name → message, the first per field): from the
 * binding of a form record (a value that is not a number, a date…) or from the module's own validation.
 */
public final class FormErrors {

    private FormErrors() {}

    public static Map<String, String> of(BindingResult binding) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError e : binding.getFieldErrors()) {
            errors.putIfAbsent(e.getField(), e.isBindingFailure() ? "invalid value" : e.getDefaultMessage());
        }
        return errors;
    }

    public static Map<String, String> of(ValidationException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldErrors.FieldError f : e.errors()) {
            errors.putIfAbsent(f.field(), f.message());
        }
        return errors;
    }

    /** Binding errors as a validation exception, so one path reports both. */
    public static void throwIfAny(BindingResult binding) {
        if (binding.hasErrors()) {
            throw new ValidationException(of(binding).entrySet().stream()
                    .map(e -> new FieldErrors.FieldError(e.getKey(), e.getValue()))
                    .toList());
        }
    }
}
