package app.lantern.calendar.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The calendar page's htmx fragments contain forms whose CSRF field is rendered late, when the response may already be
 * committed; this loads the token (and with it the session) before rendering starts.
 */
@ControllerAdvice(assignableTypes = {CalendarAdminController.class, WorkingHoursController.class})
class CsrfBeforeFragments {

    @ModelAttribute
    void loadCsrfToken(HttpServletRequest request) {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
    }
}
