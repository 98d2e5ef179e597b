package app.lantern.quote;

import static lantern.db.Tables.QUOTES;
import static lantern.db.Tables.QUOTE_APPROVALS;
import static lantern.db.Tables.QUOTE_BUNDLE_ITEMS;
import static lantern.db.Tables.QUOTE_PRICE_BOOKS;
import static lantern.db.Tables.QUOTE_PRICE_BOOK_ENTRIES;
import static lantern.db.Tables.QUOTE_PRODUCTS;

import app.lantern.calendar.WorkingCalendar;
import app.lantern.customer.CustomerRef;
import app.lantern.customer.Customers;
import app.lantern.identity.Directory;
import app.lantern.identity.Role;
import app.lantern.identity.UserSummary;
import app.lantern.pipeline.Opportunities;
import app.lantern.pipeline.OpportunityRef;
import app.lantern.pipeline.OpportunityStatus;
import app.lantern.shared.demo.DemoContext;
import app.lantern.shared.demo.DemoDataContributor;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Demo catalog for both demo product lines (SaaS, 医疗器械) and about 400 quotes (× scale) over the last 12 weeks in
 * every state, with approvals and feedback whose patterns the weekly report shows: deep discounts get signed less, price
 * sensitivity dominates feedback on large totals, some reps quote slowly.
 */
@Component
class QuoteDemoData implements DemoDataContributor {

    private static final Logger log = LoggerFactory.getLogger(QuoteDemoData.class);
    private static final String[] TAGS = {
        "PRICE_SENSITIVE", "DELIVERY_CONCERN", "COMPETITOR", "DECISION_CHAIN", "ACCEPTED"
    };

    private final DSLContext db;
    private final QuoteDrafting drafting;
    private final Opportunities opportunities;
    private final Customers customers;
    private final Directory directory;
    private final WorkingCalendar calendar;

    QuoteDemoData(
            DSLContext db,
            QuoteDrafting drafting,
            Opportunities opportunities,
            Customers customers,
            Directory directory,
            WorkingCalendar calendar) {
        this.db = db;
        this.calendar = calendar;
        this.drafting = drafting;
        this.opportunities = opportunities;
        this.customers = customers;
        this.directory = directory;
    }

    @Override
    public int order() {
        return 450;
    }

    record Item(
            String sku, String name, String kind, String unit, String price, String cost, String tax, String line) {}

    static final List<Item> CATALOG = List.of(
            new Item("SAAS-STD", "明灯销售云 标准版（用户/年）", "PRODUCT", "用户·年", "1200.00", "180.00", "6", "SaaS"),
            new Item("SAAS-PRO", "明灯销售云 专业版（用户/年）", "PRODUCT", "用户·年", "2400.00", "320.00", "6", "SaaS"),
            new Item("SAAS-ENT", "明灯销售云 企业版（用户/年）", "PRODUCT", "用户·年", "4800.00", "600.00", "6", "SaaS"),
            new Item("SAAS-BI", "经营分析看板模块", "PRODUCT", "套·年", "36000.00", "6000.00", "6", "SaaS"),
            new Item("SVC-IMPL", "实施服务包（标准）", "SERVICE", "项", "28000.00", "16000.00", "6", "SaaS"),
            new Item("SVC-DATA", "历史数据迁移服务", "SERVICE", "项", "12000.00", "6000.00", "6", "SaaS"),
            new Item("TRN-COURSE", "销售管理训练营（2 天）", "PRODUCT", "人", "3800.00", "1200.00", "6", "SaaS"),
            new Item("TRN-COACH", "驻场辅导", "SERVICE", "人天", "6000.00", "2500.00", "6", "SaaS"),
            new Item("MED-US200", "便携式彩超 US-200", "PRODUCT", "台", "168000.00", "98000.00", "13", "医疗器械"),
            new Item("MED-MON5", "多参数监护仪 M5", "PRODUCT", "台", "32000.00", "17500.00", "13", "医疗器械"),
            new Item("MED-PUMP", "输液泵 IP-3", "PRODUCT", "台", "9800.00", "5200.00", "13", "医疗器械"),
            new Item("MED-CONS", "一次性耗材包（100 套）", "PRODUCT", "箱", "2600.00", "1300.00", "13", "医疗器械"),
            new Item("MED-INST", "运输与安装调试", "SERVICE", "次", "3000.00", "1600.00", "9", "医疗器械"),
            new Item("MED-CARE", "三年原厂维保服务包", "SERVICE", "台", "18000.00", "7000.00", "6", "医疗器械"));

