package app.lantern.activity;

import static lantern.db.Tables.ACTIVITIES;

import app.lantern.calendar.WorkingCalendar;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.DataScope;
import app.lantern.identity.DataScopes;
import app.lantern.identity.Directory;
import app.lantern.identity.RecordKind;
import app.lantern.identity.Role;
import app.lantern.identity.TeamSummary;
import app.lantern.identity.UserSummary;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.ValidationException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The activity heatmap (P4) and the back-fill report, over the teams the reader may see. */
@Service
@Transactional(readOnly = true)
public class ActivityInsights {

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    private final DSLContext db;
    private final Directory directory;
    private final DataScopes scopes;
    private final CurrentActor currentActor;
    private final ActivityService activities;
    private final WorkingCalendar calendar;
    private final double hollowRatio;

    ActivityInsights(
            DSLContext db,
            Directory directory,
            DataScopes scopes,
            CurrentActor currentActor,
            ActivityService activities,
            WorkingCalendar calendar,
            @Value("${lantern.activity.hollow-ratio:0.4}") double hollowRatio) {
        this.db = db;
        this.directory = directory;
        this.scopes = scopes;
        this.currentActor = currentActor;
        this.activities = activities;
        this.calendar = calendar;
        this.hollowRatio = hollowRatio;
    }

    /** Teams whose members the reader may see (a rep sees their own team's heatmap only for themselves). */
    public List<TeamSummary> visibleTeams() {
        DataScope scope = scopes.current(RecordKind.ACTIVITY);
        return directory.teams().stream()
                .filter(t -> directory.members(Set.of(t.id())).stream()
                        .anyMatch(m -> scope.covers(m.id()) && m.roles().contains(Role.REP)))
                .toList();
    }

