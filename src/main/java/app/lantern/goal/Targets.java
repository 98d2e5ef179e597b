package app.lantern.goal;

import static lantern.db.Tables.TARGETS;
import static lantern.db.Tables.TARGET_VERSIONS;
import static lantern.db.Tables.TARGET_WEIGHTS;

import app.lantern.audit.AuditLog;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.Directory;
import app.lantern.identity.Role;
import app.lantern.identity.TeamSummary;
import app.lantern.identity.UserSummary;
import app.lantern.shared.ConflictException;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.ForbiddenException;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.PageQuery;
import app.lantern.shared.PageResult;
import app.lantern.shared.Texts;
import app.lantern.shared.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lantern.db.tables.records.TargetsRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revenue targets for the company, its teams and reps by year, quarter, month and ISO week. Executives set and split
 * the company's targets; managers split their teams' targets among reps; reps read theirs. Every change writes a new
 * version and an audit entry. Children that do not add up to their parent are flagged, not forbidden.
 */
@Service
public class Targets {

    /** Above 1,000 亿元 a target is a typo, not an ambition. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000000");

    public record TargetView(
            long id,
            TargetMetric metric,
            String period,
            Period.Type periodType,
            TargetLevel level,
            long subjectId,
            String subjectName,
            BigDecimal amount,
            SplitMethod method,
            int version,
            BigDecimal timeChildrenSum,
            BigDecimal orgChildrenSum) {

        /** Its finer periods exist and do not add up to it. */
        public boolean timeMismatch() {
            return timeChildrenSum != null && timeChildrenSum.compareTo(amount) != 0;
        }

        /** Its teams or reps have targets for the period that do not add up to it. */
        public boolean orgMismatch() {
            return orgChildrenSum != null && orgChildrenSum.compareTo(amount) != 0;
        }