    @Override
    public void contribute(DemoContext context) {
        Random random = context.random("quote");
        OffsetDateTime now = OffsetDateTime.now(context.clock());
        Map<String, Long> ids = new HashMap<>();
        for (Item i : CATALOG) {
            ids.put(
                    i.sku(),
                    db.select(QUOTE_PRODUCTS.ID)
                            .from(QUOTE_PRODUCTS)
                            .where(QUOTE_PRODUCTS.SKU.eq(i.sku()))
                            .fetchOptional(QUOTE_PRODUCTS.ID)
                            .orElseGet(() -> db.insertInto(QUOTE_PRODUCTS)
                                    .set(QUOTE_PRODUCTS.SKU, i.sku())
                                    .set(QUOTE_PRODUCTS.NAME, i.name())
                                    .set(QUOTE_PRODUCTS.KIND, i.kind())
                                    .set(QUOTE_PRODUCTS.UNIT, i.unit())
                                    .set(QUOTE_PRODUCTS.LIST_PRICE, new BigDecimal(i.price()))
                                    .set(QUOTE_PRODUCTS.COST, new BigDecimal(i.cost()))
                                    .set(QUOTE_PRODUCTS.TAX_RATE, new BigDecimal(i.tax()))
                                    .set(QUOTE_PRODUCTS.PRODUCT_LINE, i.line())
                                    .set(QUOTE_PRODUCTS.CREATED_AT, now)
                                    .set(QUOTE_PRODUCTS.UPDATED_AT, now)
                                    .returning(QUOTE_PRODUCTS.ID)
                                    .fetchOne()
                                    .getId()));
        }
        if (!db.fetchExists(QUOTE_PRODUCTS, QUOTE_PRODUCTS.SKU.eq("BDL-SALES"))) {
            bundle(
                    "BDL-SALES",
                    "课程组合：销售管理者进阶（训练营 + 驻场辅导）",
                    "SaaS",
                    "45000.00",
                    "16000.00",
                    "6",
                    Map.of(ids.get("TRN-COURSE"), "10", ids.get("TRN-COACH"), "2"),
                    now);
            bundle(
                    "BDL-ICU",
                    "科室套装：ICU 监护组合（监护仪 ×4 + 输液泵 ×4 + 安装）",
                    "医疗器械",
                    "158000.00",
                    "92000.00",
                    "13",
                    Map.of(ids.get("MED-MON5"), "4", ids.get("MED-PUMP"), "4", ids.get("MED-INST"), "1"),
                    now);
        }
        if (!db.fetchExists(QUOTE_PRICE_BOOKS, QUOTE_PRICE_BOOKS.NAME.eq("A 级客户协议价"))) {
            long book = db.insertInto(QUOTE_PRICE_BOOKS)
                    .set(QUOTE_PRICE_BOOKS.NAME, "A 级客户协议价")
                    .set(QUOTE_PRICE_BOOKS.CUSTOMER_TIER, "A")
                    .set(QUOTE_PRICE_BOOKS.CREATED_AT, now)
                    .returning(QUOTE_PRICE_BOOKS.ID)
                    .fetchOne()
                    .getId();
            for (Item i : CATALOG) {
                db.insertInto(QUOTE_PRICE_BOOK_ENTRIES)
                        .set(QUOTE_PRICE_BOOK_ENTRIES.PRICE_BOOK_ID, book)
                        .set(QUOTE_PRICE_BOOK_ENTRIES.PRODUCT_ID, ids.get(i.sku()))
                        .set(
                                QUOTE_PRICE_BOOK_ENTRIES.PRICE,
                                new BigDecimal(i.price())
                                        .multiply(new BigDecimal("0.95"))
                                        .setScale(2, RoundingMode.HALF_UP))
                        .execute();
            }
        }
        List<UserSummary> reps = directory.users().stream()
                .filter(u -> u.active() && u.roles().contains(Role.REP))
                .toList();
        Set<Long> owners =
                new LinkedHashSet<>(reps.stream().map(UserSummary::id).toList());
        List<OpportunityRef> opps = new ArrayList<>(opportunities.openFor(owners));
        opps.addAll(opportunities.closedBetween(owners, now.minusDays(120), now.plusDays(1)));
        opps.removeIf(o -> o.budgetRange() == null);
        if (opps.isEmpty()) {
            log.info("quote demo data: catalog only (no opportunities with a budget range to quote on)");
            return;
        }
        opps.sort(java.util.Comparator.comparingLong(OpportunityRef::id));
        List<lantern.db.tables.records.QuoteProductsRecord> products = db.selectFrom(QUOTE_PRODUCTS)
                .where(QUOTE_PRODUCTS
                        .SKU
                        .in(CATALOG.stream().map(Item::sku).toList())
                        .or(QUOTE_PRODUCTS.SKU.in("BDL-SALES", "BDL-ICU")))
                .orderBy(QUOTE_PRODUCTS.ID)
                .fetch();
        Map<Long, CustomerRef> customerCache = new HashMap<>();
        Map<Long, Long> managerOf = new HashMap<>();
        reps.forEach(r -> directory.directManagerOf(r.id()).ifPresent(m -> managerOf.put(r.id(), m.id())));
        int target = 400 * Math.max(1, context.scale());
        int made = 0;
        // most opportunities get one quote, some several (follow-up quotes); at most 40 each
        for (int round = 0; made < target && round < 40; round++) {
            for (OpportunityRef o : opps) {
                if (made >= target) {
                    break;
                }
                if (round > 0 && opps.size() * round < target && random.nextInt(3) == 0) {
                    continue;
                }
                CustomerRef c = customerCache.computeIfAbsent(
                        o.customerId(), id -> customers.find(id).orElse(null));
                if (c == null) {
                    continue;
                }
                quote(random, o, c, products, managerOf.get(o.ownerId()), now);
                made++;
            }
        }
        log.info("quote demo data: {} quotes on {} opportunities", made, opps.size());
        plantSlowApprovals(random, opps, products, customerCache, managerOf, now);
    }

