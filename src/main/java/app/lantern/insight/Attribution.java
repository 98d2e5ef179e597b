package app.lantern.insight;

import app.lantern.calendar.WorkingCalendar;
import app.lantern.goal.TargetLevel;
import app.lantern.goal.TargetMetric;
import app.lantern.goal.Targets;
import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.DataScopes;
import app.lantern.identity.Directory;
import app.lantern.identity.Role;
import app.lantern.identity.TeamSummary;
import app.lantern.identity.UserSummary;
import app.lantern.pipeline.FunnelFlows;
import app.lantern.quote.QuoteTimings;
import app.lantern.shared.ForbiddenException;
import app.lantern.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * G6: a month's gap to target per rep and team, decomposed in money into lead shortage, capability at a named stage,
 * process delays and the rest (see {@link AttributionModel}). Reads the funnel in grouped SQL aggregates; scoped to
 * the caller (reps see themselves, managers their teams, executives everyone).
 */
@Service
@Transactional(readOnly = true)
public class Attribution {

    /** A part of a gap: {@code key} names the factor for drill-down ({@code LEADS}, {@code STAGE:3}, …). */
    public record Component(Cause cause, String key, BigDecimal amount, String stage, String evidence) {}

    /** A rep's or a team's month. */
    public record Row(
            String id,
            String name,
            BigDecimal target,
            BigDecimal actual,
            BigDecimal gap,
            List<Component> components,
            String narrative) {}

    public record TeamBlock(Row team, List<Row> reps) {}

    /** The month for the caller: everything in scope ({@code total}) and team by team. */
    public record Report(YearMonth month, Row total, List<TeamBlock> teams) {}

    /** The previous month, the default everywhere. */
    public YearMonth defaultMonth() {
        return YearMonth.now(clock).minusMonths(1);
    }

