package app.lantern.goal;

import app.lantern.audit.AuditLog;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.Texts;
import app.lantern.shared.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Splitting a target into its finer periods ({@link SplitDimension#TIME}, weighted by working days) or among the
 * teams or reps below its subject ({@link SplitDimension#ORG}): equally, by weights, by last year's shares or by hand.
 */
@Service
public class TargetSplitting {

    private final Targets targets;
    private final TargetStore store;
    private final TargetAccess access;
    private final TargetWeights weights;
    private final WorkingCalendar calendar;
    private final AuditLog audit;

    TargetSplitting(
            Targets targets,
            TargetStore store,
            TargetAccess access,
            TargetWeights weights,
            WorkingCalendar calendar,
            AuditLog audit) {
        this.targets = targets;
        this.store = store;
        this.access = access;
        this.weights = weights;
        this.calendar = calendar;
        this.audit = audit;
    }

    /** Splits a target into its finer periods (TIME) or its teams or reps (ORG); returns the children. */
    @Transactional
    public List<Targets.TargetView> decompose(long targetId, Targets.Decompose d) {
        Targets.TargetView parent = targets.get(targetId);
        FieldErrors errors = new FieldErrors();
        SplitDimension dimension = d.dimension();
        errors.addIf(dimension == null, "dimension", "must be TIME or ORG");
        errors.addIf(d.method() == null, "method", "must be EQUAL, WEIGHTS, LAST_YEAR or MANUAL");
        Texts.maxLength(errors, "reason", d.reason(), 500);
        errors.throwIfAny();
        Period period = Period.parse(parent.period());
        List<String> childKeys = new ArrayList<>();
        List<String> childNames = new ArrayList<>();
        TargetLevel childLevel;
        if (dimension == SplitDimension.TIME) {
            if (period.type() == Period.Type.WEEK) {
                throw ValidationException.unprocessable("dimension", "a week has no finer periods");
            }
            childLevel = parent.level();
            period.children().forEach(p -> {
                childKeys.add(p.key());
                childNames.add(p.key());
            });
            access.requireWrite(parent.level(), parent.subjectId());
        } else {
            childLevel = parent.level().below();
            if (childLevel == null) {
                throw ValidationException.unprocessable("dimension", "a rep's target has no one below to split among");
            }
            for (Targets.Subject s : access.childrenOf(parent.level(), parent.subjectId())) {
                childKeys.add(String.valueOf(s.id()));
                childNames.add(s.name());
                access.requireWrite(childLevel, s.id());
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
        List<Targets.TargetView> result = new ArrayList<>();
        for (int i = 0; i < childKeys.size(); i++) {
            if (amounts.get(i) == null) {
                continue;
            }
            Period childPeriod = dimension == SplitDimension.TIME ? Period.parse(childKeys.get(i)) : period;
            long childSubject =
                    dimension == SplitDimension.TIME ? parent.subjectId() : Long.parseLong(childKeys.get(i));
            long id = store.upsert(
                    parent.metric(),
                    childPeriod,
                    childLevel,
                    childSubject,
                    amounts.get(i),
                    d.method(),
                    Texts.clean(d.reason()),
                    parent.id());
            result.add(targets.get(id));
        }
        audit.recorded(
                "target",
                parent.id(),
                "decomposed",
                Map.of("dimension", dimension.name(), "method", d.method().name(), "children", childNames.size()));
        return result;
    }

    private List<BigDecimal> manual(
            SplitDimension dimension, Period period, List<String> childKeys, Map<String, BigDecimal> given) {
        FieldErrors errors = new FieldErrors();
        if (given == null || given.isEmpty()) {
            throw ValidationException.field("amounts", "give an amount for at least one child");
        }
        for (var e : given.entrySet()) {
            if (!childKeys.contains(e.getKey())) {
                String why = dimension == SplitDimension.TIME
                                && period.type() == Period.Type.MONTH
                                && e.getKey().contains("-W")
                        ? "week is outside " + period.key()
                        : "is not a child of " + period.key();
                errors.add("amounts." + e.getKey(), why);
            }
            TargetSetting.validateAmount(errors, "amounts." + e.getKey(), e.getValue());
        }
        errors.throwIfAny();
        return childKeys.stream().map(given::get).toList();
    }

    private List<BigDecimal> weightsFor(
            SplitDimension dimension,
            Period period,
            Targets.TargetView parent,
            TargetLevel childLevel,
            List<String> childKeys,
            Map<String, BigDecimal> given) {
        List<BigDecimal> weights = new ArrayList<>();
        if (dimension == SplitDimension.TIME) {
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
                    this.weights.save(childLevel, Long.parseLong(e.getKey()), e.getValue());
                }
            }
            Map<Long, BigDecimal> saved = this.weights.saved(childLevel);
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
            Targets.TargetView parent,
            Period period,
            SplitDimension dimension,
            TargetLevel childLevel,
            List<String> childKeys) {
        List<BigDecimal> shares = new ArrayList<>();
        for (String k : childKeys) {
            String periodKey = dimension == SplitDimension.TIME
                    ? Period.parse(k).lastYear().key()
                    : period.lastYear().key();
            long subject = dimension == SplitDimension.TIME ? parent.subjectId() : Long.parseLong(k);
            shares.add(targets.amount(parent.metric(), childLevel, subject, periodKey)
                    .orElse(BigDecimal.ZERO));
        }
        if (shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add).signum() <= 0) {
            throw ValidationException.unprocessable(
                    "method", "no targets last year to take shares from; split equally or by weights");
        }
        return shares;
    }
}
