package app.lantern.identity;

import static lantern.db.Tables.SPRING_SESSION;
import static lantern.db.Tables.TEAMS;
import static lantern.db.Tables.USERS;
import static lantern.db.Tables.USER_ROLES;

import app.lantern.audit.AuditLog;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.Texts;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administration of users and teams: create, change, move, deactivate. Every change is audited. */
@Service
public class UserAccounts {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final DSLContext db;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;
    private final ApiTokens tokens;
    private final ApplicationEventPublisher events;
    private final PasswordPolicy passwords;

    UserAccounts(
            DSLContext db,
            PasswordEncoder encoder,
            AuditLog audit,
            Clock clock,
            ApiTokens tokens,
            ApplicationEventPublisher events,
            PasswordPolicy passwords) {
        this.db = db;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
        this.tokens = tokens;
        this.events = events;
        this.passwords = passwords;
    }

    /** What an admin enters to create a user. */
    public record NewUser(
            String username,
            String displayName,
            String password,
            String email,
            String phone,
            Long teamId,
            Set<Role> roles) {}

    /** What an admin may change on a user. */
    public record UserChange(String displayName, String email, String phone, Set<Role> roles) {}

    @Transactional
    public long create(NewUser u) {
        return create(u, encoder.encode(u.password() == null ? "" : u.password()), true);
    }

