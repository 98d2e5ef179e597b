package app.lantern.quote.web;

import app.lantern.shared.ConflictException;
import app.lantern.shared.ForbiddenException;
import app.lantern.shared.ValidationException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Runs a page action and tells the outcome on the page it redirects to: a message key, or why it was refused. */
final class Flash {

    private Flash() {}

    /** Runs {@code action}; flashes {@code message} on success, the refusal's reason otherwise; redirects to {@code to}. */
    static String act(String to, RedirectAttributes redirect, Runnable action, String message) {
        try {
            action.run();
            redirect.addFlashAttribute("message", message);
        } catch (ValidationException | ConflictException | ForbiddenException e) {
            redirect.addFlashAttribute("error", reason(e));
        }
        return "redirect:" + to;
    }

    /** The first field error of a validation failure, or the refusal's message. */
    static String reason(RuntimeException e) {
        if (e instanceof ValidationException v && !v.errors().isEmpty()) {
            return v.errors().getFirst().field() + ": " + v.errors().getFirst().message();
        }
        return e.getMessage();
    }
}
