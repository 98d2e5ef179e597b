package app.lantern.identity;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The user the current request acts for, as the directory knows them now: the session only says who signed in, while
 * team and roles are read afresh (once per request), so that a move to another team applies at once to every scope
 * check. A user deactivated since signing in acts for nobody.
 */
@Component
public class CurrentActor {

    private static final String KEY = CurrentActor.class.getName() + ".actor";

    private final PrincipalLoader principals;

    CurrentActor(PrincipalLoader principals) {
        this.principals = principals;
    }

    public Optional<Actor> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof LanternPrincipal signedIn)) {
            return Optional.empty();
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null
                && request.getAttribute(KEY, RequestAttributes.SCOPE_REQUEST) instanceof Actor cached
                && cached.userId() == signedIn.userId()) {
            return Optional.of(cached);
        }
        Optional<Actor> fresh = principals
                .byId(signedIn.userId())
                .filter(LanternPrincipal::isEnabled)
                .map(LanternPrincipal::actor);
        if (request != null) {
            fresh.ifPresent(actor -> request.setAttribute(KEY, actor, RequestAttributes.SCOPE_REQUEST));
        }
        return fresh;
    }

    /** The current actor; fails with 401 semantics when nobody is signed in. */
    public Actor require() {
        return current().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not signed in"));
    }
}