    public static String isoWeek(LocalDate day) {
        return String.format(
                "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public static LocalDate mondayOf(String isoWeek) {
        Matcher m = isoWeek == null ? null : WEEK.matcher(isoWeek);
        if (m == null || !m.matches()) {
            throw ValidationException.field("week", "must be an ISO week like 2026-W48");
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        LocalDate jan4 = LocalDate.of(year, 1, 4);
        if (week < 1 || week > jan4.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            throw ValidationException.field("week", "no such week");
        }
        return jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public Heatmap heatmap(long teamId, String isoWeek) {
        TeamSummary team = visibleTeams().stream()
                .filter(t -> t.id() == teamId)
                .findFirst()
                .orElseThrow(() -> NotFoundException.of("team", teamId));
        DataScope scope = scopes.current(RecordKind.ACTIVITY);
        List<UserSummary> reps = directory.members(directory.subtree(teamId)).stream()
                .filter(u -> scope.covers(u.id()) && u.roles().contains(Role.REP))
                .toList();
        LocalDate monday = mondayOf(isoWeek);
        OffsetDateTime from = monday.atStartOfDay(calendar.zone()).toOffsetDateTime();
        OffsetDateTime to = from.plusDays(7);
        List<ActivityType> types = Arrays.asList(ActivityType.values());
        Map<Long, Integer> row = new HashMap<>();
        for (int i = 0; i < reps.size(); i++) {
            row.put(reps.get(i).id(), i);
        }
        double[][] hours = new double[reps.size()][types.size()];
        int[][] counts = new int[reps.size()][types.size()];
        int[][] weekdayHour = new int[7][24];
        if (!reps.isEmpty()) {
            db.select(ACTIVITIES.OWNER_ID, ACTIVITIES.TYPE, ACTIVITIES.OCCURRED_AT, ACTIVITIES.DURATION_MINUTES)
                    .from(ACTIVITIES)
                    .where(ACTIVITIES.OWNER_ID.in(row.keySet()))
                    .and(ACTIVITIES.OCCURRED_AT.ge(from))
                    .and(ACTIVITIES.OCCURRED_AT.lt(to))
                    .forEach(r -> {
                        int i = row.get(r.value1());
                        int j = ActivityType.valueOf(r.value2()).ordinal();
                        hours[i][j] += r.value4() / 60.0;
                        counts[i][j]++;
                        ZonedDateTime local = r.value3().atZoneSameInstant(calendar.zone());
                        weekdayHour[local.getDayOfWeek().getValue() - 1][local.getHour()]++;
                    });
        }
        double[] medians = new double[types.size()];
        boolean[][] hollows = new boolean[reps.size()][types.size()];
        for (int j = 0; j < types.size(); j++) {
            double[] col = new double[reps.size()];
            for (int i = 0; i < reps.size(); i++) {
                hours[i][j] = Math.round(hours[i][j] * 10) / 10.0;
                col[i] = hours[i][j];
            }
            medians[j] = median(col);
            for (int i = 0; i < reps.size(); i++) {
                hollows[i][j] = isHollow(hours[i][j], medians[j], hollowRatio);
            }
        }
        return new Heatmap(
                teamId,
                team.name(),
                isoWeek,
                monday,
                reps.stream().map(UserSummary::displayName).toList(),
                reps.stream().map(UserSummary::id).toList(),
                types,
                hours,
                counts,
                hollows,
                medians,
                weekdayHour);
    }

    /** A cell is a hollow (能力洼地) when the team median is at least an hour and the rep has less than ratio × median. */
    static boolean isHollow(double value, double median, double ratio) {
        return median >= 1.0 && value < median * ratio;
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** Back-fill per rep in scope over {@code [from, to]}, with up to 20 flagged entries each as evidence. */
    public List<BackfillSummary> backfill(LocalDate from, LocalDate to) {
        DataScope scope = scopes.current(RecordKind.ACTIVITY);
        OffsetDateTime start = from.atStartOfDay(calendar.zone()).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(calendar.zone()).toOffsetDateTime();
        Map<Long, int[]> stats = new LinkedHashMap<>();
        db.select(ACTIVITIES.OWNER_ID, ACTIVITIES.BACKFILL, ACTIVITIES.CREATED_AT)
                .from(ACTIVITIES)
                .where(scope.condition(ACTIVITIES.OWNER_ID))
                .and(ACTIVITIES.CREATED_AT.ge(start))
                .and(ACTIVITIES.CREATED_AT.lt(end))
                .forEach(r -> {
                    int[] s = stats.computeIfAbsent(r.value1(), k -> new int[4]);
                    s[0]++;
                    if (BackfillRules.LATE.equals(r.value2())) {
                        s[1]++;
                    } else if (BackfillRules.BURST.equals(r.value2())) {
                        s[2]++;
                    }
                    ZonedDateTime local = r.value3().atZoneSameInstant(calendar.zone());
                    if (r.value2() != null && local.getDayOfWeek() == DayOfWeek.SUNDAY && local.getHour() >= 18) {
                        s[3]++;
                    }
                });
        Map<Long, String> teams =
                directory.teams().stream().collect(Collectors.toMap(TeamSummary::id, TeamSummary::name));
        List<BackfillSummary> result = new ArrayList<>();
        for (UserSummary u : directory.users()) {
            int[] s = stats.get(u.id());
            if (s == null) {
                continue;
            }
            List<ActivityView> evidence = s[1] + s[2] == 0
                    ? List.of()
                    : activities.views(db.selectFrom(ACTIVITIES)
                            .where(ACTIVITIES.OWNER_ID.eq(u.id()))
                            .and(ACTIVITIES.BACKFILL.isNotNull())
                            .and(ACTIVITIES.CREATED_AT.ge(start))
                            .and(ACTIVITIES.CREATED_AT.lt(end))
                            .orderBy(ACTIVITIES.CREATED_AT.desc())
                            .limit(20)
                            .fetch());
            result.add(new BackfillSummary(
                    u.id(),
                    u.displayName(),
                    u.teamId() == null ? "" : teams.getOrDefault(u.teamId(), ""),
                    s[0],
                    s[1],
                    s[2],
                    s[3],
                    s[0] == 0 ? 0 : (double) (s[1] + s[2]) / s[0],
                    evidence));
        }
        result.sort((a, b) -> Double.compare(b.share(), a.share()));
        return result;
    }
}
