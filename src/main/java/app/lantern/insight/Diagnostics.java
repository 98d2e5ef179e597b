package app.lantern.insight;

import static lantern.db.Tables.DIAGNOSTIC_RUNS;

import app.lantern.activity.Activities;
import app.lantern.activity.ActivityInsights;
import app.lantern.activity.ActivityRef;
import app.lantern.activity.BackfillSummary;
import app.lantern.activity.DailyReports;
import app.lantern.audit.AuditLog;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.DataScopes;
import app.lantern.identity.Directory;
import app.lantern.identity.Role;
import app.lantern.identity.UserSummary;
import app.lantern.notification.ChannelReach;
import app.lantern.notification.Notifications;
import app.lantern.pipeline.OpportunityStatus;
import app.lantern.pipeline.RecordQuality;
import app.lantern.quote.QuoteTimings;
import app.lantern.shared.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.ListSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.jooq.DSLContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * P8: the five checks of the sales process in one run, over the caller's scope — key fields kept, evidence behind
 * moves to the proposal stage (a random sample), approval latency and the deals lost after slow approvals, daily
 * reports and back-fill, and channel reach — each with a 0–100 score, findings with their evidence and concrete fixes.
 * Runs are stored so that two can be compared.
 */
@Service
public class Diagnostics {

    /** A finding and the records that show it. */
    public record Finding(String text, List<String> evidence) {}

    /** One check: {@code status} is OK or FLAGGED. */
    public record Check(String check, int score, String status, List<Finding> findings, List<String> fixes) {}

    public record Run(String id, OffsetDateTime runAt, int owners, int overall, List<Check> checks) {}

    /** The stage position of "proposal confirmed" (招标/方案, 方案报价) in the built-in pipelines. */
    static final int PROPOSAL_POSITION = 4;

    static final int SAMPLE = 5;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RecordQuality records;
    private final Activities activities;
    private final ActivityInsights activityInsights;
    private final DailyReports dailyReports;
    private final QuoteTimings quotes;
    private final Notifications notifications;
    private final DataScopes scopes;
    private final CurrentActor currentActor;
    private final Directory directory;
    private final WorkingCalendar calendar;
    private final MessageSource messages;
    private final DSLContext db;
    private final AuditLog audit;
    private final Clock clock;

    Diagnostics(
            RecordQuality records,
            Activities activities,
            ActivityInsights activityInsights,
            DailyReports dailyReports,
            QuoteTimings quotes,
            Notifications notifications,
            DataScopes scopes,
            CurrentActor currentActor,
            Directory directory,
            WorkingCalendar calendar,
            MessageSource messages,
            DSLContext db,
            AuditLog audit,
            Clock clock) {
        this.audit = audit;
        this.records = records;
        this.activities = activities;
        this.activityInsights = activityInsights;
        this.dailyReports = dailyReports;
        this.quotes = quotes;
        this.notifications = notifications;
        this.scopes = scopes;
        this.currentActor = currentActor;
        this.directory = directory;
        this.calendar = calendar;
        this.messages = messages;
        this.db = db;
        this.clock = clock;
    }

    /** Runs the five checks over the caller's reps and stores the run. */
    @Transactional
    public Run run(Locale locale) {
        Actor actor = currentActor.require();
        Set<Long> owners = owners(actor);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Check> checks = List.of(
                fields(owners, locale),
                evidence(owners, now, locale),
                approvals(owners, now, locale),
                reports(owners, now, locale),
                reach(locale));
        int overall = (int)
                Math.round(checks.stream().mapToInt(Check::score).average().orElse(100));
        long id = db.insertInto(DIAGNOSTIC_RUNS)
                .set(DIAGNOSTIC_RUNS.RUN_AT, now)
                .set(DIAGNOSTIC_RUNS.RUN_BY, actor.userId())
                .set(DIAGNOSTIC_RUNS.OWNERS, owners.size())
                .set(DIAGNOSTIC_RUNS.OVERALL, overall)
                .set(DIAGNOSTIC_RUNS.RESULT, JSON.writeValueAsString(checks))
                .returning(DIAGNOSTIC_RUNS.ID)
                .fetchOne()
                .getId();
        audit.recorded("diagnostic", id, "ran", Map.of("owners", owners.size(), "overall", overall));
        return new Run(String.valueOf(id), now, owners.size(), overall, checks);
    }