    /** Parses {@code YYYY-MM}; blank means {@link #defaultMonth()}; anything else is a 400 naming {@code month}. */
    public YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            return defaultMonth();
        }
        try {
            YearMonth ym = YearMonth.parse(text.strip());
            if (ym.getYear() < 2000 || ym.getYear() > 2100) {
                throw ValidationException.field("month", "year must be between 2000 and 2100");
            }
            return ym;
        } catch (DateTimeParseException e) {
            throw ValidationException.field("month", "must be YYYY-MM, e.g. 2026-09");
        }
    }

    private final FunnelFlows flows;
    private final QuoteTimings quotes;
    private final Targets targets;
    private final Directory directory;
    private final DataScopes scopes;
    private final CurrentActor currentActor;
    private final WorkingCalendar calendar;
    private final AttributionText text;
    private final Clock clock;

    Attribution(
            FunnelFlows flows,
            QuoteTimings quotes,
            Targets targets,
            Directory directory,
            DataScopes scopes,
            CurrentActor currentActor,
            WorkingCalendar calendar,
            AttributionText text,
            Clock clock) {
        this.flows = flows;
        this.quotes = quotes;
        this.targets = targets;
        this.directory = directory;
        this.scopes = scopes;
        this.currentActor = currentActor;
        this.calendar = calendar;
        this.text = text;
        this.clock = clock;
    }

    /** The caller's report; {@code teamId} narrows it to one team's subtree (403 when out of scope). */
    public Report report(YearMonth month, Long teamId, Locale locale) {
        return report(currentActor.require(), month, teamId, locale);
    }

    /** {@link #report(YearMonth, Long, Locale)} for a given actor (scheduled pushes). */
    public Report report(Actor actor, YearMonth month, Long teamId, Locale locale) {
        List<UserSummary> reps = repsInScope(actor, teamId);
        return compute(month, reps, locale);
    }

    /** The reps a report covers; package-private for the benchmark-free tests. */
    Report compute(YearMonth month, List<UserSummary> reps, Locale locale) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        Set<Long> ids = reps.stream().map(UserSummary::id).collect(Collectors.toSet());
        Map<Long, BigDecimal> repTargets = targets.amounts(TargetMetric.SIGNED, TargetLevel.REP, ids, month.toString());
        Map<Long, FunnelFlows.OwnerFlow> flow = flows.flows(ids, from, to);
        Map<Long, Map<SlipReason, RepFacts.Slip>> slips = slips(ids, from, to);
        Map<Long, RepFacts> facts = new LinkedHashMap<>();
        for (UserSummary rep : reps) {
            FunnelFlows.OwnerFlow f = flow.getOrDefault(rep.id(), FunnelFlows.OwnerFlow.empty());
            facts.put(
                    rep.id(),
                    new RepFacts(
                            repTargets.getOrDefault(rep.id(), BigDecimal.ZERO.setScale(2)),
                            f.wonAmount().setScale(2, java.math.RoundingMode.HALF_UP),
                            f.created(),
                            f.outcomes(),
                            f.won(),
                            slips.getOrDefault(rep.id(), Map.of())));
        }
        Map<Integer, String> stageNames = flows.stageNames();
        AttributionModel.Norms orgNorms = AttributionModel.norms(facts.values(), null);
        Map<Long, List<UserSummary>> byTeam = new TreeMap<>();
        reps.forEach(r -> byTeam.computeIfAbsent(r.teamId() == null ? -1L : r.teamId(), k -> new ArrayList<>())
                .add(r));
        Map<Long, String> teamNames =
                directory.teams().stream().collect(Collectors.toMap(TeamSummary::id, TeamSummary::name, (a, b) -> a));
        List<TeamBlock> blocks = new ArrayList<>();
        List<Row> allReps = new ArrayList<>();
        for (var e : byTeam.entrySet()) {
            List<RepFacts> teamFacts =
                    e.getValue().stream().map(r -> facts.get(r.id())).toList();
            AttributionModel.Norms norms = AttributionModel.norms(teamFacts, orgNorms);
            List<Row> rows = new ArrayList<>();
            for (UserSummary rep : e.getValue()) {
                RepFacts rf = facts.get(rep.id());
                List<AttributionModel.Part> parts = AttributionModel.decompose(rf, norms);
                List<Component> components = parts.stream()
                        .map(p -> text.component(p, rf, norms, stageNames, locale))
                        .toList();
                rows.add(
                        row(String.valueOf(rep.id()), rep.displayName(), rf.target(), rf.actual(), components, locale));
            }
            allReps.addAll(rows);
            blocks.add(new TeamBlock(
                    total(String.valueOf(e.getKey()), teamNames.getOrDefault(e.getKey(), "—"), rows, locale), rows));
        }
        return new Report(month, total("", text.everyone(locale), allReps, locale), blocks);
    }

    private Row row(String id, String name, BigDecimal target, BigDecimal actual, List<Component> c, Locale locale) {
        BigDecimal gap = actual.subtract(target);
        return new Row(id, name, target, actual, gap, c, text.narrative(name, gap, c, locale));
    }

    /** A team's row: its reps' targets, signings and parts added up by factor (so they still add up to the gap). */
    private Row total(String id, String name, List<Row> rows, Locale locale) {
        Map<String, Component> sum = new LinkedHashMap<>();
        BigDecimal target = BigDecimal.ZERO.setScale(2);
        BigDecimal actual = BigDecimal.ZERO.setScale(2);
        for (Row r : rows) {
            target = target.add(r.target());
            actual = actual.add(r.actual());
            for (Component c : r.components()) {
                sum.merge(
                        c.key(),
                        new Component(c.cause(), c.key(), c.amount(), c.stage(), ""),
                        (a, b) -> new Component(a.cause(), a.key(), a.amount().add(b.amount()), a.stage(), ""));
            }
        }
        List<Component> components = sum.values().stream()
                .map(c -> new Component(
                        c.cause(), c.key(), c.amount(), c.stage(), text.teamEvidence(rows.size(), locale)))
                .toList();
        return row(id, name, target, actual, components, locale);
    }

    /** The deals behind one part of one rep's month (scoped), for the drill-down. */
    public List<FunnelFlows.FlowDeal> deals(YearMonth month, long repId, String key) {
        if (!scopes.visibleOwners(currentActor.require()).contains(repId)
                && !scopes.of(currentActor.require(), app.lantern.identity.RecordKind.OPPORTUNITY)
                        .isEverything()) {
            throw new ForbiddenException("rep " + repId + " is not in your data scope");
        }
        Set<Long> owner = Set.of(repId);
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        if (key == null || key.equals("LEADS")) {
            return flows.created(owner, from, to);
        }
        if (key.startsWith("STAGE:")) {
            try {
                return flows.stageExits(owner, Integer.parseInt(key.substring(6)), from, to);
            } catch (NumberFormatException e) {
                throw ValidationException.field("key", "unknown part " + key);
            }
        }
        if (key.startsWith("PROCESS")) {
            Map<Long, Delay> slipped = slippedDeals(owner, from, to);
            return flows.overdue(owner, from, to).stream()
                    .filter(d -> slipped.containsKey(d.id()))
                    .map(d -> new FunnelFlows.FlowDeal(
                            d.id(),
                            d.name(),
                            d.ownerId(),
                            d.amount(),
                            d.stageName(),
                            slipped.get(d.id()).reason().name(),
                            d.stageEnteredAt()))
                    .toList();
        }
        if (key.equals("DEAL_SIZE") || key.equals("UNEXPLAINED")) {
            return flows.won(owner, from, to);
        }
        throw ValidationException.field("key", "unknown part " + key);
    }

    private List<UserSummary> repsInScope(Actor actor, Long teamId) {
        boolean everything = actor.has(Role.EXECUTIVE) || actor.has(Role.ADMIN);
        Set<Long> visible = everything ? null : scopes.visibleOwners(actor);
        Set<Long> teams = null;
        if (teamId != null) {
            if (directory.team(teamId).isEmpty()) {
                throw ValidationException.field("teamId", "no such team");
            }
            teams = directory.subtree(teamId);
        }
        List<UserSummary> result = new ArrayList<>();
        for (UserSummary u : directory.usersWithRole(Role.REP)) {
            if (!u.active() || (visible != null && !visible.contains(u.id()))) {
                continue;
            }
            if (teams != null && (u.teamId() == null || !teams.contains(u.teamId()))) {
                continue;
            }
            result.add(u);
        }
        if (teamId != null && result.isEmpty() && !everything) {
            throw new ForbiddenException("team " + teamId + " is not in your data scope");
        }
        result.sort(Comparator.comparing(UserSummary::id));
        return result;
    }

    private Map<Long, Map<SlipReason, RepFacts.Slip>> slips(Set<Long> owners, LocalDate from, LocalDate to) {
        Map<Long, Delay> reasons = slippedDeals(owners, from, to);
        Map<Long, Map<SlipReason, RepFacts.Slip>> result = new HashMap<>();
        for (FunnelFlows.OverdueDeal d : flows.overdue(owners, from, to)) {
            Delay r = reasons.get(d.id());
            if (r != null) {
                result.computeIfAbsent(d.ownerId(), k -> new EnumMap<>(SlipReason.class))
                        .merge(
                                r.reason(),
                                new RepFacts.Slip(1, d.amount(), r.workingDays()),
                                (a, b) -> new RepFacts.Slip(
                                        a.deals() + b.deals(),
                                        a.value().add(b.value()),
                                        Math.max(a.longestWorkingDays(), b.longestWorkingDays())));
            }
        }
        return result;
    }

    /** Why a deal slipped and how many working days the delay lasted. */
    private record Delay(SlipReason reason, double workingDays) {}

    /** Deals expected in the month, open at its end, each with the first process reason that held it up. */
    private Map<Long, Delay> slippedDeals(Set<Long> owners, LocalDate from, LocalDate to) {
        List<FunnelFlows.OverdueDeal> overdue = flows.overdue(owners, from, to);
        OffsetDateTime start = from.atStartOfDay(clock.getZone()).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        Map<Long, Double> approvalWait = new HashMap<>();
        Map<Long, Double> quoteWait = new HashMap<>();
        for (QuoteTimings.QuoteTiming q : quotes.forOpportunities(
                overdue.stream().map(FunnelFlows.OverdueDeal::id).toList(), end)) {
            if (q.requestedAt() != null
                    && (q.decidedAt() == null || !q.decidedAt().isBefore(start))) {
                approvalWait.merge(q.opportunityId(), workingDays(q.requestedAt(), q.decidedAt(), end), Math::max);
            }
            if (q.sentAt() == null || !q.sentAt().isBefore(start)) {
                quoteWait.merge(q.opportunityId(), workingDays(q.createdAt(), q.sentAt(), end), Math::max);
            }
        }
        Map<Long, Delay> result = new HashMap<>();
        for (FunnelFlows.OverdueDeal d : overdue) {
            double approval = approvalWait.getOrDefault(d.id(), 0.0);
            double quote = quoteWait.getOrDefault(d.id(), 0.0);
            if (approval > SLOW_WORKING_DAYS) {
                result.put(d.id(), new Delay(SlipReason.APPROVAL, approval));
            } else if (quote > SLOW_WORKING_DAYS) {
                result.put(d.id(), new Delay(SlipReason.QUOTE, quote));
            } else if (d.stageEnteredAt().plusDays(d.slaDays()).isBefore(end)) {
                result.put(d.id(), new Delay(SlipReason.DWELL, workingDays(d.stageEnteredAt(), end, end)));
            }
        }
        return result;
    }

    /** Approval waits and quote turnarounds beyond this many working days count as process delays (PRODUCT Q4). */
    static final int SLOW_WORKING_DAYS = 2;

    private double workingDays(OffsetDateTime from, OffsetDateTime until, OffsetDateTime end) {
        OffsetDateTime to = until == null || until.isAfter(end) ? end : until;
        return calendar.workingDaysBetween(
                from.atZoneSameInstant(calendar.zone()).toLocalDate(),
                to.atZoneSameInstant(calendar.zone()).toLocalDate());
    }
}
