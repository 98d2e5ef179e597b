package app.lantern.insight.sandbox;

import static lantern.db.Tables.SANDBOX_SCENARIOS;
import static lantern.db.Tables.SANDBOX_SCENARIO_REPS;

import app.lantern.audit.AuditLog;
import app.lantern.goal.TargetLevel;
import app.lantern.goal.TargetMetric;
import app.lantern.goal.TargetSetting;
import app.lantern.goal.Targets;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.Directory;
import app.lantern.identity.UserSummary;
import app.lantern.shared.ConflictException;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.Texts;
import app.lantern.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lantern.db.tables.records.SandboxScenariosRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved sandbox scenarios: a team's month targets and levers under a name, to compare side by side and to apply. Applying
 * writes each rep's target through the goal module (a new target version, audited there) and records the application
 * here; a scenario is applied once. Who sees a scenario is who may plan its team.
 */
@Service
public class Scenarios {

    public record RepTarget(long repId, String repName, BigDecimal target, BigDecimal weight) {}

    public record Scenario(
            long id,
            String name,
            long teamId,
            String teamName,
            String month,
            Levers levers,
            List<RepTarget> reps,
            BigDecimal teamTarget,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            OffsetDateTime appliedAt,
            int version) {

        public boolean applied() {
            return appliedAt != null;
        }

        /** The scenario as a request with each rep's amount, to simulate it again. */
        public Sandbox.Request request(Long seed, Integer trials) {
            return new Sandbox.Request(
                    String.valueOf(teamId),
                    month,
                    null,
                    reps.stream()
                            .map(r -> new Sandbox.RepInput(String.valueOf(r.repId()), null, r.target()))
                            .toList(),
                    levers,
                    seed,
                    trials);
        }
    }

    /** A scenario with what it simulates to, for side-by-side comparison. */
    public record Compared(Scenario scenario, Sandbox.Simulation simulation) {}

    static final int MAX_COMPARED = 4;

    private final DSLContext db;
    private final Sandbox sandbox;
    private final TargetSetting targetSetting;
    private final Directory directory;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final Clock clock;

    Scenarios(
            DSLContext db,
            Sandbox sandbox,
            TargetSetting targetSetting,
            Directory directory,
            CurrentActor currentActor,
            AuditLog audit,
            Clock clock) {
        this.db = db;
        this.sandbox = sandbox;
        this.targetSetting = targetSetting;
        this.directory = directory;
        this.currentActor = currentActor;
        this.audit = audit;
        this.clock = clock;
    }

    /** The scenarios of the teams the user may plan (of one team when given), newest first. */
    @Transactional(readOnly = true)
    public List<Scenario> list(String teamId) {
        Set<Long> teams = teamId == null || teamId.isBlank()
                ? sandbox.teams().stream().map(Sandbox.PlannableTeam::id).collect(Collectors.toSet())
                : Set.of(sandbox.team(teamId).id());
        if (teams.isEmpty()) {
            return List.of();
        }
        return db.selectFrom(SANDBOX_SCENARIOS)
                .where(SANDBOX_SCENARIOS.TEAM_ID.in(teams))
                .orderBy(SANDBOX_SCENARIOS.UPDATED_AT.desc(), SANDBOX_SCENARIOS.ID.desc())
                .fetch()
                .map(this::view);
    }

    @Transactional(readOnly = true)
    public Scenario get(long id) {
        return view(visible(id, false));
    }

    /** Saves what a request describes under a name; 400 as {@link Sandbox#simulate} for bad input. */
    @Transactional
    public Scenario create(String name, Sandbox.Request request) {
        String clean = name(name);
        Sandbox.Plan plan = sandbox.plan(request);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = db.insertInto(SANDBOX_SCENARIOS)
                .set(SANDBOX_SCENARIOS.TEAM_ID, plan.team().id())
                .set(SANDBOX_SCENARIOS.MONTH_KEY, plan.month().toString())
                .set(SANDBOX_SCENARIOS.NAME, clean)
                .set(SANDBOX_SCENARIOS.LEAD_VOLUME, lever(plan.levers().leadVolume()))
                .set(SANDBOX_SCENARIOS.CONVERSION, lever(plan.levers().conversion()))
                .set(SANDBOX_SCENARIOS.CYCLE_TIME, lever(plan.levers().cycleTime()))
                .set(SANDBOX_SCENARIOS.CREATED_BY, currentActor.require().userId())
                .set(SANDBOX_SCENARIOS.CREATED_AT, now)
                .set(SANDBOX_SCENARIOS.UPDATED_AT, now)
                .set(SANDBOX_SCENARIOS.VERSION, 1)
                .returningResult(SANDBOX_SCENARIOS.ID)
                .fetchOne(SANDBOX_SCENARIOS.ID);
        writeReps(id, plan);
        Scenario saved = get(id);
        audit.created("sandbox_scenario", id, fields(saved));
        return saved;
    }