    /** The caller's runs, newest first (at most 20). */
    @Transactional(readOnly = true)
    public List<Run> history() {
        return db.selectFrom(DIAGNOSTIC_RUNS)
                .where(DIAGNOSTIC_RUNS.RUN_BY.eq(currentActor.require().userId()))
                .orderBy(DIAGNOSTIC_RUNS.RUN_AT.desc(), DIAGNOSTIC_RUNS.ID.desc())
                .limit(20)
                .fetch(r -> new Run(
                        String.valueOf(r.getId()),
                        r.getRunAt(),
                        r.getOwners(),
                        r.getOverall(),
                        List.of(JSON.readValue(r.getResult(), Check[].class))));
    }

    /** One of the caller's runs (404 for anyone else's). */
    @Transactional(readOnly = true)
    public Run get(long id) {
        return history().stream()
                .filter(r -> r.id().equals(String.valueOf(id)))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("diagnostic run", id));
    }

    private Set<Long> owners(Actor actor) {
        boolean everything = actor.has(Role.EXECUTIVE) || actor.has(Role.ADMIN);
        Set<Long> visible = everything ? null : scopes.visibleOwners(actor);
        return directory.usersWithRole(Role.REP).stream()
                .filter(UserSummary::active)
                .map(UserSummary::id)
                .filter(id -> visible == null || visible.contains(id))
                .collect(Collectors.toSet());
    }

    private Check fields(Set<Long> owners, Locale locale) {
        RecordQuality.Completeness c = records.completeness(owners);
        List<Finding> findings = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        double worst = 0;
        double sum = 0;
        for (var e : Map.of(
                        "lastContact", c.missingLastContact(),
                        "coreNeed", c.missingCoreNeed(),
                        "blocker", c.missingBlocker())
                .entrySet()
                .stream()
                .sorted(Map.Entry.comparingByKey())
                .toList()) {
            double share = c.open() == 0 ? 0 : (double) e.getValue() / c.open();
            worst = Math.max(worst, share);
            sum += share;
            String field = msg("diagnostic.field." + e.getKey(), locale);
            findings.add(new Finding(
                    msg("diagnostic.fields.finding", locale, field, percent(share), e.getValue(), c.open()),
                    List.of()));
            if (share > 0.3) {
                fixes.add(msg("diagnostic.fields.fix." + e.getKey(), locale, field));
            }
        }
        int score = (int) Math.round(100 * (1 - sum / 3));
        return new Check("FIELD_COMPLETENESS", score, worst > 0.3 ? "FLAGGED" : "OK", findings, fixes);
    }

    private Check evidence(Set<Long> owners, OffsetDateTime now, Locale locale) {
        OffsetDateTime since = now.minusDays(3);
        List<RecordQuality.StageEntry> moved = records.entries(owners, PROPOSAL_POSITION, since, now);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create();
        List<RecordQuality.StageEntry> sample = moved.size() <= SAMPLE ? moved : ListSampler.sample(rng, moved, SAMPLE);
        Map<Long, List<ActivityRef>> logged =
                activities
                        .onOpportunities(sample.stream()
                                .map(RecordQuality.StageEntry::opportunityId)
                                .toList())
                        .stream()
                        .collect(Collectors.groupingBy(ActivityRef::opportunityId));
        List<Finding> findings = new ArrayList<>();
        int supported = 0;
        for (RecordQuality.StageEntry e : sample) {
            List<String> evidence = logged.getOrDefault(e.opportunityId(), List.of()).stream()
                    .filter(a -> !a.occurredAt().isAfter(e.enteredAt())
                            && a.occurredAt().isAfter(e.enteredAt().minusDays(30)))
                    .limit(3)
                    .map(a -> a.occurredAt().toLocalDate() + " " + msg("activity.type." + a.type(), locale)
                            + (a.outcome() == null ? "" : "：" + a.outcome()))
                    .toList();
            if (!evidence.isEmpty()) {
                supported++;
            }
            findings.add(new Finding(
                    msg(
                            evidence.isEmpty() ? "diagnostic.evidence.none" : "diagnostic.evidence.some",
                            locale,
                            e.name(),
                            e.stageName(),
                            e.enteredAt().toLocalDate()),
                    evidence));
        }
        if (sample.isEmpty()) {
            findings.add(new Finding(msg("diagnostic.evidence.empty", locale), List.of()));
        }
        int score = sample.isEmpty() ? 100 : (int) Math.round(100.0 * supported / sample.size());
        List<String> fixes = score < 80 ? List.of(msg("diagnostic.evidence.fix", locale)) : List.of();
        return new Check("STAGE_EVIDENCE", score, score < 80 ? "FLAGGED" : "OK", findings, fixes);
    }

    private Check approvals(Set<Long> owners, OffsetDateTime now, Locale locale) {
        List<QuoteTimings.QuoteTiming> steps = quotes.approvalsRequested(owners, now.minusDays(30), now);
        List<QuoteTimings.QuoteTiming> slow = new ArrayList<>();
        for (QuoteTimings.QuoteTiming s : steps) {
            if (waited(s, now) > Attribution.SLOW_WORKING_DAYS) {
                slow.add(s);
            }
        }
        Map<Long, Map.Entry<String, OpportunityStatus>> deals = records.statuses(slow.stream()
                .map(QuoteTimings.QuoteTiming::opportunityId)
                .filter(id -> id != 0)
                .collect(Collectors.toSet()));
        List<String> lostAfter = slow.stream()
                .filter(s -> deals.containsKey(s.opportunityId())
                        && deals.get(s.opportunityId()).getValue() == OpportunityStatus.LOST)
                .map(s -> s.number() + " · " + deals.get(s.opportunityId()).getKey())
                .distinct()
                .toList();
        double share = steps.isEmpty() ? 0 : (double) slow.size() / steps.size();
        List<Finding> findings = new ArrayList<>();
        findings.add(new Finding(
                msg("diagnostic.approvals.finding", locale, slow.size(), steps.size(), percent(share)),
                slow.stream()
                        .limit(10)
                        .map(s -> msg("diagnostic.approvals.slow", locale, s.number(), waited(s, now)))
                        .toList()));
        findings.add(new Finding(msg("diagnostic.approvals.lost", locale, lostAfter.size()), lostAfter));
        List<String> fixes = slow.isEmpty() ? List.of() : List.of(msg("diagnostic.approvals.fix", locale));
        return new Check(
                "APPROVAL_LATENCY",
                (int) Math.round(100 * (1 - share)),
                slow.isEmpty() ? "OK" : "FLAGGED",
                findings,
                fixes);
    }

    private int waited(QuoteTimings.QuoteTiming s, OffsetDateTime now) {
        OffsetDateTime until = s.decidedAt() == null ? now : s.decidedAt();
        return calendar.workingDaysBetween(
                s.requestedAt().atZoneSameInstant(calendar.zone()).toLocalDate(),
                until.atZoneSameInstant(calendar.zone()).toLocalDate());
    }

    private Check reports(Set<Long> owners, OffsetDateTime now, Locale locale) {
        LocalDate today = now.atZoneSameInstant(calendar.zone()).toLocalDate();
        LocalDate to = calendar.previousWorkingDay(today);
        LocalDate from = calendar.addWorkingDays(to, -19);
        double rate = dailyReports.submissionRate(owners, from, to);
        List<BackfillSummary> backfill = activityInsights.backfill(from, to).stream()
                .filter(b -> owners.contains(b.ownerId()))
                .toList();
        int total = backfill.stream().mapToInt(BackfillSummary::total).sum();
        int flagged = backfill.stream().mapToInt(b -> b.late() + b.burst()).sum();
        double share = total == 0 ? 0 : (double) flagged / total;
        List<Finding> findings = List.of(
                new Finding(msg("diagnostic.reports.rate", locale, percent(rate), from, to), List.of()),
                new Finding(
                        msg("diagnostic.reports.backfill", locale, percent(share), flagged, total),
                        backfill.stream()
                                .filter(b -> b.share() > 0.2)
                                .map(b -> b.name() + " " + percent(b.share()))
                                .toList()));
        boolean flag = rate < 0.85 || share > 0.2;
        List<String> fixes = new ArrayList<>();
        if (rate < 0.85) {
            fixes.add(msg("diagnostic.reports.fix.rate", locale));
        }
        if (share > 0.2) {
            fixes.add(msg("diagnostic.reports.fix.backfill", locale));
        }
        int score = (int) Math.round(100 * Math.min(1, rate / 0.85) * (1 - share));
        return new Check("DAILY_REPORTS", score, flag ? "FLAGGED" : "OK", findings, fixes);
    }

    private Check reach(Locale locale) {
        List<ChannelReach> reach = notifications.reach(Duration.ofDays(30));
        long sent = reach.stream().mapToLong(ChannelReach::sent).sum();
        long delivered = reach.stream().mapToLong(ChannelReach::delivered).sum();
        double rate = sent == 0 ? 1 : (double) delivered / sent;
        List<Finding> findings = List.of(new Finding(
                msg("diagnostic.reach.finding", locale, percent(rate), delivered, sent),
                reach.stream()
                        .map(r -> r.channel() + " " + r.ratePercent() + " %（" + r.delivered() + "/" + r.sent() + "）")
                        .toList()));
        List<String> fixes = rate < 0.95 ? List.of(msg("diagnostic.reach.fix", locale)) : List.of();
        return new Check(
                "INTEGRATION_REACH", (int) Math.round(100 * rate), rate < 0.95 ? "FLAGGED" : "OK", findings, fixes);
    }

    private static String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
