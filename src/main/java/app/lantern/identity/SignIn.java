package app.lantern.identity;

import java.time.OffsetDateTime;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Service;

/** Sign-in outside the login form: issuing personal API tokens and completing the first-admin set-up. */
@Service
public class SignIn {

    private final AuthenticationManager authenticationManager;
    private final LoginThrottle throttle;
    private final LoginOutcomes outcomes;
    private final ApiTokens tokens;
    private final Installation installation;
    private final CurrentActor currentActor;

    SignIn(
            AuthenticationManager authenticationManager,
            LoginThrottle throttle,
            LoginOutcomes outcomes,
            ApiTokens tokens,
            Installation installation,
            CurrentActor currentActor) {
        this.authenticationManager = authenticationManager;
        this.throttle = throttle;
        this.outcomes = outcomes;
        this.tokens = tokens;
        this.installation = installation;
        this.currentActor = currentActor;
    }

    public record IssuedToken(String token, OffsetDateTime expiresAt) {}

    /** Why a sign-in was refused. */
    public enum Refusal {
        BAD_CREDENTIALS,
        DEACTIVATED,
        THROTTLED
    }

    public static final class SignInRefused extends RuntimeException {
        private final Refusal reason;

        SignInRefused(Refusal reason) {
            super(reason.name());
            this.reason = reason;
        }

        public Refusal reason() {
            return reason;
        }
    }

    /** Checks the password (throttled like the form) and issues a token. */
    public IssuedToken issueToken(String username, String password, String clientIp, String tokenName) {
        if (!throttle.tryAcquire(username, clientIp)) {
            throw new SignInRefused(Refusal.THROTTLED);
        }
        Authentication auth;
        try {
            auth = authenticationManager.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(username, password));
        } catch (AuthenticationException e) {
            outcomes.failed(username, e, "api");
            throw new SignInRefused(e instanceof DisabledException ? Refusal.DEACTIVATED : Refusal.BAD_CREDENTIALS);
        }
        LanternPrincipal principal = (LanternPrincipal) auth.getPrincipal();
        outcomes.succeeded(principal, clientIp, "api");
        ApiTokens.Issued issued = tokens.issue(principal, tokenName);
        return new IssuedToken(issued.token(), issued.expiresAt());
    }

    /** A personal API token as its owner sees it; the secret itself is shown only once, when issued. */
    public record TokenSummary(
            long id,
            String name,
            OffsetDateTime createdAt,
            OffsetDateTime expiresAt,
            OffsetDateTime lastUsedAt,
            OffsetDateTime revokedAt,
            boolean active) {}

    /** The signed-in user's own API tokens, newest first, revoked and expired ones included. */
    public java.util.List<TokenSummary> myTokens() {
        return tokens.of(currentActor.require().userId()).stream()
                .map(t -> new TokenSummary(
                        t.id(), t.name(), t.createdAt(), t.expiresAt(), t.lastUsedAt(), t.revokedAt(), t.active()))
                .toList();
    }

    /** Revokes one of the signed-in user's own tokens; another user's token is "not found", like an unknown one. */
    public void revokeMyToken(long tokenId) {
        if (!tokens.revoke(currentActor.require(), tokenId)) {
            throw app.lantern.shared.NotFoundException.of("token", tokenId);
        }
    }

    /** Creates the first administrator with the one-time token printed at start-up; false if the token is wrong or used. */
    public boolean completeSetup(String token, String username, String displayName, String password) {
        return installation.completeSetup(token, username, displayName, password);
    }
}