    /** Replaces name, targets and levers of a scenario not yet applied; {@code expectedVersion} must be current. */
    @Transactional
    public Scenario update(long id, String name, Sandbox.Request request, Integer expectedVersion) {
        SandboxScenariosRecord row = visible(id, true);
        requireChangeable(row, expectedVersion);
        Scenario before = view(row);
        String clean = name(name);
        Sandbox.Plan plan = sandbox.plan(request);
        if (plan.team().id() != row.getTeamId()) {
            throw ValidationException.field("teamId", "a scenario stays with its team");
        }
        db.update(SANDBOX_SCENARIOS)
                .set(SANDBOX_SCENARIOS.NAME, clean)
                .set(SANDBOX_SCENARIOS.MONTH_KEY, plan.month().toString())
                .set(SANDBOX_SCENARIOS.LEAD_VOLUME, lever(plan.levers().leadVolume()))
                .set(SANDBOX_SCENARIOS.CONVERSION, lever(plan.levers().conversion()))
                .set(SANDBOX_SCENARIOS.CYCLE_TIME, lever(plan.levers().cycleTime()))
                .set(SANDBOX_SCENARIOS.UPDATED_AT, OffsetDateTime.now(clock))
                .set(SANDBOX_SCENARIOS.VERSION, row.getVersion() + 1)
                .where(SANDBOX_SCENARIOS.ID.eq(id))
                .execute();
        db.deleteFrom(SANDBOX_SCENARIO_REPS)
                .where(SANDBOX_SCENARIO_REPS.SCENARIO_ID.eq(id))
                .execute();
        writeReps(id, plan);
        Scenario after = get(id);
        audit.updated("sandbox_scenario", id, fields(before), fields(after));
        return after;
    }

    @Transactional
    public void delete(long id) {
        SandboxScenariosRecord row = visible(id, true);
        Scenario before = view(row);
        db.deleteFrom(SANDBOX_SCENARIOS).where(SANDBOX_SCENARIOS.ID.eq(id)).execute();
        audit.deleted("sandbox_scenario", id, fields(before));
    }

    /** Simulates saved scenarios with the same seed, so they differ only by their targets and levers. */
    @Transactional(readOnly = true)
    public List<Compared> compare(List<Long> ids) {
        if (ids.isEmpty() || ids.size() > MAX_COMPARED) {
            throw ValidationException.field("ids", "name between 1 and " + MAX_COMPARED + " scenarios");
        }
        List<Compared> result = new ArrayList<>();
        for (long id : ids) {
            Scenario s = get(id);
            result.add(new Compared(s, sandbox.simulate(s.request(null, null))));
        }
        return result;
    }