    /**
     * The rep whose signings of last month slipped into this one (see the pipeline demo data) waited for approvals: a
     * quote on each of their deals at the last stage, open or won this month, sat with the manager from five working
     * days before month end to the third working day after it (or is still waiting).
     */
    private void plantSlowApprovals(
            Random random,
            List<OpportunityRef> opps,
            List<lantern.db.tables.records.QuoteProductsRecord> products,
            Map<Long, CustomerRef> customerCache,
            Map<Long, Long> managerOf,
            OffsetDateTime now) {
        UserSummary rep = directory.userByUsername(SLOW_APPROVAL_REP).orElse(null);
        if (rep == null || managerOf.get(rep.id()) == null) {
            return;
        }
        LocalDate monthEnd = now.atZoneSameInstant(calendar.zone())
                .toLocalDate()
                .withDayOfMonth(1)
                .minusDays(1);
        OffsetDateTime requested = calendar.addWorkingDays(monthEnd, -5)
                .atTime(10, 0)
                .atZone(calendar.zone())
                .toOffsetDateTime();
        OffsetDateTime decided = calendar.addWorkingDays(monthEnd, 3)
                .atTime(10, 0)
                .atZone(calendar.zone())
                .toOffsetDateTime();
        for (OpportunityRef o : opps) {
            boolean lastStage = o.stageName().equals("合同签署") || o.stageName().equals("签约");
            boolean slipped = o.status() == OpportunityStatus.OPEN
                    || (o.status() == OpportunityStatus.WON && o.closedAt().isAfter(requested));
            CustomerRef c = customerCache.computeIfAbsent(
                    o.customerId(), id -> customers.find(id).orElse(null));
            if (o.ownerId() != rep.id() || !lastStage || !slipped || c == null) {
                continue;
            }
            long quoteId = quote(random, o, c, products, managerOf.get(rep.id()), now);
            boolean waiting = decided.isAfter(now);
            db.update(QUOTES)
                    .set(QUOTES.CREATED_AT, requested.minusHours(1))
                    .set(QUOTES.SUBMITTED_AT, requested)
                    .set(QUOTES.STATUS, (waiting ? QuoteStatus.PENDING_APPROVAL : QuoteStatus.SENT).name())
                    .set(QUOTES.APPROVED_AT, waiting ? null : decided)
                    .set(QUOTES.SENT_AT, waiting ? null : decided.plusHours(1))
                    .where(QUOTES.ID.eq(quoteId))
                    .execute();
            db.deleteFrom(QUOTE_APPROVALS)
                    .where(QUOTE_APPROVALS.QUOTE_ID.eq(quoteId))
                    .execute();
            db.insertInto(QUOTE_APPROVALS)
                    .set(QUOTE_APPROVALS.QUOTE_ID, quoteId)
                    .set(QUOTE_APPROVALS.STEP, 1)
                    .set(QUOTE_APPROVALS.ROLE, ApprovalRole.MANAGER.name())
                    .set(QUOTE_APPROVALS.APPROVER_ID, managerOf.get(rep.id()))
                    .set(QUOTE_APPROVALS.STATUS, (waiting ? ApprovalStatus.PENDING : ApprovalStatus.APPROVED).name())
                    .set(QUOTE_APPROVALS.REQUESTED_AT, requested)
                    .set(QUOTE_APPROVALS.DECIDED_AT, waiting ? null : decided)
                    .set(QUOTE_APPROVALS.DECIDED_BY, waiting ? null : managerOf.get(rep.id()))
                    .set(QUOTE_APPROVALS.COMMENT, waiting ? null : "同意（折扣需总监确认，耗时较长）")
                    .execute();
        }
    }

