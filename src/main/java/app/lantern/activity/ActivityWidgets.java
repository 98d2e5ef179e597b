package app.lantern.activity;

import static lantern.db.Tables.ACTIVITIES;

import app.lantern.calendar.WorkingCalendar;
import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.DataScopes;
import app.lantern.identity.Directory;
import app.lantern.identity.Role;
import app.lantern.identity.TeamSummary;
import app.lantern.identity.UserSummary;
import app.lantern.shared.web.LandingWidget;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Landing panels: the rep's activities today, the manager's heatmap teaser. */
@Configuration(proxyBeanMethods = false)
class ActivityWidgets {

    @Bean
    LandingWidget todayWidget(
            CurrentActor currentActor,
            DSLContext db,
            ActivityService activities,
            DailyReports reports,
            WorkingCalendar calendar,
            Clock clock) {
        return LandingWidget.of(Set.of("REP"), 21, "activity/widgets :: today", () -> {
            Actor actor = currentActor.require();
            LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
            OffsetDateTime from = today.atStartOfDay(calendar.zone()).toOffsetDateTime();
            List<ActivityView> items = activities.views(db.selectFrom(ACTIVITIES)
                    .where(ACTIVITIES.OWNER_ID.eq(actor.userId()))
                    .and(ACTIVITIES.OCCURRED_AT.ge(from))
                    .and(ACTIVITIES.OCCURRED_AT.lt(from.plusDays(1)))
                    .orderBy(ACTIVITIES.OCCURRED_AT)
                    .fetch());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("items", items);
            m.put(
                    "minutes",
                    items.stream().mapToInt(ActivityView::durationMinutes).sum());
            m.put("submitted", reports.submitted(actor.userId(), today));
            return m;
        });
    }

    @Bean
    LandingWidget heatmapTeaser(
            ActivityInsights insights,
            CurrentActor currentActor,
            DataScopes scopes,
            DailyReports reports,
            Directory directory,
            Clock clock) {
        return LandingWidget.of(Set.of("MANAGER"), 22, "activity/widgets :: heatmap", () -> {
            String week = ActivityInsights.isoWeek(LocalDate.now(clock));
            List<Map<String, Object>> teams = new ArrayList<>();
            for (TeamSummary t : insights.visibleTeams()) {
                Heatmap h = insights.heatmap(t.id(), week);
                double hours = 0;
                int count = 0;
                for (int i = 0; i < h.reps().size(); i++) {
                    for (int j = 0; j < h.types().size(); j++) {
                        hours += h.hours()[i][j];
                        count += h.counts()[i][j];
                    }
                }
                teams.add(Map.of(
                        "team", t, "hours", Math.round(hours * 10) / 10.0, "count", count, "hollows", h.hollowCount()));
            }
            LocalDate to = LocalDate.now(clock);
            // the team's rate is its reps': a manager's own reports (or their absence) do not pull it
            Set<Long> reps = directory.usersWithRole(Role.REP).stream()
                    .map(UserSummary::id)
                    .collect(Collectors.toSet());
            Set<Long> owners = new HashSet<>(scopes.visibleOwners(currentActor.require()));
            owners.retainAll(reps);
            double rate = reports.submissionRate(owners, to.minusDays(29), to);
            return Map.of("teams", teams, "week", week, "rate", rate);
        });
    }
}