    /**
     * Writes the scenario's targets as the reps' month targets (each a new version in the goal module, audited there)
     * and records the application; 409 when it was applied already or changed meanwhile.
     */
    @Transactional
    public Scenario apply(long id, Integer expectedVersion) {
        SandboxScenariosRecord row = visible(id, true);
        requireChangeable(row, expectedVersion);
        Scenario scenario = view(row);
        sandbox.month(scenario.month());
        String reason = "sandbox scenario #" + id + " " + scenario.name();
        for (RepTarget rep : scenario.reps()) {
            targetSetting.set(new Targets.SetTarget(
                    TargetMetric.SIGNED,
                    scenario.month(),
                    TargetLevel.REP,
                    rep.repId(),
                    rep.target(),
                    reason.length() > 500 ? reason.substring(0, 500) : reason,
                    null));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.update(SANDBOX_SCENARIOS)
                .set(SANDBOX_SCENARIOS.APPLIED_AT, now)
                .set(SANDBOX_SCENARIOS.APPLIED_BY, currentActor.require().userId())
                .set(SANDBOX_SCENARIOS.VERSION, row.getVersion() + 1)
                .where(SANDBOX_SCENARIOS.ID.eq(id))
                .execute();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("month", scenario.month());
        details.put("team", scenario.teamName());
        details.put(
                "targets",
                scenario.reps().stream()
                        .map(r -> r.repName() + " " + r.target().toPlainString())
                        .collect(Collectors.joining(", ")));
        audit.recorded("sandbox_scenario", id, "scenario.applied", details);
        return get(id);
    }

    private void requireChangeable(SandboxScenariosRecord row, Integer expectedVersion) {
        if (row.getAppliedAt() != null) {
            throw new ConflictException("the scenario was applied already", Map.of("currentVersion", row.getVersion()));
        }
        if (expectedVersion != null && !expectedVersion.equals(row.getVersion())) {
            throw new ConflictException(
                    "the scenario was changed meanwhile", Map.of("currentVersion", row.getVersion()));
        }
    }

    /** The scenario's row (locked when about to change it); 404 when missing or of a team the user may not plan. */
    private SandboxScenariosRecord visible(long id, boolean lock) {
        var query = db.selectFrom(SANDBOX_SCENARIOS).where(SANDBOX_SCENARIOS.ID.eq(id));
        SandboxScenariosRecord row = (lock ? query.forUpdate().fetchOptional() : query.fetchOptional()).orElse(null);
        if (row == null || sandbox.teams().stream().noneMatch(t -> t.id() == row.getTeamId())) {
            throw NotFoundException.of("scenario", id);
        }
        return row;
    }

    private void writeReps(long id, Sandbox.Plan plan) {
        for (UserSummary rep : plan.reps()) {
            db.insertInto(SANDBOX_SCENARIO_REPS)
                    .set(SANDBOX_SCENARIO_REPS.SCENARIO_ID, id)
                    .set(SANDBOX_SCENARIO_REPS.REP_ID, rep.id())
                    .set(SANDBOX_SCENARIO_REPS.TARGET, plan.targets().get(rep.id()))
                    .set(SANDBOX_SCENARIO_REPS.WEIGHT, plan.weights().get(rep.id()))
                    .execute();
        }
    }

    private Scenario view(SandboxScenariosRecord r) {
        Map<Long, String> names = new LinkedHashMap<>();
        directory.users().forEach(u -> names.put(u.id(), u.displayName()));
        List<RepTarget> reps = db.selectFrom(SANDBOX_SCENARIO_REPS)
                .where(SANDBOX_SCENARIO_REPS.SCENARIO_ID.eq(r.getId()))
                .orderBy(SANDBOX_SCENARIO_REPS.REP_ID)
                .fetch(x -> new RepTarget(
                        x.getRepId(),
                        names.getOrDefault(x.getRepId(), "#" + x.getRepId()),
                        x.getTarget(),
                        x.getWeight()));
        return new Scenario(
                r.getId(),
                r.getName(),
                r.getTeamId(),
                directory.team(r.getTeamId()).map(t -> t.name()).orElse("#" + r.getTeamId()),
                r.getMonthKey(),
                new Levers(
                        r.getLeadVolume().doubleValue(),
                        r.getConversion().doubleValue(),
                        r.getCycleTime().doubleValue()),
                reps,
                reps.stream().map(RepTarget::target).reduce(BigDecimal.ZERO, BigDecimal::add),
                r.getCreatedAt(),
                r.getUpdatedAt(),
                r.getAppliedAt(),
                r.getVersion());
    }

    private static Map<String, Object> fields(Scenario s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("team", s.teamName());
        m.put("month", s.month());
        m.put("leadVolume", s.levers().leadVolume());
        m.put("conversion", s.levers().conversion());
        m.put("cycleTime", s.levers().cycleTime());
        s.reps().forEach(r -> m.put(r.repName(), r.target().toPlainString()));
        return m;
    }

    private static String name(String name) {
        String clean = Texts.clean(name);
        FieldErrors errors = new FieldErrors();
        Texts.require(errors, "name", clean, 100);
        errors.throwIfAny();
        return clean;
    }

    private static BigDecimal lever(double value) {
        return BigDecimal.valueOf(value).setScale(3, java.math.RoundingMode.HALF_UP);
    }
}