    /** The rep the pipeline demo data slows down by approvals in the previous month. */
    static final String SLOW_APPROVAL_REP = "rep5";

    private long bundle(
            String sku,
            String name,
            String line,
            String price,
            String cost,
            String tax,
            Map<Long, String> items,
            OffsetDateTime now) {
        long id = db.insertInto(QUOTE_PRODUCTS)
                .set(QUOTE_PRODUCTS.SKU, sku)
                .set(QUOTE_PRODUCTS.NAME, name)
                .set(QUOTE_PRODUCTS.KIND, "BUNDLE")
                .set(QUOTE_PRODUCTS.UNIT, "套")
                .set(QUOTE_PRODUCTS.LIST_PRICE, new BigDecimal(price))
                .set(QUOTE_PRODUCTS.COST, new BigDecimal(cost))
                .set(QUOTE_PRODUCTS.TAX_RATE, new BigDecimal(tax))
                .set(QUOTE_PRODUCTS.PRODUCT_LINE, line)
                .set(QUOTE_PRODUCTS.CREATED_AT, now)
                .set(QUOTE_PRODUCTS.UPDATED_AT, now)
                .returning(QUOTE_PRODUCTS.ID)
                .fetchOne()
                .getId();
        items.forEach((pid, qty) -> db.insertInto(QUOTE_BUNDLE_ITEMS)
                .set(QUOTE_BUNDLE_ITEMS.BUNDLE_ID, id)
                .set(QUOTE_BUNDLE_ITEMS.PRODUCT_ID, pid)
                .set(QUOTE_BUNDLE_ITEMS.QUANTITY, new BigDecimal(qty))
                .execute());
        return id;
    }

