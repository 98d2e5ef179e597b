package app.lantern.quote;

import static lantern.db.Tables.QUOTES;
import static lantern.db.Tables.QUOTE_FEEDBACK_TAGS;
import static lantern.db.Tables.QUOTE_LINES;

import app.lantern.activity.Activities;
import app.lantern.activity.ActivityRef;
import app.lantern.activity.ActivityType;
import app.lantern.audit.AuditLog;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.identity.DataScope;
import app.lantern.identity.DataScopes;
import app.lantern.identity.Directory;
import app.lantern.identity.RecordKind;
import app.lantern.identity.Role;
import app.lantern.identity.UserSummary;
import app.lantern.shared.ValidationException;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lantern.db.tables.records.QuotesRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weekly quote health report (报价健康度周报, Q7): per rep quote timeliness in working hours (latest demo on the
 * opportunity — or the quote's creation when there was none — to sending), feedback distribution, acceptance rate,
 * the top-3 products by price acceptance and the demo → quote → signed funnel. Scoped to the reader's quotes.
 */
@Service
@Transactional(readOnly = true)
public class QuoteHealthReport {

    private final DSLContext db;
    private final DataScopes scopes;
    private final Directory directory;
    private final Activities activities;
    private final WorkingCalendar calendar;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;
    private final DayOfWeek pushDay;

    private final FeedbackTagLabels labels;

    QuoteHealthReport(
            DSLContext db,
            DataScopes scopes,
            Directory directory,
            Activities activities,
            WorkingCalendar calendar,
            ApplicationEventPublisher events,
            AuditLog audit,
            Clock clock,
            FeedbackTagLabels labels,
            @Value("${lantern.quote.weekly-report-day:FRIDAY}") DayOfWeek pushDay) {
        this.labels = labels;
        this.db = db;
        this.scopes = scopes;
        this.directory = directory;
        this.activities = activities;
        this.calendar = calendar;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.pushDay = pushDay;
    }

    public record RepRow(
            long userId,
            String name,
            int created,
            int sent,
            int signed,
            int accepted,
            int withFeedback,
            double acceptanceRate,
            Double averageHoursToSend,
            Map<String, Integer> feedback) {}

    public record ProductAcceptance(
            String sku, String name, int quoted, int accepted, double acceptanceRate, BigDecimal averageDiscount) {}

    public record Report(
            LocalDate from,
            LocalDate to,
            List<RepRow> reps,
            RepRow team,
            Map<String, String> tagLabels,
            List<ProductAcceptance> topProducts,
            int demos,
            int quotesSent,
            int signed,
            double demoToQuote,
            double quoteToSigned,
            Map<String, Double> approvalLatencyHours) {

        public boolean empty() {
            return team.created() == 0 && team.sent() == 0 && demos == 0;
        }
    }

    /** The week (Monday–Sunday) containing {@code day}, or {@code weeks} weeks ending with it. */
    public Report forWeeks(LocalDate day, int weeks) {
        if (weeks < 1 || weeks > 26) {
            throw ValidationException.field("weeks", "must be between 1 and 26");
        }
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate from = monday.minusWeeks(weeks - 1L);
        return build(scopes.current(RecordKind.QUOTE), from, monday.plusDays(7));
    }

    Report build(DataScope scope, LocalDate from, LocalDate toExclusive) {
        OffsetDateTime start = from.atStartOfDay(clock.getZone()).toOffsetDateTime();
        OffsetDateTime end = toExclusive.atStartOfDay(clock.getZone()).toOffsetDateTime();
        List<QuotesRecord> created = db.selectFrom(QUOTES)
                .where(scope.condition(QUOTES.OWNER_ID))
                .and(QUOTES.CREATED_AT.ge(start).and(QUOTES.CREATED_AT.lt(end)))
                .fetch();
        List<QuotesRecord> sent = db.selectFrom(QUOTES)
                .where(scope.condition(QUOTES.OWNER_ID))
                .and(QUOTES.SENT_AT.ge(start).and(QUOTES.SENT_AT.lt(end)))
                .fetch();
        Map<String, String> tagLabels = new LinkedHashMap<>();
        Set<String> acceptedTags = new java.util.HashSet<>();
        db.selectFrom(QUOTE_FEEDBACK_TAGS).orderBy(QUOTE_FEEDBACK_TAGS.POSITION).forEach(t -> {
            tagLabels.put(t.getCode(), labels.label(t.getCode(), t.getLabel()));
            if (t.getAccepted()) {
                acceptedTags.add(t.getCode());
            }
        });
        Set<Long> owners = new java.util.TreeSet<>();
        created.forEach(q -> owners.add(q.getOwnerId()));
        sent.forEach(q -> owners.add(q.getOwnerId()));
        Set<Long> scopeOwners = scope.isEverything()
                ? directory.users().stream()
                        .filter(u -> u.active() && u.roles().contains(Role.REP))
                        .map(UserSummary::id)
                        .collect(Collectors.toSet())
                : scope.ownerIds();
        owners.addAll(scopeOwners.stream()
                .filter(id -> directory
                        .user(id)
                        .map(u -> u.roles().contains(Role.REP))
                        .orElse(false))
                .toList());
        List<ActivityRef> acts = activities.between(scopeOwners, start.minusDays(60), end);
        Map<Long, List<ActivityRef>> demosByOpportunity = new HashMap<>();
        int demos = 0;
        for (ActivityRef a : acts) {
            if (a.type() == ActivityType.DEMO) {
                if (a.opportunityId() != null) {
                    demosByOpportunity
                            .computeIfAbsent(a.opportunityId(), k -> new ArrayList<>())
                            .add(a);
                }
                if (!a.occurredAt().isBefore(start) && a.occurredAt().isBefore(end)) {
                    demos++;
                }
            }
        }
        Map<Long, String> names = new HashMap<>();
        directory.users().forEach(u -> names.put(u.id(), u.displayName()));
        List<RepRow> rows = new ArrayList<>();
        for (Long owner : owners) {
            rows.add(row(
                    owner,
                    names.getOrDefault(owner, "#" + owner),
                    created,
                    sent,
                    acceptedTags,
                    tagLabels,
                    demosByOpportunity));
        }
        rows.sort(Comparator.comparing(RepRow::name));
        RepRow team = row(null, "合计", created, sent, acceptedTags, tagLabels, demosByOpportunity);
        int signed = (int) sent.stream().filter(q -> q.getSignedAt() != null).count();
        return new Report(
                from,
                toExclusive.minusDays(1),
                rows,
                team,
                tagLabels,
                topProducts(sent, acceptedTags),
                demos,
                sent.size(),
                signed,
                demos == 0 ? 0 : Math.min(1.0, sent.size() / (double) demos),
                sent.isEmpty() ? 0 : signed / (double) sent.size(),
                approvalLatency(scope, start, end));
    }

    private RepRow row(
            Long owner,
            String name,
            List<QuotesRecord> created,
            List<QuotesRecord> sent,
            Set<String> acceptedTags,
            Map<String, String> tagLabels,
            Map<Long, List<ActivityRef>> demos) {
        List<QuotesRecord> c = created.stream()
                .filter(q -> owner == null || q.getOwnerId() == owner.longValue())
                .toList();
        List<QuotesRecord> s = sent.stream()
                .filter(q -> owner == null || q.getOwnerId() == owner.longValue())
                .toList();
        int signed = (int) s.stream().filter(q -> q.getSignedAt() != null).count();
        int accepted = (int) s.stream().filter(q -> accepted(q, acceptedTags)).count();
        int withFeedback =
                (int) s.stream().filter(q -> q.getFeedbackTag() != null).count();
        Map<String, Integer> feedback = new LinkedHashMap<>();
        tagLabels.keySet().forEach(k -> feedback.put(k, 0));
        s.stream()
                .filter(q -> q.getFeedbackTag() != null)
                .forEach(q -> feedback.merge(q.getFeedbackTag(), 1, Integer::sum));
        List<Double> hours = new ArrayList<>();
        for (QuotesRecord q : s) {
            OffsetDateTime begin = q.getCreatedAt();
            if (q.getOpportunityId() != null) {
                for (ActivityRef demo : demos.getOrDefault(q.getOpportunityId(), List.of())) {
                    if (demo.occurredAt().isBefore(q.getSentAt())
                            && demo.occurredAt().isAfter(q.getSentAt().minusDays(60))
                            && (begin == q.getCreatedAt() || demo.occurredAt().isAfter(begin))) {
                        begin = demo.occurredAt();
                    }
                }
            }
            hours.add(
                    calendar.workingTimeBetween(begin.toInstant(), q.getSentAt().toInstant())
                                    .toMinutes()
                            / 60.0);
        }
        Double avg = hours.isEmpty()
                ? null
                : Math.round(hours.stream()
                                        .mapToDouble(Double::doubleValue)
                                        .average()
                                        .orElse(0)
                                * 10)
                        / 10.0;
        return new RepRow(
                owner == null ? 0 : owner,
                name,
                c.size(),
                s.size(),
                signed,
                accepted,
                withFeedback,
                s.isEmpty() ? 0 : accepted / (double) s.size(),
                avg,
                feedback);
    }

    static boolean accepted(QuotesRecord q, Set<String> acceptedTags) {
        return q.getSignedAt() != null || (q.getFeedbackTag() != null && acceptedTags.contains(q.getFeedbackTag()));
    }

    private List<ProductAcceptance> topProducts(List<QuotesRecord> sent, Set<String> acceptedTags) {
        List<QuotesRecord> decided = sent.stream()
                .filter(q -> q.getSignedAt() != null || q.getFeedbackTag() != null)
                .toList();
        if (decided.isEmpty()) {
            return List.of();
        }
        Map<Long, QuotesRecord> byId = decided.stream().collect(Collectors.toMap(QuotesRecord::getId, q -> q));
        record Acc(String sku, String name, Set<Long> quoted, Set<Long> accepted, List<BigDecimal> discounts) {}
        Map<Long, Acc> byProduct = new LinkedHashMap<>();
        db.selectFrom(QUOTE_LINES).where(QUOTE_LINES.QUOTE_ID.in(byId.keySet())).forEach(l -> {
            Acc acc = byProduct.computeIfAbsent(
                    l.getProductId(),
                    k -> new Acc(
                            l.getSku(),
                            l.getName(),
                            new java.util.HashSet<>(),
                            new java.util.HashSet<>(),
                            new ArrayList<>()));
            acc.quoted().add(l.getQuoteId());
            acc.discounts().add(l.getDiscount());
            if (accepted(byId.get(l.getQuoteId()), acceptedTags)) {
                acc.accepted().add(l.getQuoteId());
            }
        });
        return byProduct.values().stream()
                .filter(a -> a.quoted().size() >= 2)
                .map(a -> new ProductAcceptance(
                        a.sku(),
                        a.name(),
                        a.quoted().size(),
                        a.accepted().size(),
                        a.accepted().size() / (double) a.quoted().size(),
                        a.discounts().stream()
                                .reduce(BigDecimal.ZERO, BigDecimal::add)
                                .divide(BigDecimal.valueOf(a.discounts().size()), 1, java.math.RoundingMode.HALF_UP)))
                .sorted(Comparator.comparingDouble(ProductAcceptance::acceptanceRate)
                        .reversed()
                        .thenComparing(Comparator.comparingInt(ProductAcceptance::quoted)
                                .reversed()))
                .limit(3)
                .toList();
    }

    private Map<String, Double> approvalLatency(DataScope scope, OffsetDateTime start, OffsetDateTime end) {
        Map<String, List<Double>> byRole = new LinkedHashMap<>();
        db.select(
                        lantern.db.Tables.QUOTE_APPROVALS.ROLE,
                        lantern.db.Tables.QUOTE_APPROVALS.REQUESTED_AT,
                        lantern.db.Tables.QUOTE_APPROVALS.DECIDED_AT)
                .from(lantern.db.Tables.QUOTE_APPROVALS)
                .join(QUOTES)
                .on(QUOTES.ID.eq(lantern.db.Tables.QUOTE_APPROVALS.QUOTE_ID))
                .where(scope.condition(QUOTES.OWNER_ID))
                .and(lantern.db.Tables.QUOTE_APPROVALS.DECIDED_AT.ge(start))
                .and(lantern.db.Tables.QUOTE_APPROVALS.DECIDED_AT.lt(end))
                .forEach(r -> byRole.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(calendar.workingTimeBetween(
                                                r.value2().toInstant(),
                                                r.value3().toInstant())
                                        .toMinutes()
                                / 60.0));
        Map<String, Double> result = new LinkedHashMap<>();
        byRole.forEach((k, v) -> result.put(
                k,
                Math.round(v.stream().mapToDouble(Double::doubleValue).average().orElse(0) * 10) / 10.0));
        return result;
    }

    // ---- export

    /** The report as xlsx; text cells that a spreadsheet could read as a formula are prefixed with an apostrophe. */
    public void writeXlsx(Report r, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Lantern", "1.0");
        Worksheet ws = wb.newWorksheet("报价健康度周报");
        int row = 0;
        ws.value(row, 0, "报价健康度周报 " + r.from() + " 至 " + r.to());
        row += 2;
        String[] head = {"销售", "新建报价", "已发送", "已签署", "已接受", "接受率", "平均报价时效(工作小时)"};
        for (int c = 0; c < head.length; c++) {
            ws.value(row, c, head[c]);
        }
        int col = head.length;
        for (String label : r.tagLabels().values()) {
            ws.value(row, col++, safe(label));
        }
        row++;
        List<RepRow> all = new ArrayList<>(r.reps());
        all.add(r.team());
        for (RepRow rep : all) {
            ws.value(row, 0, safe(rep.name()));
            ws.value(row, 1, rep.created());
            ws.value(row, 2, rep.sent());
            ws.value(row, 3, rep.signed());
            ws.value(row, 4, rep.accepted());
            ws.value(row, 5, Math.round(rep.acceptanceRate() * 1000) / 10.0);
            if (rep.averageHoursToSend() != null) {
                ws.value(row, 6, rep.averageHoursToSend());
            }
            int c = head.length;
            for (String tag : r.tagLabels().keySet()) {
                ws.value(row, c++, rep.feedback().getOrDefault(tag, 0));
            }
            row++;
        }
        row++;
        ws.value(row++, 0, "价格接受度 TOP3 产品");
        ws.value(row, 0, "编码");
        ws.value(row, 1, "名称");
        ws.value(row, 2, "报价次数");
        ws.value(row, 3, "接受次数");
        ws.value(row, 4, "接受率%");
        ws.value(row++, 5, "平均折扣%");
        for (ProductAcceptance p : r.topProducts()) {
            ws.value(row, 0, safe(p.sku()));
            ws.value(row, 1, safe(p.name()));
            ws.value(row, 2, p.quoted());
            ws.value(row, 3, p.accepted());
            ws.value(row, 4, Math.round(p.acceptanceRate() * 1000) / 10.0);
            ws.value(row++, 5, p.averageDiscount());
        }
        row++;
        ws.value(row++, 0, "转化漏斗");
        ws.value(row, 0, "方案演示");
        ws.value(row++, 1, r.demos());
        ws.value(row, 0, "报价发送");
        ws.value(row++, 1, r.quotesSent());
        ws.value(row, 0, "客户签署");
        ws.value(row, 1, r.signed());
        wb.finish();
    }

    static String safe(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }

    // ---- weekly push

    /**
     * Whether the weekly report goes out on {@code day}: the configured weekday (default Friday) when it is a working day,
     * otherwise the last working day before it in the same week.
     */
    boolean isPushDay(LocalDate day) {
        if (!calendar.isWorkingDay(day) || day.getDayOfWeek().getValue() > pushDay.getValue()) {
            return false;
        }
        for (LocalDate d = day.plusDays(1);
                d.getDayOfWeek().getValue() <= pushDay.getValue() && d.getDayOfWeek() != DayOfWeek.MONDAY;
                d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                return false;
            }
        }
        return true;
    }

    /** Sends this week's report to every manager (their teams) and executive (everything) if today is the push day. */
    @Transactional
    public int pushIfDue(LocalDate today) {
        if (!isPushDay(today)) {
            return 0;
        }
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int sent = 0;
        for (UserSummary u : directory.users()) {
            if (!u.active() || !(u.roles().contains(Role.MANAGER) || u.roles().contains(Role.EXECUTIVE))) {
                continue;
            }
            var actor = new app.lantern.identity.Actor(u.id(), u.username(), u.displayName(), u.roles(), u.teamId());
            Report r = build(scopes.of(actor, RecordKind.QUOTE), monday, monday.plusDays(7));
            String summary = "本周发送报价 %d 份，签署 %d 份，接受率 %.0f%%，平均报价时效 %s 工作小时；演示→报价 %.0f%%，报价→签署 %.0f%%"
                    .formatted(
                            r.quotesSent(),
                            r.signed(),
                            r.team().acceptanceRate() * 100,
                            r.team().averageHoursToSend() == null
                                    ? "—"
                                    : String.valueOf(r.team().averageHoursToSend()),
                            r.demoToQuote() * 100,
                            r.quoteToSigned() * 100);
            events.publishEvent(new QuoteWeeklyReportReady(
                    u.id(), monday, "报价健康度周报 " + monday, summary, "/quotes/weekly?week=" + monday));
            sent++;
        }
        audit.recordedBy(
                null, "quote-weekly-report", monday.toString(), "quote.weekly.pushed", Map.of("recipients", sent));
        return sent;
    }
}
