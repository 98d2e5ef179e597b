package app.lantern.identity;

import static lantern.db.Tables.USERS;
import static lantern.db.Tables.USER_ROLES;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads principals for form login and API tokens. */
@Component
class PrincipalLoader implements UserDetailsService {

    private final DSLContext db;

    PrincipalLoader(DSLContext db) {
        this.db = db;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return byUsername(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    @Transactional(readOnly = true)
    Optional<LanternPrincipal> byUsername(String username) {
        return db.selectFrom(USERS)
                .where(USERS.USERNAME.eq(username))
                .fetchOptional()
                .map(this::principal);
    }

    @Transactional(readOnly = true)
    Optional<LanternPrincipal> byId(long id) {
        return db.selectFrom(USERS).where(USERS.ID.eq(id)).fetchOptional().map(this::principal);
    }

    private LanternPrincipal principal(lantern.db.tables.records.UsersRecord u) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        db.select(USER_ROLES.ROLE)
                .from(USER_ROLES)
                .where(USER_ROLES.USER_ID.eq(u.getId()))
                .forEach(r -> roles.add(Role.valueOf(r.value1())));
        Actor actor = new Actor(u.getId(), u.getUsername(), u.getDisplayName(), roles, u.getTeamId());
        return new LanternPrincipal(actor, u.getPasswordHash(), u.getActive());
    }
}