        public boolean mismatch() {
            return timeMismatch() || orgMismatch();
        }
    }

    public record SetTarget(
            TargetMetric metric,
            String period,
            TargetLevel level,
            Long subjectId,
            BigDecimal amount,
            String reason,
            Integer expectedVersion) {}

    /**
     * @param dimension {@code TIME} (into the next finer periods) or {@code ORG} (into teams or reps)
     * @param amounts   for MANUAL: child key (period key, or subject id) → amount
     * @param weights   for WEIGHTS over ORG: subject id → weight, saved as the children's weights; absent = saved weights
     */
    public record Decompose(
            String dimension,
            SplitMethod method,
            Map<String, BigDecimal> amounts,
            Map<String, BigDecimal> weights,
            String reason) {}

    public record TargetVersion(
            int version,
            BigDecimal amount,
            SplitMethod method,
            String reason,
            Long changedBy,
            OffsetDateTime changedAt) {}

    public record Subject(TargetLevel level, long id, String name, int depth) {}

    public record Weight(long subjectId, String name, BigDecimal weight) {}

    private final DSLContext db;
    private final Directory directory;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final WorkingCalendar calendar;
    private final Clock clock;

    Targets(
            DSLContext db,
            Directory directory,
            CurrentActor currentActor,
            AuditLog audit,
            WorkingCalendar calendar,
            Clock clock) {
        this.db = db;
        this.directory = directory;
        this.currentActor = currentActor;
        this.audit = audit;
        this.calendar = calendar;
        this.clock = clock;
    }

    // ---- organisation ---------------------------------------------------------------------------------------------

    Optional<TeamSummary> company() {
        return directory.teams().stream().filter(t -> t.parentId() == null).findFirst();
    }

    /** Teams directly below a team, or active reps of a team (for REP targets). */
    List<Subject> childrenOf(TargetLevel level, long subjectId) {
        return switch (level) {
            case COMPANY ->
                directory.teams().stream()
                        .filter(t -> Long.valueOf(subjectId).equals(t.parentId()))
                        .map(t -> new Subject(TargetLevel.TEAM, t.id(), t.name(), 1))
                        .toList();
            case TEAM ->
                directory.members(Set.of(subjectId)).stream()
                        .filter(u -> u.roles().contains(Role.REP))
                        .map(u -> new Subject(TargetLevel.REP, u.id(), u.displayName(), 2))
                        .toList();
            case REP -> List.of();
        };
    }

    String subjectName(TargetLevel level, long id) {
        return level == TargetLevel.REP
                ? directory.user(id).map(UserSummary::displayName).orElse("#" + id)
                : directory.team(id).map(TeamSummary::name).orElse("#" + id);
    }

    /** What the signed-in user may read and change. */
    record Access(
            boolean all,
            Set<Long> readTeams,
            Set<Long> writeTeams,
            Set<Long> readReps,
            Set<Long> writeReps,
            long companyId) {

        boolean canRead(TargetLevel level, long subject) {
            return all
                    || switch (level) {
                        case COMPANY -> true;
                        case TEAM -> readTeams.contains(subject);
                        case REP -> readReps.contains(subject);
                    };
        }

        boolean canWrite(TargetLevel level, long subject) {
            return all
                    || switch (level) {
                        case COMPANY -> false;
                        case TEAM -> writeTeams.contains(subject);
                        case REP -> writeReps.contains(subject);
                    };
        }
    }

    Access access() {
        Actor actor = currentActor.require();
        long companyId = company().map(TeamSummary::id).orElse(0L);
        if (actor.has(Role.EXECUTIVE) || actor.has(Role.ADMIN)) {
            return new Access(true, Set.of(), Set.of(), Set.of(), Set.of(), companyId);
        }
        Set<Long> teams = new HashSet<>();
        Set<Long> reps = new HashSet<>();
        if (actor.has(Role.MANAGER)) {
            directory.teamsLedBy(actor.userId()).forEach(t -> teams.addAll(directory.subtree(t)));
            directory.members(teams).forEach(u -> reps.add(u.id()));
        }
        Set<Long> readTeams = new HashSet<>(teams);
        Set<Long> readReps = new HashSet<>(reps);
        if (actor.teamId() != null) {
            readTeams.add(actor.teamId());
        }
        readReps.add(actor.userId());
        return new Access(false, readTeams, teams, readReps, reps, companyId);
    }

    // ---- reading ----------------------------------------------------------------------------------------------------

    private Map<String, TargetsRecord> index(List<TargetsRecord> rows) {
        Map<String, TargetsRecord> byKey = new HashMap<>();
        rows.forEach(r -> byKey.put(key(r.getOrgLevel(), r.getSubjectId(), r.getPeriodKey()), r));
        return byKey;
    }

    private static String key(String level, long subject, String period) {
        return level + "/" + subject + "/" + period;
    }

    private List<TargetsRecord> yearRows(int year, TargetMetric metric) {
        return db.selectFrom(TARGETS)
                .where(TARGETS.TARGET_YEAR.eq(year).and(TARGETS.METRIC.eq(metric.name())))
                .fetch();
    }

    private TargetView view(TargetsRecord r, Map<String, TargetsRecord> index) {
        TargetLevel level = TargetLevel.valueOf(r.getOrgLevel());
        Period period = Period.parse(r.getPeriodKey());
        BigDecimal timeSum = null;
        for (Period child : period.children()) {
            TargetsRecord c = index.get(key(r.getOrgLevel(), r.getSubjectId(), child.key()));
            if (c != null) {
                timeSum = (timeSum == null ? BigDecimal.ZERO : timeSum).add(c.getAmount());
            }
        }
        BigDecimal orgSum = null;
        if (level.below() != null) {
            for (Subject child : childrenOf(level, r.getSubjectId())) {
                TargetsRecord c = index.get(key(child.level().name(), child.id(), r.getPeriodKey()));
                if (c != null) {
                    orgSum = (orgSum == null ? BigDecimal.ZERO : orgSum).add(c.getAmount());
                }
            }
        }
        return new TargetView(
                r.getId(),
                TargetMetric.valueOf(r.getMetric()),
                r.getPeriodKey(),
                period.type(),
                level,
                r.getSubjectId(),
                subjectName(level, r.getSubjectId()),
                r.getAmount(),
                SplitMethod.valueOf(r.getMethod()),
                r.getVersion(),
                timeSum,
                orgSum);
    }

    @Transactional(readOnly = true)
    public TargetView get(long id) {
        TargetsRecord r = db.selectFrom(TARGETS)
                .where(TARGETS.ID.eq(id))
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("target", id));
        if (!access().canRead(TargetLevel.valueOf(r.getOrgLevel()), r.getSubjectId())) {
            throw NotFoundException.of("target", id);
        }
        return view(r, index(yearRows(r.getTargetYear(), TargetMetric.valueOf(r.getMetric()))));
    }

    /** The targets of a year the user may read, optionally of one level, subject or period type. */
    @Transactional(readOnly = true)
    public PageResult<TargetView> list(
            int year, TargetMetric metric, TargetLevel level, Long subjectId, Period.Type periodType, PageQuery page) {
        Access access = access();
        List<TargetsRecord> rows = yearRows(year, metric);
        Map<String, TargetsRecord> index = index(rows);
        List<TargetView> visible = rows.stream()
                .filter(r -> access.canRead(TargetLevel.valueOf(r.getOrgLevel()), r.getSubjectId()))
                .filter(r -> level == null || r.getOrgLevel().equals(level.name()))
                .filter(r -> subjectId == null || r.getSubjectId().equals(subjectId))
                .filter(r -> periodType == null || r.getPeriodType().equals(periodType.name()))
                .sorted(java.util.Comparator.comparing((TargetsRecord r) ->
                                TargetLevel.valueOf(r.getOrgLevel()).ordinal())
                        .thenComparing(TargetsRecord::getSubjectId)
                        .thenComparing(TargetsRecord::getPeriodKey))
                .map(r -> view(r, index))
                .toList();
        int from = Math.min(page.offset(), visible.size());
        int to = Math.min(from + page.size(), visible.size());
        return PageResult.of(visible.subList(from, to), page, visible.size());
    }

    /** The amount of one target, unscoped (for other modules' computations), or empty when none is set. */
    @Transactional(readOnly = true)
    public Optional<BigDecimal> amount(TargetMetric metric, TargetLevel level, long subjectId, String periodKey) {
        return db.select(TARGETS.AMOUNT)
                .from(TARGETS)
                .where(TARGETS.METRIC
                        .eq(metric.name())
                        .and(TARGETS.ORG_LEVEL.eq(level.name()))
                        .and(TARGETS.SUBJECT_ID.eq(subjectId))
                        .and(TARGETS.PERIOD_KEY.eq(periodKey)))
                .fetchOptional(TARGETS.AMOUNT);
    }

    /** {@link #amount} of many subjects at once: subjects without a target are absent. */
    @Transactional(readOnly = true)
    public Map<Long, BigDecimal> amounts(
            TargetMetric metric, TargetLevel level, java.util.Collection<Long> subjectIds, String periodKey) {
        Map<Long, BigDecimal> result = new java.util.HashMap<>();
        if (subjectIds.isEmpty()) {
            return result;
        }
        db.select(TARGETS.SUBJECT_ID, TARGETS.AMOUNT)
                .from(TARGETS)
                .where(TARGETS.METRIC
                        .eq(metric.name())
                        .and(TARGETS.ORG_LEVEL.eq(level.name()))
                        .and(TARGETS.SUBJECT_ID.in(subjectIds))
                        .and(TARGETS.PERIOD_KEY.eq(periodKey)))
                .forEach(r -> result.put(r.value1(), r.value2()));
        return result;
    }

    @Transactional(readOnly = true)
    public List<TargetVersion> versions(long id) {
        get(id);
        return db.selectFrom(TARGET_VERSIONS)
                .where(TARGET_VERSIONS.TARGET_ID.eq(id))
                .orderBy(TARGET_VERSIONS.VERSION.desc())
                .fetch(r -> new TargetVersion(
                        r.getVersion(),
                        r.getAmount(),
                        SplitMethod.valueOf(r.getMethod()),
                        r.getReason(),
                        r.getChangedBy(),
                        r.getChangedAt()));
    }

    /** The subjects the user may read, company first, each team followed by its reps. */
    @Transactional(readOnly = true)
    public List<Subject> visibleSubjects() {
        Access access = access();
        List<Subject> result = new ArrayList<>();
        company().ifPresent(c -> {
            result.add(new Subject(TargetLevel.COMPANY, c.id(), c.name(), 0));
            for (Subject team : childrenOf(TargetLevel.COMPANY, c.id())) {
                if (access.canRead(TargetLevel.TEAM, team.id())) {
                    result.add(team);
                }
                for (Subject rep : childrenOf(TargetLevel.TEAM, team.id())) {
                    if (access.canRead(TargetLevel.REP, rep.id())) {
                        result.add(rep);
                    }
                }
            }
        });
        return result;
    }

    /** Whether the signed-in user may change targets of this subject. */
    public boolean canWrite(TargetLevel level, long subjectId) {
        return access().canWrite(level, subjectId);
    }

    /** All visible targets of a year keyed {@code level/subject/period}, for the board. */
    @Transactional(readOnly = true)
    public Map<String, TargetView> board(int year, TargetMetric metric) {
        Access access = access();
        List<TargetsRecord> rows = yearRows(year, metric);
        Map<String, TargetsRecord> index = index(rows);
        Map<String, TargetView> result = new LinkedHashMap<>();
        for (TargetsRecord r : rows) {
            if (access.canRead(TargetLevel.valueOf(r.getOrgLevel()), r.getSubjectId())) {
                result.put(key(r.getOrgLevel(), r.getSubjectId(), r.getPeriodKey()), view(r, index));
            }
        }
        return result;
    }

    // ---- changing ---------------------------------------------------------------------------------------------------

    /** Sets one target by hand (creating it when absent). {@code expectedVersion}, when given, must be current (409). */
    @Transactional
    public TargetView set(SetTarget cmd) {
        FieldErrors errors = new FieldErrors();
        errors.addIf(cmd.metric() == null, "metric", "must be SIGNED or COLLECTED");
        errors.addIf(cmd.level() == null, "level", "must be COMPANY, TEAM or REP");
        Period period = null;
        try {
            period = Period.parse(cmd.period());
        } catch (ValidationException e) {
            e.errors().forEach(f -> errors.add(f.field(), f.message()));
        }
        validateAmount(errors, "amount", cmd.amount());
        Texts.maxLength(errors, "reason", cmd.reason(), 500);
        errors.throwIfAny();
        long subject = subject(cmd.level(), cmd.subjectId());
        requireWrite(cmd.level(), subject);
        Optional<TargetsRecord> existing = find(cmd.metric(), period.key(), cmd.level(), subject);
        if (cmd.expectedVersion() != null
                && existing.isPresent()
                && !existing.get().getVersion().equals(cmd.expectedVersion())) {
            throw new ConflictException(
                    "target was changed meanwhile",
                    Map.of("currentVersion", existing.get().getVersion()));
        }
        long id = upsert(
                cmd.metric(),
                period,
                cmd.level(),
                subject,
                cmd.amount(),
                SplitMethod.MANUAL,
                Texts.clean(cmd.reason()),
                null);
        return get(id);
    }

    /** Splits a target into its finer periods (TIME) or its teams or reps (ORG); returns the children. */
    @Transactional
    public List<TargetView> decompose(long targetId, Decompose d) {
        TargetView parent = get(targetId);
        FieldErrors errors = new FieldErrors();
        String dimension = d.dimension() == null ? "" : d.dimension().strip().toUpperCase(java.util.Locale.ROOT);
        errors.addIf(!dimension.equals("TIME") && !dimension.equals("ORG"), "dimension", "must be TIME or ORG");
        errors.addIf(d.method() == null, "method", "must be EQUAL, WEIGHTS, LAST_YEAR or MANUAL");
        Texts.maxLength(errors, "reason", d.reason(), 500);
        errors.throwIfAny();
        Period period = Period.parse(parent.period());
        List<String> childKeys = new ArrayList<>();
        List<String> childNames = new ArrayList<>();
        TargetLevel childLevel;
        if (dimension.equals("TIME")) {
            if (period.type() == Period.Type.WEEK) {
                throw ValidationException.unprocessable("dimension", "a week has no finer periods");
            }
            childLevel = parent.level();
            period.children().forEach(p -> {
                childKeys.add(p.key());
                childNames.add(p.key());
            });
            requireWrite(parent.level(), parent.subjectId());
        } else {
            childLevel = parent.level().below();
            if (childLevel == null) {
                throw ValidationException.unprocessable("dimension", "a rep's target has no one below to split among");
            }
            for (Subject s : childrenOf(parent.level(), parent.subjectId())) {
                childKeys.add(String.valueOf(s.id()));
                childNames.add(s.name());
                requireWrite(childLevel, s.id());
            }
            if (childKeys.isEmpty()) {
                throw ValidationException.unprocessable(
                        "dimension", parent.subjectName() + " has nobody to split the target among");
            }
        }
        List<BigDecimal> amounts = switch (d.method()) {
            case EQUAL -> Split.equal(parent.amount(), childKeys.size());
            case WEIGHTS ->
                Split.proportional(
                        parent.amount(), weightsFor(dimension, period, parent, childLevel, childKeys, d.weights()));
            case LAST_YEAR ->
                Split.proportional(parent.amount(), lastYearShares(parent, period, dimension, childLevel, childKeys));
            case MANUAL -> manual(dimension, period, childKeys, d.amounts());
        };
        List<TargetView> result = new ArrayList<>();
        for (int i = 0; i < childKeys.size(); i++) {
            if (amounts.get(i) == null) {
                continue;
            }
            Period childPeriod = dimension.equals("TIME") ? Period.parse(childKeys.get(i)) : period;
            long childSubject = dimension.equals("TIME") ? parent.subjectId() : Long.parseLong(childKeys.get(i));
            long id = upsert(
                    parent.metric(),
                    childPeriod,
                    childLevel,
                    childSubject,
                    amounts.get(i),
                    d.method(),
                    Texts.clean(d.reason()),
                    parent.id());
            result.add(get(id));
        }
        audit.recorded(
                "target",
                parent.id(),
                "decomposed",
                Map.of("dimension", dimension, "method", d.method().name(), "children", childNames.size()));
        return result;
    }

    private List<BigDecimal> manual(
            String dimension, Period period, List<String> childKeys, Map<String, BigDecimal> given) {
        FieldErrors errors = new FieldErrors();
        if (given == null || given.isEmpty()) {
            throw ValidationException.field("amounts", "give an amount for at least one child");
        }
        for (var e : given.entrySet()) {
            if (!childKeys.contains(e.getKey())) {
                String why = dimension.equals("TIME")
                                && period.type() == Period.Type.MONTH
                                && e.getKey().contains("-W")
                        ? "week is outside " + period.key()
                        : "is not a child of " + period.key();
                errors.add("amounts." + e.getKey(), why);
            }
            validateAmount(errors, "amounts." + e.getKey(), e.getValue());
        }
        errors.throwIfAny();
        return childKeys.stream().map(given::get).toList();
    }

    private List<BigDecimal> weightsFor(
            String dimension,
            Period period,
            TargetView parent,
            TargetLevel childLevel,
            List<String> childKeys,
            Map<String, BigDecimal> given) {
        List<BigDecimal> weights = new ArrayList<>();
        if (dimension.equals("TIME")) {
            // time is weighted by working days (holidays and 调休 from the calendar)
            for (String k : childKeys) {
                Period p = Period.parse(k);
                weights.add(BigDecimal.valueOf(
                        calendar.workingDaysBetween(p.start(), p.end().plusDays(1))));
            }
        } else {
            FieldErrors errors = new FieldErrors();
            if (given != null) {
                for (var e : given.entrySet()) {
                    if (!childKeys.contains(e.getKey())) {
                        errors.add("weights." + e.getKey(), "is not a child of " + parent.subjectName());
                    } else if (e.getValue() == null
                            || e.getValue().signum() < 0
                            || e.getValue().compareTo(new BigDecimal("1000")) > 0) {
                        errors.add("weights." + e.getKey(), "must be between 0 and 1000");
                    }
                }
                errors.throwIfAny();
                for (var e : given.entrySet()) {
                    saveWeight(childLevel, Long.parseLong(e.getKey()), e.getValue());
                }
            }
            Map<Long, BigDecimal> saved = weights(childLevel);
            for (String k : childKeys) {
                weights.add(saved.getOrDefault(Long.parseLong(k), BigDecimal.ONE));
            }
        }
        if (weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add).signum() <= 0) {
            throw ValidationException.field(
                    "weights", "weights sum to zero; give at least one child a positive weight");
        }
        return weights;
    }

    private List<BigDecimal> lastYearShares(
            TargetView parent, Period period, String dimension, TargetLevel childLevel, List<String> childKeys) {
        List<BigDecimal> shares = new ArrayList<>();
        for (String k : childKeys) {
            String periodKey = dimension.equals("TIME")
                    ? Period.parse(k).lastYear().key()
                    : period.lastYear().key();
            long subject = dimension.equals("TIME") ? parent.subjectId() : Long.parseLong(k);
            shares.add(amount(parent.metric(), childLevel, subject, periodKey).orElse(BigDecimal.ZERO));
        }
        if (shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add).signum() <= 0) {
            throw ValidationException.unprocessable(
                    "method", "no targets last year to take shares from; split equally or by weights");
        }
        return shares;
    }

    private static void validateAmount(FieldErrors errors, String field, BigDecimal amount) {
        if (amount == null) {
            errors.add(field, "must be given");
        } else if (amount.signum() < 0) {
            errors.add(field, "must not be negative");
        } else if (amount.compareTo(MAX_AMOUNT) > 0) {
            errors.add(field, "is implausibly large (above 1000亿)");
        } else if (amount.stripTrailingZeros().scale() > 2) {
            errors.add(field, "must have at most 2 decimals");
        }
    }

    private long subject(TargetLevel level, Long subjectId) {
        long companyId = company()
                .map(TeamSummary::id)
                .orElseThrow(() -> ValidationException.unprocessable("level", "no company team exists"));
        if (level == TargetLevel.COMPANY) {
            if (subjectId != null && subjectId != companyId) {
                throw ValidationException.field("subjectId", "the company target belongs to team " + companyId);
            }
            return companyId;
        }
        if (subjectId == null) {
            throw ValidationException.field("subjectId", "must name the team or rep");
        }
        boolean exists = level == TargetLevel.TEAM
                ? directory.team(subjectId).filter(t -> t.parentId() != null).isPresent()
                : directory
                        .user(subjectId)
                        .filter(u -> u.active() && u.roles().contains(Role.REP))
                        .isPresent();
        if (!exists) {
            throw ValidationException.field(
                    "subjectId", "no such " + (level == TargetLevel.TEAM ? "team" : "active rep"));
        }
        return subjectId;
    }

    private void requireWrite(TargetLevel level, long subject) {
        Access access = access();
        if (!access.canWrite(level, subject)) {
            if (!access.canRead(level, subject)) {
                throw NotFoundException.of(level.name().toLowerCase(java.util.Locale.ROOT), subject);
            }
            throw new ForbiddenException("you may not change this target");
        }
    }

    private Optional<TargetsRecord> find(TargetMetric metric, String periodKey, TargetLevel level, long subject) {
        return db.selectFrom(TARGETS)
                .where(TARGETS.METRIC
                        .eq(metric.name())
                        .and(TARGETS.PERIOD_KEY.eq(periodKey))
                        .and(TARGETS.ORG_LEVEL.eq(level.name()))
                        .and(TARGETS.SUBJECT_ID.eq(subject)))
                .fetchOptional();
    }

    private long upsert(
            TargetMetric metric,
            Period period,
            TargetLevel level,
            long subject,
            BigDecimal amount,
            SplitMethod method,
            String reason,
            Long parentId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        BigDecimal value = amount.setScale(2, RoundingMode.HALF_UP);
        Long actor = currentActor.current().map(Actor::userId).orElse(null);
        Optional<TargetsRecord> existing = find(metric, period.key(), level, subject);
        long id;
        int version;
        if (existing.isPresent()) {
            TargetsRecord r = existing.get();
            if (r.getAmount().compareTo(value) == 0 && r.getMethod().equals(method.name())) {
                return r.getId();
            }
            id = r.getId();
            version = r.getVersion() + 1;
            db.update(TARGETS)
                    .set(TARGETS.AMOUNT, value)
                    .set(TARGETS.METHOD, method.name())
                    .set(TARGETS.UPDATED_AT, now)
                    .set(TARGETS.VERSION, version)
                    .set(TARGETS.PARENT_ID, parentId == null ? r.getParentId() : parentId)
                    .where(TARGETS.ID.eq(id).and(TARGETS.VERSION.eq(r.getVersion())))
                    .execute();
            audit.updated(
                    "target",
                    id,
                    Map.of("amount", r.getAmount().toPlainString(), "method", r.getMethod()),
                    Map.of("amount", value.toPlainString(), "method", method.name()));
        } else {
            version = 1;
            id = db.insertInto(TARGETS)
                    .set(TARGETS.METRIC, metric.name())
                    .set(TARGETS.PERIOD_TYPE, period.type().name())
                    .set(TARGETS.PERIOD_KEY, period.key())
                    .set(TARGETS.TARGET_YEAR, period.year())
                    .set(TARGETS.ORG_LEVEL, level.name())
                    .set(TARGETS.SUBJECT_ID, subject)
                    .set(TARGETS.AMOUNT, value)
                    .set(TARGETS.PARENT_ID, parentId)
                    .set(TARGETS.METHOD, method.name())
                    .set(TARGETS.CREATED_AT, now)
                    .set(TARGETS.UPDATED_AT, now)
                    .set(TARGETS.VERSION, 1)
                    .returningResult(TARGETS.ID)
                    .fetchOne(TARGETS.ID);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("metric", metric.name());
            fields.put("period", period.key());
            fields.put("level", level.name());
            fields.put("subjectId", subject);
            fields.put("amount", value.toPlainString());
            fields.put("method", method.name());
            audit.created("target", id, fields);
        }
        db.insertInto(TARGET_VERSIONS)
                .set(TARGET_VERSIONS.TARGET_ID, id)
                .set(TARGET_VERSIONS.VERSION, version)
                .set(TARGET_VERSIONS.AMOUNT, value)
                .set(TARGET_VERSIONS.METHOD, method.name())
                .set(TARGET_VERSIONS.REASON, reason)
                .set(TARGET_VERSIONS.CHANGED_BY, actor)
                .set(TARGET_VERSIONS.CHANGED_AT, now)
                .execute();
        return id;
    }

    // ---- weights ----------------------------------------------------------------------------------------------------

    Map<Long, BigDecimal> weights(TargetLevel level) {
        Map<Long, BigDecimal> m = new HashMap<>();
        db.selectFrom(TARGET_WEIGHTS)
                .where(TARGET_WEIGHTS.ORG_LEVEL.eq(level.name()))
                .forEach(r -> m.put(r.getSubjectId(), r.getWeight()));
        return m;
    }

    /** The weights of a company's teams or a team's reps (1 where none is set). */
    @Transactional(readOnly = true)
    public List<Weight> weightsOf(TargetLevel level, long subjectId) {
        if (!access().canRead(level, subjectId)) {
            throw NotFoundException.of("target subject", subjectId);
        }
        List<Subject> children = childrenOf(level, subjectId);
        if (children.isEmpty()) {
            return List.of();
        }
        Map<Long, BigDecimal> saved = weights(children.getFirst().level());
        return children.stream()
                .map(c -> new Weight(c.id(), c.name(), saved.getOrDefault(c.id(), BigDecimal.ONE)))
                .toList();
    }

    /** Saves the weights of a company's teams or a team's reps; they must not all be zero. */
    @Transactional
    public List<Weight> setWeights(TargetLevel level, long subjectId, Map<String, BigDecimal> weights) {
        List<Subject> children = childrenOf(level, subjectId);
        FieldErrors errors = new FieldErrors();
        BigDecimal sum = BigDecimal.ZERO;
        Set<String> keys = new HashSet<>();
        children.forEach(c -> keys.add(String.valueOf(c.id())));
        for (var e : weights.entrySet()) {
            if (!keys.contains(e.getKey())) {
                errors.add("weights." + e.getKey(), "is not below " + subjectName(level, subjectId));
            } else if (e.getValue() == null
                    || e.getValue().signum() < 0
                    || e.getValue().compareTo(new BigDecimal("1000")) > 0) {
                errors.add("weights." + e.getKey(), "must be between 0 and 1000");
            } else {
                sum = sum.add(e.getValue());
            }
        }
        errors.addIf(
                errors.isEmpty() && !weights.isEmpty() && sum.signum() == 0 && weights.size() == children.size(),
                "weights",
                "weights sum to zero; give at least one a positive weight");
        errors.throwIfAny();
        for (Subject c : children) {
            requireWrite(c.level(), c.id());
        }
        for (var e : weights.entrySet()) {
            saveWeight(children.getFirst().level(), Long.parseLong(e.getKey()), e.getValue());
        }
        return weightsOf(level, subjectId);
    }

    private void saveWeight(TargetLevel level, long subject, BigDecimal weight) {
        BigDecimal before = db.select(TARGET_WEIGHTS.WEIGHT)
                .from(TARGET_WEIGHTS)
                .where(TARGET_WEIGHTS.ORG_LEVEL.eq(level.name()).and(TARGET_WEIGHTS.SUBJECT_ID.eq(subject)))
                .fetchOptional(TARGET_WEIGHTS.WEIGHT)
                .orElse(null);
        if (before != null && before.compareTo(weight) == 0) {
            return;
        }
        db.deleteFrom(TARGET_WEIGHTS)
                .where(TARGET_WEIGHTS.ORG_LEVEL.eq(level.name()).and(TARGET_WEIGHTS.SUBJECT_ID.eq(subject)))
                .execute();
        db.insertInto(TARGET_WEIGHTS)
                .set(TARGET_WEIGHTS.ORG_LEVEL, level.name())
                .set(TARGET_WEIGHTS.SUBJECT_ID, subject)
                .set(TARGET_WEIGHTS.WEIGHT, weight.setScale(4, RoundingMode.HALF_UP))
                .set(TARGET_WEIGHTS.UPDATED_AT, OffsetDateTime.now(clock))
                .execute();
        audit.updated(
                "target_weight",
                level.name() + "/" + subject,
                Map.of("weight", before == null ? "1" : before.toPlainString()),
                Map.of("weight", weight.toPlainString()));
    }
}