    /** Creates a user with an already hashed password (demo organisation, set-up). */
    @Transactional
    long create(NewUser u, String passwordHash, boolean checkPassword) {
        FieldErrors errors = new FieldErrors();
        if (u.username() == null || !USERNAME.matcher(u.username()).matches()) {
            errors.add(
                    "username",
                    "must be 2–64 lower-case letters, digits, dot, dash or underscore, starting with a letter");
        } else if (db.fetchExists(USERS, USERS.USERNAME.eq(u.username()))) {
            errors.add("username", "is already taken");
        }
        Texts.require(errors, "displayName", u.displayName(), 100);
        if (checkPassword) {
            passwords.refusal(u.password()).ifPresent(why -> errors.add("password", why));
        }
        checkContact(errors, u.email(), u.phone());
        if (u.roles() == null || u.roles().isEmpty()) {
            errors.add("roles", "choose at least one role");
        }
        if (u.teamId() != null && !db.fetchExists(TEAMS, TEAMS.ID.eq(u.teamId()))) {
            errors.add("teamId", "no such team");
        }
        errors.throwIfAny();
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = db.insertInto(USERS)
                .set(USERS.USERNAME, u.username())
                .set(USERS.DISPLAY_NAME, u.displayName().strip())
                .set(USERS.PASSWORD_HASH, passwordHash)
                .set(USERS.EMAIL, Texts.clean(u.email()))
                .set(USERS.PHONE, Texts.clean(u.phone()))
                .set(USERS.TEAM_ID, u.teamId())
                .set(USERS.ACTIVE, true)
                .set(USERS.CREATED_AT, now)
                .set(USERS.UPDATED_AT, now)
                .returning(USERS.ID)
                .fetchOne(USERS.ID);
        for (Role r : u.roles()) {
            db.insertInto(USER_ROLES)
                    .set(USER_ROLES.USER_ID, id)
                    .set(USER_ROLES.ROLE, r.name())
                    .execute();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("username", u.username());
        fields.put("displayName", u.displayName().strip());
        fields.put("email", Texts.clean(u.email()));
        fields.put("teamId", u.teamId());
        fields.put("roles", roleNames(u.roles()));
        audit.created("user", id, fields);
        return id;
    }

    @Transactional
    public void change(long userId, UserChange c) {
        var user = load(userId);
        FieldErrors errors = new FieldErrors();
        Texts.require(errors, "displayName", c.displayName(), 100);
        checkContact(errors, c.email(), c.phone());
        if (c.roles() == null || c.roles().isEmpty()) {
            errors.add("roles", "choose at least one role");
        }
        errors.throwIfAny();
        List<String> oldRoles = db
                .select(USER_ROLES.ROLE)
                .from(USER_ROLES)
                .where(USER_ROLES.USER_ID.eq(userId))
                .fetch(USER_ROLES.ROLE)
                .stream()
                .sorted()
                .toList();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("displayName", user.getDisplayName());
        before.put("email", user.getEmail());
        before.put("phone", user.getPhone());
        before.put("roles", oldRoles);
        db.update(USERS)
                .set(USERS.DISPLAY_NAME, c.displayName().strip())
                .set(USERS.EMAIL, Texts.clean(c.email()))
                .set(USERS.PHONE, Texts.clean(c.phone()))
                .set(USERS.UPDATED_AT, OffsetDateTime.now(clock))
                .set(USERS.VERSION, USERS.VERSION.plus(1))
                .where(USERS.ID.eq(userId))
                .execute();
        db.deleteFrom(USER_ROLES).where(USER_ROLES.USER_ID.eq(userId)).execute();
        for (Role r : c.roles()) {
            db.insertInto(USER_ROLES)
                    .set(USER_ROLES.USER_ID, userId)
                    .set(USER_ROLES.ROLE, r.name())
                    .execute();
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("displayName", c.displayName().strip());
        after.put("email", Texts.clean(c.email()));
        after.put("phone", Texts.clean(c.phone()));
        after.put("roles", roleNames(c.roles()));
        audit.updated("user", userId, before, after);
        if (!oldRoles.equals(roleNames(c.roles()))) {
            endSessions(user.getUsername());
        }
    }

    /** Changes only the roles; sessions of the user end so that the new rights apply at once. */
    @Transactional
    public void changeRoles(long userId, Set<Role> roles) {
        var user = load(userId);
        change(userId, new UserChange(user.getDisplayName(), user.getEmail(), user.getPhone(), roles));
    }

    /** Moves the user to another team; their sessions end, like after a role change, so the new team applies at once. */
    @Transactional
    public void moveToTeam(long userId, Long teamId) {
        var user = load(userId);
        if (teamId != null && !db.fetchExists(TEAMS, TEAMS.ID.eq(teamId))) {
            throw app.lantern.shared.ValidationException.field("teamId", "no such team");
        }
        db.update(USERS)
                .set(USERS.TEAM_ID, teamId)
                .set(USERS.UPDATED_AT, OffsetDateTime.now(clock))
                .set(USERS.VERSION, USERS.VERSION.plus(1))
                .where(USERS.ID.eq(userId))
                .execute();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("teamId", user.getTeamId());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("teamId", teamId);
        audit.updated("user", userId, before, after);
        if (!java.util.Objects.equals(user.getTeamId(), teamId)) {
            endSessions(user.getUsername());
        }
    }

    /** Ends the user's access at once: no sign-in, every session and API token gone. */
    @Transactional
    public void deactivate(long userId) {
        var user = load(userId);
        if (!user.getActive()) {
            return;
        }
        db.update(USERS)
                .set(USERS.ACTIVE, false)
                .set(USERS.UPDATED_AT, OffsetDateTime.now(clock))
                .set(USERS.VERSION, USERS.VERSION.plus(1))
                .where(USERS.ID.eq(userId))
                .execute();
        int sessions = endSessions(user.getUsername());
        int revoked = tokens.revokeAll(userId);
        audit.recorded("user", userId, "deactivated", Map.of("sessionsEnded", sessions, "tokensRevoked", revoked));
        events.publishEvent(new UserDeactivated(userId, user.getUsername()));
    }

    @Transactional
    public void reactivate(long userId) {
        var user = load(userId);
        if (user.getActive()) {
            return;
        }
        db.update(USERS)
                .set(USERS.ACTIVE, true)
                .set(USERS.UPDATED_AT, OffsetDateTime.now(clock))
                .set(USERS.VERSION, USERS.VERSION.plus(1))
                .where(USERS.ID.eq(userId))
                .execute();
        audit.recorded("user", userId, "reactivated", Map.of());
    }

    @Transactional
    public void resetPassword(long userId, String password) {
        var user = load(userId);
        passwords.refusal(password).ifPresent(why -> {
            throw app.lantern.shared.ValidationException.field("password", why);
        });
        db.update(USERS)
                .set(USERS.PASSWORD_HASH, encoder.encode(password))
                .set(USERS.UPDATED_AT, OffsetDateTime.now(clock))
                .where(USERS.ID.eq(userId))
                .execute();
        endSessions(user.getUsername());
        audit.recorded("user", userId, "password.reset", Map.of());
    }

    /** Creates a team under {@code parentId} (null for the root). */
    @Transactional
    public long createTeam(String name, Long parentId, Long leaderId, String region) {
        FieldErrors errors = new FieldErrors();
        Texts.require(errors, "name", name, 100);
        Texts.maxLength(errors, "region", region, 50);
        if (parentId != null && !db.fetchExists(TEAMS, TEAMS.ID.eq(parentId))) {
            errors.add("parentId", "no such team");
        }
        if (leaderId != null && !db.fetchExists(USERS, USERS.ID.eq(leaderId))) {
            errors.add("leaderId", "no such user");
        }
        errors.throwIfAny();
        long id = db.insertInto(TEAMS)
                .set(TEAMS.NAME, name.strip())
                .set(TEAMS.PARENT_ID, parentId)
                .set(TEAMS.LEADER_ID, leaderId)
                .set(TEAMS.REGION, Texts.clean(region))
                .set(TEAMS.CREATED_AT, OffsetDateTime.now(clock))
                .returning(TEAMS.ID)
                .fetchOne(TEAMS.ID);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name.strip());
        fields.put("parentId", parentId);
        fields.put("leaderId", leaderId);
        fields.put("region", Texts.clean(region));
        audit.created("team", id, fields);
        return id;
    }

    @Transactional
    public void setTeamLeader(long teamId, Long leaderId) {
        var team = db.selectFrom(TEAMS)
                .where(TEAMS.ID.eq(teamId))
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("team", teamId));
        if (leaderId != null && !db.fetchExists(USERS, USERS.ID.eq(leaderId))) {
            throw app.lantern.shared.ValidationException.field("leaderId", "no such user");
        }
        db.update(TEAMS)
                .set(TEAMS.LEADER_ID, leaderId)
                .set(TEAMS.VERSION, TEAMS.VERSION.plus(1))
                .where(TEAMS.ID.eq(teamId))
                .execute();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("leaderId", team.getLeaderId());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("leaderId", leaderId);
        audit.updated("team", teamId, before, after);
    }

    int endSessions(String username) {
        return db.deleteFrom(SPRING_SESSION)
                .where(SPRING_SESSION.PRINCIPAL_NAME.eq(username))
                .execute();
    }

    private lantern.db.tables.records.UsersRecord load(long userId) {
        return db.selectFrom(USERS)
                .where(USERS.ID.eq(userId))
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("user", userId));
    }

    private static void checkContact(FieldErrors errors, String email, String phone) {
        if (!Texts.isBlank(email)) {
            Texts.maxLength(errors, "email", email, 200);
            errors.addIf(!EMAIL.matcher(email.strip()).matches(), "email", "is not an e-mail address");
        }
        if (!Texts.isBlank(phone)) {
            errors.addIf(!phone.strip().matches("[+0-9 ()-]{5,40}"), "phone", "is not a phone number");
        }
    }

    private static List<String> roleNames(Set<Role> roles) {
        return new TreeSet<>(roles.stream().map(Enum::name).toList()).stream().toList();
    }
}
