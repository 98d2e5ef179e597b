package app.lantern.identity;

import app.lantern.shared.UserRef;
import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The security principal; kept in the database-backed session, so it must stay serializable. */
final class LanternPrincipal implements UserDetails, UserRef, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Actor actor;
    private final String passwordHash;
    private final boolean active;

    LanternPrincipal(Actor actor, String passwordHash, boolean active) {
        this.actor = actor;
        this.passwordHash = passwordHash;
        this.active = active;
    }

    Actor actor() {
        return actor;
    }

    @Override
    public long userId() {
        return actor.userId();
    }

    @Override
    public String username() {
        return actor.username();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return actor.roles().stream()
                .map(r -> new SimpleGrantedAuthority(r.authority()))
                .toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.username();
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    List<String> roleNames() {
        return actor.roles().stream().map(Enum::name).sorted().toList();
    }
}