    private long quote(
            Random random,
            OpportunityRef o,
            CustomerRef c,
            List<lantern.db.tables.records.QuoteProductsRecord> products,
            Long manager,
            OffsetDateTime now) {
        List<lantern.db.tables.records.QuoteProductsRecord> line = products.stream()
                .filter(p -> p.getProductLine().equals(o.productLine()))
                .toList();
        if (line.isEmpty()) {
            line = products;
        }
        // some reps (every fifth) discount deeper and quote slower: the weekly report should show it
        boolean heavy = o.ownerId() % 5 == 0;
        List<QuoteCalculator.PricedInput> inputs = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        Set<Long> used = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            var p = line.get(random.nextInt(line.size()));
            if (!used.add(p.getId())) {
                continue;
            }
            BigDecimal qty = BigDecimal.valueOf(
                    p.getUnit().contains("用户")
                            ? 10 + random.nextInt(60)
                            : 1 + random.nextInt(p.getListPrice().intValue() > 50000 ? 2 : 6));
            int d = heavy ? 8 + random.nextInt(22) : random.nextInt(4) == 0 ? 0 : random.nextInt(15);
            inputs.add(new QuoteCalculator.PricedInput(
                    p.getId(),
                    p.getSku(),
                    p.getName(),
                    p.getUnit(),
                    qty,
                    p.getListPrice(),
                    BigDecimal.valueOf(d),
                    p.getTaxRate(),
                    p.getCost()));
        }
        QuoteCalculator.Totals t = QuoteCalculator.total(inputs);
        OffsetDateTime created = workingTime(
                now.minusDays(random.nextInt(8) == 0 ? random.nextInt(3) : random.nextInt(84))
                        .minusHours(random.nextInt(5)),
                random);
        if (created.isAfter(now)) {
            created = now.minusHours(2);
        }
        double roll = random.nextDouble();
        QuoteStatus status;
        if (created.isAfter(now.minusDays(3)) && roll < 0.35) {
            status = roll < 0.15 ? QuoteStatus.DRAFT : QuoteStatus.PENDING_APPROVAL;
        } else if (roll < 0.05) {
            status = QuoteStatus.REJECTED;
        } else if (roll < 0.10) {
            status = QuoteStatus.SUPERSEDED;
        } else {
            double accept =
                    0.45 - t.maxDiscount().doubleValue() / 100 - (t.total().doubleValue() > 300000 ? 0.1 : 0);
            double r2 = random.nextDouble();
            status =
                    r2 < accept * 0.6 ? QuoteStatus.STAMPED : r2 < accept * 0.8 ? QuoteStatus.SIGNED : QuoteStatus.SENT;
        }
        int validDays = 7 + (random.nextInt(4) == 0 ? 7 : 0);
        OffsetDateTime sent = null;
        if (Set.of(QuoteStatus.SENT, QuoteStatus.SIGNED, QuoteStatus.STAMPED, QuoteStatus.SUPERSEDED)
                .contains(status)) {
            sent = created.plusHours(heavy ? 20 + random.nextInt(60) : 1 + random.nextInt(10));
            if (sent.isAfter(now)) {
                sent = now.minusMinutes(30);
            }
        }
        LocalDate validUntil = (sent != null ? sent : created).toLocalDate().plusDays(validDays);
        String number = drafting.nextNumber(created.getYear());
        var r = db.newRecord(QUOTES);
        r.setNumber(number);
        r.setRevision(1);
        r.setOwnerId(o.ownerId());
        r.setCustomerId(c.id());
        r.setCustomerName(c.name());
        r.setOpportunityId(o.id());
        r.setStatus(status.name());
        r.setTitle(o.name());
        r.setTerms("付款方式：合同签订后 10 个工作日内支付 50%，交付验收后支付余款\n交付：签约后 30 日内完成");
        r.setValidDays(validDays);
        r.setValidUntil(validUntil);
        r.setSubtotal(t.subtotal());
        r.setDiscountTotal(t.discountTotal());
        r.setTaxTotal(t.taxTotal());
        r.setTotal(t.total());
        r.setMaxDiscount(t.maxDiscount());
        r.setBudgetWarning(QuotePricing.budgetWarning(o.budgetRange(), t.total()));
        r.setCreatedAt(created);
        r.setUpdatedAt(sent != null ? sent : created);
        boolean needsApproval = t.maxDiscount().compareTo(BigDecimal.TEN) > 0 && manager != null;
        if (status != QuoteStatus.DRAFT) {
            r.setSubmittedAt(created.plusMinutes(20));
        }
        OffsetDateTime approvedAt = created.plusMinutes(20)
                .plusHours(needsApproval ? (heavy ? 10 + random.nextInt(30) : 1 + random.nextInt(8)) : 0);
        if (!Set.of(QuoteStatus.DRAFT, QuoteStatus.PENDING_APPROVAL, QuoteStatus.REJECTED)
                .contains(status)) {
            r.setApprovedAt(approvedAt);
            if (sent != null && sent.isBefore(approvedAt)) {
                sent = approvedAt.plusMinutes(30);
                validUntil = sent.toLocalDate().plusDays(validDays);
                r.setValidUntil(validUntil);
            }
        }
        r.setSentAt(sent);
        if (Set.of(QuoteStatus.SIGNED, QuoteStatus.STAMPED).contains(status)) {
            OffsetDateTime signed = sent.plusHours(4 + random.nextInt(72));
            if (signed.isAfter(now)) {
                signed = now.minusMinutes(10);
            }
            r.setSignedAt(signed);
            r.setStampDueAt(signed.plusHours(2));
            if (status == QuoteStatus.STAMPED) {
                r.setStampedAt(signed.plusMinutes(30 + random.nextInt(180)));
            }
            r.setFeedbackTag("ACCEPTED");
            r.setFeedbackAt(signed);
        } else if (sent != null && random.nextDouble() < 0.75) {
            String tag;
            double f = random.nextDouble();
            if (t.maxDiscount().doubleValue() > 12 || t.total().doubleValue() > 200000) {
                tag = f < 0.5
                        ? "PRICE_SENSITIVE"
                        : f < 0.7 ? "COMPETITOR" : f < 0.85 ? "DECISION_CHAIN" : "DELIVERY_CONCERN";
            } else {
                tag = TAGS[random.nextInt(TAGS.length)];
            }
            r.setFeedbackTag(tag);
            r.setFeedbackNote(
                    switch (tag) {
                        case "PRICE_SENSITIVE" -> "客户认为单价偏高，希望再降 5%";
                        case "COMPETITOR" -> "客户同时在比较两家竞品报价";
                        case "DECISION_CHAIN" -> "采购负责人尚未参与，需约见决策人";
                        case "DELIVERY_CONCERN" -> "担心上线周期影响旺季";
                        default -> "客户口头确认接受，等待走合同流程";
                    });
            r.setFeedbackAt(sent.plusHours(6 + random.nextInt(48)));
        }
        r.store();
        QuoteDrafting.storeLines(db, r.getId(), t);
        if (needsApproval && status != QuoteStatus.DRAFT) {
            ApprovalStatus stepStatus = switch (status) {
                case PENDING_APPROVAL -> ApprovalStatus.PENDING;
                case REJECTED -> ApprovalStatus.REJECTED;
                default -> ApprovalStatus.APPROVED;
            };
            OffsetDateTime requested = created.plusMinutes(20);
            db.insertInto(QUOTE_APPROVALS)
                    .set(QUOTE_APPROVALS.QUOTE_ID, r.getId())
                    .set(QUOTE_APPROVALS.STEP, 1)
                    .set(QUOTE_APPROVALS.ROLE, ApprovalRole.MANAGER.name())
                    .set(QUOTE_APPROVALS.APPROVER_ID, manager)
                    .set(QUOTE_APPROVALS.STATUS, stepStatus.name())
                    .set(QUOTE_APPROVALS.REQUESTED_AT, requested)
                    .set(QUOTE_APPROVALS.DECIDED_AT, stepStatus == ApprovalStatus.PENDING ? null : approvedAt)
                    .set(QUOTE_APPROVALS.DECIDED_BY, stepStatus == ApprovalStatus.PENDING ? null : manager)
                    .set(
                            QUOTE_APPROVALS.COMMENT,
                            stepStatus == ApprovalStatus.REJECTED
                                    ? "折扣过大，请先与客户确认预算"
                                    : stepStatus == ApprovalStatus.PENDING ? null : "同意")
                    .execute();
        }
        return r.getId();
    }

    private static OffsetDateTime workingTime(OffsetDateTime t, Random random) {
        ZonedDateTime z = t.toZonedDateTime();
        while (z.getDayOfWeek().getValue() > 5) {
            z = z.minusDays(1);
        }
        return z.withHour(9 + random.nextInt(8))
                .withMinute(random.nextInt(60))
                .withSecond(0)
                .withNano(0)
                .toOffsetDateTime();
    }
}
