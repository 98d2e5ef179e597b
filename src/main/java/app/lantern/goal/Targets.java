package app.lantern.goal;

import static lantern.db.Tables.TARGETS;
import static lantern.db.Tables.TARGET_VERSIONS;

import app.lantern.shared.NotFoundException;
import app.lantern.shared.PageQuery;
import app.lantern.shared.PageResult;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lantern.db.tables.records.TargetsRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revenue targets for the company, its teams and reps by year, quarter, month and ISO week, as their readers see them:
 * one target, a year's list, the board, versions, weights, and unscoped amounts for other computations. Setting a
 * target is {@link TargetSetting}, splitting it {@link TargetSplitting}, weighting its children {@link TargetWeights};
 * children that do not add up to their parent are flagged here, not forbidden there.
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
     * @param dimension into the next finer periods, or into teams or reps
     * @param amounts   for MANUAL: child key (period key, or subject id) → amount
     * @param weights   for WEIGHTS over ORG: subject id → weight, saved as the children's weights; absent = saved weights
     */
    public record Decompose(
            SplitDimension dimension,
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
    private final TargetStore store;
    private final TargetAccess access;
    private final TargetWeights weights;

    Targets(DSLContext db, TargetStore store, TargetAccess access, TargetWeights weights) {
        this.db = db;
        this.store = store;
        this.access = access;
        this.weights = weights;
    }

    private Map<String, TargetsRecord> index(List<TargetsRecord> rows) {
        Map<String, TargetsRecord> byKey = new HashMap<>();
        rows.forEach(r -> byKey.put(TargetStore.key(r.getOrgLevel(), r.getSubjectId(), r.getPeriodKey()), r));
        return byKey;
    }

    private TargetView view(TargetsRecord r, Map<String, TargetsRecord> index) {
        TargetLevel level = TargetLevel.valueOf(r.getOrgLevel());
        Period period = Period.parse(r.getPeriodKey());
        BigDecimal timeSum = null;
        for (Period child : period.children()) {
            TargetsRecord c = index.get(TargetStore.key(r.getOrgLevel(), r.getSubjectId(), child.key()));
            if (c != null) {
                timeSum = (timeSum == null ? BigDecimal.ZERO : timeSum).add(c.getAmount());
            }
        }
        BigDecimal orgSum = null;
        if (level.below() != null) {
            for (Subject child : access.childrenOf(level, r.getSubjectId())) {
                TargetsRecord c = index.get(TargetStore.key(child.level().name(), child.id(), r.getPeriodKey()));
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
                access.subjectName(level, r.getSubjectId()),
                r.getAmount(),
                SplitMethod.valueOf(r.getMethod()),
                r.getVersion(),
                timeSum,
                orgSum);
    }

    @Transactional(readOnly = true)
    public TargetView get(long id) {
        TargetsRecord r = store.byId(id).orElseThrow(() -> NotFoundException.of("target", id));
        if (!access.access().canRead(TargetLevel.valueOf(r.getOrgLevel()), r.getSubjectId())) {
            throw NotFoundException.of("target", id);
        }
        return view(r, index(store.yearRows(r.getTargetYear(), TargetMetric.valueOf(r.getMetric()))));
    }

    /** The targets of a year the user may read, optionally of one level, subject or period type. */
    @Transactional(readOnly = true)
    public PageResult<TargetView> list(
            int year, TargetMetric metric, TargetLevel level, Long subjectId, Period.Type periodType, PageQuery page) {
        TargetAccess.Access access = this.access.access();
        List<TargetsRecord> rows = store.yearRows(year, metric);
        Map<String, TargetsRecord> index = index(rows);
        List<TargetView> visible = rows.stream()
                .filter(r -> access.canRead(TargetLevel.valueOf(r.getOrgLevel()), r.getSubjectId()))
                .filter(r -> level == null || r.getOrgLevel().equals(level.name()))
                .filter(r -> subjectId == null || r.getSubjectId().equals(subjectId))
                .filter(r -> periodType == null || r.getPeriodType().equals(periodType.name()))
                .sorted(Comparator.comparing((TargetsRecord r) ->
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
            TargetMetric metric, TargetLevel level, Collection<Long> subjectIds, String periodKey) {
        Map<Long, BigDecimal> result = new HashMap<>();
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
        TargetAccess.Access can = access.access();
        List<Subject> result = new ArrayList<>();
        access.company().ifPresent(c -> {
            result.add(new Subject(TargetLevel.COMPANY, c.id(), c.name(), 0));
            for (Subject team : access.childrenOf(TargetLevel.COMPANY, c.id())) {
                if (can.canRead(TargetLevel.TEAM, team.id())) {
                    result.add(team);
                }
                for (Subject rep : access.childrenOf(TargetLevel.TEAM, team.id())) {
                    if (can.canRead(TargetLevel.REP, rep.id())) {
                        result.add(rep);
                    }
                }
            }
        });
        return result;
    }

    /** Whether the signed-in user may change targets of this subject. */
    public boolean canWrite(TargetLevel level, long subjectId) {
        return access.access().canWrite(level, subjectId);
    }

    /** All visible targets of a year keyed {@code level/subject/period}, for the board. */
    @Transactional(readOnly = true)
    public Map<String, TargetView> board(int year, TargetMetric metric) {
        TargetAccess.Access access = this.access.access();
        List<TargetsRecord> rows = store.yearRows(year, metric);
        Map<String, TargetsRecord> index = index(rows);
        Map<String, TargetView> result = new LinkedHashMap<>();
        for (TargetsRecord r : rows) {
            if (access.canRead(TargetLevel.valueOf(r.getOrgLevel()), r.getSubjectId())) {
                result.put(TargetStore.key(r.getOrgLevel(), r.getSubjectId(), r.getPeriodKey()), view(r, index));
            }
        }
        return result;
    }

    /** The weights of a company's teams or a team's reps (1 where none is set). */
    @Transactional(readOnly = true)
    public List<Weight> weightsOf(TargetLevel level, long subjectId) {
        if (!access.access().canRead(level, subjectId)) {
            throw NotFoundException.of("target subject", subjectId);
        }
        List<Subject> children = access.childrenOf(level, subjectId);
        if (children.isEmpty()) {
            return List.of();
        }
        Map<Long, BigDecimal> saved = weights.saved(children.getFirst().level());
        return children.stream()
                .map(c -> new Weight(c.id(), c.name(), saved.getOrDefault(c.id(), BigDecimal.ONE)))
                .toList();
    }
}
