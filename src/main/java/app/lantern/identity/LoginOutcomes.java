package app.lantern.identity;

import static lantern.db.Tables.USERS;

import app.lantern.audit.AuditLog;
import app.lantern.shared.UserRef;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Records every sign-in attempt (audit, throttle, last login) for the form and the token endpoint alike. */
@Component
class LoginOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final DSLContext db;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final SavedRequestAwareAuthenticationSuccessHandler redirect =
            new SavedRequestAwareAuthenticationSuccessHandler();

    LoginOutcomes(LoginThrottle throttle, AuditLog audit, DSLContext db, Clock clock, TransactionTemplate tx) {
        this.throttle = throttle;
        this.audit = audit;
        this.db = db;
        this.clock = clock;
        this.tx = tx;
        redirect.setDefaultTargetUrl("/");
        redirect.setAlwaysUseDefaultTargetUrl(false);
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, jakarta.servlet.ServletException {
        succeeded((LanternPrincipal) authentication.getPrincipal(), request.getRemoteAddr(), "form");
        redirect.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String username = request.getParameter("username");
        failed(username, exception, "form");
        response.sendRedirect(request.getContextPath()
                + (exception instanceof DisabledException ? "/login?disabled" : "/login?error"));
    }

    void succeeded(LanternPrincipal principal, String ip, String channel) {
        throttle.succeeded(principal.username(), ip);
        tx.executeWithoutResult(s -> {
            db.update(USERS)
                    .set(USERS.LAST_LOGIN_AT, OffsetDateTime.now(clock))
                    .where(USERS.ID.eq(principal.userId()))
                    .execute();
            audit.recordedBy(principal, "user", principal.userId(), "login.succeeded", Map.of("channel", channel));
        });
    }

    /** Audits a refused password; the throttle already counted the attempt before the password was checked. */
    void failed(String username, AuthenticationException exception, String channel) {
        String attempted = username == null ? "" : username.length() > 64 ? username.substring(0, 64) : username;
        UserRef anonymous = new Anonymous(attempted);
        tx.executeWithoutResult(s -> audit.recordedBy(
                anonymous,
                "user",
                attempted,
                "login.failed",
                Map.of(
                        "channel",
                        channel,
                        "reason",
                        exception instanceof DisabledException ? "deactivated" : "bad credentials")));
    }

    private record Anonymous(String username) implements UserRef {
        @Override
        public long userId() {
            return 0;
        }
    }
}
