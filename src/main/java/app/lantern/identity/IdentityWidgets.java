package app.lantern.identity;

import static lantern.db.Tables.SPRING_SESSION;
import static lantern.db.Tables.TEAMS;
import static lantern.db.Tables.USERS;
import static lantern.db.Tables.USER_ROLES;

import app.lantern.shared.web.LandingWidget;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Landing-page panels about people: the manager's team, the organisation, and accounts for admins. */
@Configuration(proxyBeanMethods = false)
class IdentityWidgets {

    record Member(
            long id, String displayName, String username, String team, OffsetDateTime lastLoginAt, boolean active) {}

    record TeamRow(String name, String leader, int members) {}

    @Bean
    LandingWidget teamWidget(CurrentActor currentActor, DataScopes scopes, DSLContext db) {
        return LandingWidget.of(Set.of("MANAGER"), 10, "identity/widgets :: team", () -> {
            Actor actor = currentActor.require();
            Set<Long> owners = scopes.visibleOwners(actor);
            List<Member> members = db.select(
                            USERS.ID, USERS.DISPLAY_NAME, USERS.USERNAME, TEAMS.NAME, USERS.LAST_LOGIN_AT, USERS.ACTIVE)
                    .from(USERS)
                    .leftJoin(TEAMS)
                    .on(TEAMS.ID.eq(USERS.TEAM_ID))
                    .where(USERS.ID.in(owners))
                    .and(USERS.ID.ne(actor.userId()))
                    .orderBy(USERS.ID)
                    .fetch(r -> new Member(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("members", members);
            model.put("activeCount", members.stream().filter(Member::active).count());
            return model;
        });
    }

    @Bean
    LandingWidget organisationWidget(DSLContext db) {
        return LandingWidget.of(Set.of("EXECUTIVE", "FINANCE", "ADMIN"), 10, "identity/widgets :: organisation", () -> {
            var leader = USERS.as("leader");
            var member = USERS.as("member");
            List<TeamRow> teams = db.select(TEAMS.NAME, leader.DISPLAY_NAME, DSL.count(member.ID))
                    .from(TEAMS)
                    .leftJoin(leader)
                    .on(leader.ID.eq(TEAMS.LEADER_ID))
                    .leftJoin(member)
                    .on(member.TEAM_ID.eq(TEAMS.ID).and(member.ACTIVE.isTrue()))
                    .groupBy(TEAMS.ID, TEAMS.NAME, leader.DISPLAY_NAME)
                    .orderBy(TEAMS.ID)
                    .fetch(r -> new TeamRow(r.value1(), r.value2(), r.value3()));
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("teams", teams);
            model.put(
                    "reps",
                    db.fetchCount(
                            USER_ROLES.join(USERS).on(USERS.ID.eq(USER_ROLES.USER_ID)),
                            USER_ROLES.ROLE.eq("REP").and(USERS.ACTIVE.isTrue())));
            return model;
        });
    }

    @Bean
    LandingWidget accountsWidget(DSLContext db, Clock clock) {
        return LandingWidget.of(Set.of("ADMIN"), 20, "identity/widgets :: accounts", () -> {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("active", db.fetchCount(USERS, USERS.ACTIVE.isTrue()));
            model.put("inactive", db.fetchCount(USERS, USERS.ACTIVE.isFalse()));
            model.put("sessions", db.fetchCount(SPRING_SESSION, SPRING_SESSION.EXPIRY_TIME.gt(clock.millis())));
            model.put(
                    "signedInToday",
                    db.fetchCount(
                            USERS,
                            USERS.LAST_LOGIN_AT.ge(OffsetDateTime.now(clock)
                                    .toLocalDate()
                                    .atStartOfDay(clock.getZone())
                                    .toOffsetDateTime())));
            return model;
        });
    }

    @Bean
    LandingWidget profileWidget(CurrentActor currentActor, Directory directory) {
        return LandingWidget.of(Set.of("REP"), 90, "identity/widgets :: profile", () -> {
            Actor actor = currentActor.require();
            Map<String, Object> model = new LinkedHashMap<>();
            model.put(
                    "team",
                    actor.teamId() == null
                            ? null
                            : directory
                                    .team(actor.teamId())
                                    .map(TeamSummary::name)
                                    .orElse(null));
            model.put(
                    "manager",
                    directory
                            .directManagerOf(actor.userId())
                            .map(UserSummary::displayName)
                            .orElse(null));
            return model;
        });
    }
}
