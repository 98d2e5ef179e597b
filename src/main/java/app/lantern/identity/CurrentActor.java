package app.lantern.identity;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The user the current request acts for. */
@Component
public class CurrentActor {

    public Optional<Actor> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof LanternPrincipal p
                ? Optional.of(p.actor())
                : Optional.empty();
    }

    /** The current actor; fails with 401 semantics when nobody is signed in. */
    public Actor require() {
        return current().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not signed in"));
    }
}
