package app.lantern.identity;

import app.lantern.audit.SecurityEventKind;
import app.lantern.audit.SecurityEvents;
import app.lantern.shared.web.Problems;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Answers a refused request (403: problem+json for the API, the error page otherwise) and records a CSRF rejection as
 * a security event, since a missing or forged token is either a stale form or a cross-site attack.
 */
class RefusalHandler implements AccessDeniedHandler {

    private final SecurityEvents securityEvents;
    private final RequestMatcher api;
    private final AccessDeniedHandler page = new AccessDeniedHandlerImpl();

    RefusalHandler(SecurityEvents securityEvents, RequestMatcher api) {
        this.securityEvents = securityEvents;
        this.api = api;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException, ServletException {
        if (e instanceof CsrfException) {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            String actor = auth == null || auth instanceof AnonymousAuthenticationToken ? null : auth.getName();
            securityEvents.record(
                    SecurityEventKind.CSRF_REJECTED,
                    actor,
                    request.getRemoteAddr(),
                    request.getMethod() + " " + request.getRequestURI());
        }
        if (api.matches(request)) {
            Problems.write(
                    response,
                    Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "you are not allowed to do this"));
        } else {
            page.handle(request, response, e);
        }
    }
}
