package app.lantern.identity;

import static lantern.db.Tables.TEAMS;
import static lantern.db.Tables.USERS;
import static lantern.db.Tables.USER_ROLES;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks up users and teams for other modules. Results are not scoped: callers decide what to show. */
@Service
@Transactional(readOnly = true)
public class Directory {

    private final DSLContext db;

    Directory(DSLContext db) {
        this.db = db;
    }

    public Optional<UserSummary> user(long id) {
        return db.selectFrom(USERS)
                .where(USERS.ID.eq(id))
                .fetchOptional()
                .map(r -> summary(r, rolesOf(List.of(r.getId())).get(r.getId())));
    }

    public Optional<UserSummary> userByUsername(String username) {
        return db.selectFrom(USERS)
                .where(USERS.USERNAME.eq(username))
                .fetchOptional()
                .map(r -> summary(r, rolesOf(List.of(r.getId())).get(r.getId())));
    }

    /** The user with this e-mail address (case-insensitive), if exactly one has it. */
    public Optional<UserSummary> userByEmail(String email) {
        var rows = db.selectFrom(USERS)
                .where(DSL.lower(USERS.EMAIL).eq(email.strip().toLowerCase(Locale.ROOT)))
                .limit(2)
                .fetch();
        return rows.size() == 1
                ? Optional.of(summary(
                        rows.getFirst(),
                        rolesOf(List.of(rows.getFirst().getId()))
                                .get(rows.getFirst().getId())))
                : Optional.empty();
    }

    public List<UserSummary> users() {
        var rows = db.selectFrom(USERS).orderBy(USERS.ID).fetch();
        Map<Long, Set<Role>> roles = rolesOf(rows.map(r -> r.getId()));
        return rows.map(r -> summary(r, roles.get(r.getId())));
    }

    public List<UserSummary> usersWithRole(Role role) {
        return users().stream()
                .filter(u -> u.active() && u.roles().contains(role))
                .toList();
    }

    public List<TeamSummary> teams() {
        return db.selectFrom(TEAMS)
                .orderBy(TEAMS.ID)
                .fetch(r -> new TeamSummary(r.getId(), r.getName(), r.getParentId(), r.getLeaderId(), r.getRegion()));
    }

    public Optional<TeamSummary> team(long id) {
        return teams().stream().filter(t -> t.id() == id).findFirst();
    }

    /** The team and all teams below it. */
    public Set<Long> subtree(long teamId) {
        Map<Long, List<Long>> children = new HashMap<>();
        for (TeamSummary t : teams()) {
            if (t.parentId() != null) {
                children.computeIfAbsent(t.parentId(), k -> new ArrayList<>()).add(t.id());
            }
        }
        Set<Long> result = new HashSet<>();
        Deque<Long> todo = new ArrayDeque<>(List.of(teamId));
        while (!todo.isEmpty()) {
            Long id = todo.pop();
            if (result.add(id)) {
                todo.addAll(children.getOrDefault(id, List.of()));
            }
        }
        return result;
    }

    /** Active members of the given teams. */
    public List<UserSummary> members(Set<Long> teamIds) {
        return users().stream()
                .filter(u -> u.active() && u.teamId() != null && teamIds.contains(u.teamId()))
                .toList();
    }

    /**
     * The user's direct manager: the leader of their team, or, for the leader themselves, the leader of the parent
     * team.
     */
    public Optional<UserSummary> directManagerOf(long userId) {
        Optional<UserSummary> user = user(userId);
        if (user.isEmpty() || user.get().teamId() == null) {
            return Optional.empty();
        }
        Map<Long, TeamSummary> teams = new HashMap<>();
        teams().forEach(t -> teams.put(t.id(), t));
        TeamSummary team = teams.get(user.get().teamId());
        while (team != null) {
            if (team.leaderId() != null && team.leaderId() != userId) {
                return user(team.leaderId());
            }
            team = team.parentId() == null ? null : teams.get(team.parentId());
        }
        return Optional.empty();
    }

    /** Teams whose leader is the user. */
    public Set<Long> teamsLedBy(long userId) {
        return new HashSet<>(db.select(TEAMS.ID)
                .from(TEAMS)
                .where(TEAMS.LEADER_ID.eq(userId))
                .fetch(TEAMS.ID));
    }

    private Map<Long, Set<Role>> rolesOf(List<Long> userIds) {
        Map<Long, Set<Role>> result = new HashMap<>();
        userIds.forEach(id -> result.put(id, EnumSet.noneOf(Role.class)));
        db.selectFrom(USER_ROLES)
                .where(USER_ROLES.USER_ID.in(userIds))
                .forEach(r -> result.get(r.getUserId()).add(Role.valueOf(r.getRole())));
        return result;
    }

    private static UserSummary summary(Record r, Set<Role> roles) {
        return new UserSummary(
                r.get(USERS.ID),
                r.get(USERS.USERNAME),
                r.get(USERS.DISPLAY_NAME),
                r.get(USERS.TEAM_ID),
                roles == null ? Set.of() : roles,
                r.get(USERS.ACTIVE));
    }
}
