package app.lantern.quote;

import static app.lantern.quote.QuoteTestData.draft;
import static app.lantern.quote.QuoteTestData.line;
import static app.lantern.quote.QuoteTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lantern.audit.AuditTrail;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.pipeline.BudgetRange;
import app.lantern.shared.ConflictException;
import app.lantern.shared.ForbiddenException;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.PageQuery;
import app.lantern.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

@SpringBootTest
@Import(QuoteLifecycleTest.Events.class)
class QuoteLifecycleTest {

    @Autowired
    Clock clock;

    @Autowired
    WorkingCalendar calendar;

    @TestConfiguration
    static class Events {
        static final List<Object> published = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

        @Bean
        ApplicationListener<PayloadApplicationEvent<?>> quoteEventRecorder() {
            return e -> {
                if (e.getPayload().getClass().getPackageName().equals("app.lantern.quote")) {
                    published.add(e.getPayload());
                }
            };
        }
    }

    @Autowired
    QuoteTestData data;

    @Autowired
    Quotes quotes;

    @Autowired
    QuoteDrafting drafting;

    @Autowired
    QuoteApprovals approvals;

    @Autowired
    QuoteFeedback feedback;

    @Autowired
    QuoteMetrics metrics;

    @Autowired
    QuoteSlaJobs slaJobs;

    @Autowired
    QuoteSigning signing;

    @Autowired
    QuoteSeal seal;

    @Autowired
    AuditTrail trail;

    @Autowired
    org.jooq.DSLContext db;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    @Autowired
    QuoteHealthReport report;

    @Autowired
    app.lantern.notification.Notifications notifications;

    @Autowired
    org.springframework.context.ApplicationEventPublisher publisher;

    @Autowired
    QuoteTimeline timeline;

    @AfterEach
    void signOut() {
        QuoteTestData.signOut();
    }

    private QuoteView approvedQuote(String customerName) {
        Product course = data.product("管理者课程", "12000.00", "4000.00", "6");
        Product kit = data.product("教具套装", "3333.33", "1500.00", "13");
        long customer = data.opportunity("rep1", customerName, BudgetRange.FROM_50K_TO_200K);
        data.signIn("rep1");
        QuoteView q = drafting.create(draft(customer, List.of(line(course, "10", "15"), line(kit, "3", "0"))));
        q = approvals.submit(q.id());
        data.signIn("manager1");
        return approvals.approve(q.id(), "同意，年底冲量");
    }

    @Test
    void buildsANumberedQuoteWithVatPerLineAndAmountInWords() {
        Product course = data.product("管理者课程", "12000.00", "4000.00", "6");
        Product kit = data.product("教具套装", "3333.33", "1500.00", "13");
        long customer = data.opportunity("rep1", unique("万科企业股份有限公司"), BudgetRange.FROM_50K_TO_200K);
        data.signIn("rep1");
        QuoteView q = drafting.create(draft(customer, List.of(line(course, "10", "5"), line(kit, "3", "0"))));

        assertThat(q.number()).matches("QT-\\d{4}-\\d{6}");
        assertThat(q.revision()).isEqualTo(1);
        assertThat(q.status()).isEqualTo(QuoteStatus.DRAFT);
        // 12000 × 95% × 10 = 114000.00, VAT 6% 6840.00; 3333.33 × 3 = 9999.99, VAT 13% 1299.9987 → 1300.00
        assertThat(q.subtotal()).isEqualByComparingTo("123999.99");
        assertThat(q.taxTotal()).isEqualByComparingTo("8140.00");
        assertThat(q.total()).isEqualByComparingTo("132139.99");
        assertThat(q.amountInWords()).isEqualTo("壹拾叁万贰仟壹佰叁拾玖元玖角玖分");
        assertThat(q.validDays()).isEqualTo(7);
        assertThat(q.cost()).as("reps never see cost").isNull();
        assertThat(q.lines()).allSatisfy(l -> assertThat(l.unitCost()).isNull());

        data.signIn("manager1");
        QuoteView asManager = quotes.get(q.id());
        assertThat(asManager.cost()).isEqualByComparingTo("44500.00");
        assertThat(asManager.marginPercent()).isEqualByComparingTo("64.1");
        assertThat(trail.history("quote", q.id())).extracting(e -> e.action()).contains("created");
    }

    @Test
    void refusesToQuoteBeforeTheBudgetRangeIsSetAndWarnsAboveIt() {
        Product course = data.product("课程", "100000.00", "10.00", "6");
        long noBudget = data.opportunity("rep1", unique("无预算客户"), null);
        assertThatThrownBy(() -> drafting.create(draft(noBudget, List.of(line(course, "1", "0")))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errors().getFirst().field()).isEqualTo("opportunityId");
                });
        long small = data.opportunity("rep1", unique("小预算客户"), BudgetRange.UP_TO_50K);
        QuoteView above = drafting.create(draft(small, List.of(line(course, "1", "0"))));
        assertThat(above.budgetWarning()).contains("高于客户预算区间").contains("≤5万");
        assertThat(quotes.talkingPoints(BudgetRange.UP_TO_50K)).isNotEmpty();
        data.signIn("rep2");
        assertThatThrownBy(() -> drafting.create(draft(small, List.of(line(course, "1", "0")))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void rejectsBadLinesAndTotalsThatDoNotAddUpWithoutStoringAnything() {
        Product course = data.product("课程", "100.00", "10.00", "6");
        long customer = data.opportunity("rep1", unique("测试客户"), BudgetRange.FROM_50K_TO_200K);
        data.signIn("rep1");
        long before = quotes.list(
                        Quotes.QuoteFilter.none(), PageQuery.of(0, 1, null, Quotes.sortFields(), "createdAt,desc"))
                .total();
        assertThatThrownBy(() -> drafting.create(draft(customer, List.of(line(course, "-1", "0")))))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("lines[0].quantity"));
        assertThatThrownBy(() -> drafting.create(draft(customer, List.of(line(course, "1", "100")))))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("lines[0].discount"));
        var wrongTotal = new QuoteDrafting.QuoteDraft(
                null, customer, null, null, null, null, List.of(line(course, "1", "0")), new BigDecimal("106.01"));
        assertThatThrownBy(() -> drafting.create(wrongTotal))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.status()).isEqualTo(422));
        long after = quotes.list(
                        Quotes.QuoteFilter.none(), PageQuery.of(0, 1, null, Quotes.sortFields(), "createdAt,desc"))
                .total();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void discountAboveTheRepsLimitNeedsTheManagerBeforeItCanBeSent() {
        Product course = data.product("课程", "10000.00", "3000.00", "6");
        long customer = data.opportunity("rep1", unique("深圳客户"), BudgetRange.FROM_50K_TO_200K);
        data.signIn("rep1");
        QuoteView q = drafting.create(draft(customer, List.of(line(course, "2", "15"))));
        assertThatThrownBy(() -> signing.send(q.id()))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.status()).isEqualTo(422));

        QuoteView submitted = approvals.submit(q.id());
        assertThat(submitted.status()).isEqualTo(QuoteStatus.PENDING_APPROVAL);
        assertThat(submitted.approvals()).extracting(QuoteView.Approval::role).containsExactly("MANAGER");
        assertThat(submitted.approvals().getFirst().approverId()).isEqualTo(data.userId("manager1"));
        assertThatThrownBy(() -> approvals.approve(q.id(), "self")).isInstanceOf(ForbiddenException.class);

        data.signIn("rep2");
        assertThatThrownBy(() -> quotes.get(q.id())).isInstanceOf(NotFoundException.class);
        data.signIn("manager2");
        assertThatThrownBy(() -> approvals.approve(q.id(), "not mine")).isInstanceOf(NotFoundException.class);

        data.signIn("manager1");
        assertThat(quotes.awaitingMyApproval()).extracting(QuoteView::id).contains(q.id());
        QuoteView approved = approvals.approve(q.id(), "同意");
        assertThat(approved.status()).isEqualTo(QuoteStatus.APPROVED);
        assertThat(trail.history("quote", q.id())).extracting(e -> e.action()).contains("quote.approval.approved");
    }

    @Test
    void largeDiscountGoesToManagerThenFinanceAndARejectionNeedsAComment() {
        Product course = data.product("课程", "10000.00", "3000.00", "6");
        long customer = data.opportunity("rep1", unique("北京客户"), BudgetRange.FROM_50K_TO_200K);
        data.signIn("rep1");
        QuoteView q = approvals.submit(drafting.create(draft(customer, List.of(line(course, "2", "30"))))
                .id());
        assertThat(q.approvals()).extracting(QuoteView.Approval::role).containsExactly("MANAGER", "FINANCE");
        data.signIn("finance");
        assertThatThrownBy(() -> approvals.approve(q.id(), "too early")).isInstanceOf(ForbiddenException.class);
        data.signIn("manager1");
        QuoteView afterManager = approvals.approve(q.id(), "ok");
        assertThat(afterManager.status()).isEqualTo(QuoteStatus.PENDING_APPROVAL);
        assertThat(notifications
                        .inbox(
                                data.userId("finance"),
                                true,
                                PageQuery.of(0, 200, null, java.util.Set.of("createdAt"), "createdAt"))
                        .items())
                .as("finance learns that the quote now waits for it")
                .anySatisfy(n -> assertThat(n.link()).isEqualTo("/quotes/" + q.id()));
        data.signIn("finance");
        assertThatThrownBy(() -> approvals.reject(q.id(), " ")).isInstanceOf(ValidationException.class);
        QuoteView rejected = approvals.reject(q.id(), "毛利过低");
        assertThat(rejected.status()).isEqualTo(QuoteStatus.REJECTED);
        assertThat(rejected.approvals()).extracting(QuoteView.Approval::status).containsExactly("APPROVED", "REJECTED");
    }

    @Test
    void sentQuoteIsSignedOnlineThenSealedWithAValidDigitalSignature() throws Exception {
        String customerName = unique("上海浦东发展银行");
        QuoteView q = approvedQuote(customerName);
        data.signIn("rep1");
        QuoteSigning.SentQuote sent = signing.send(q.id());
        assertThat(sent.signingUrl()).contains("/public/quotes/");
        String token = sent.signingUrl().substring(sent.signingUrl().lastIndexOf('/') + 1);
        assertThat(token).hasSize(43);

        QuoteSigning.Document shown = signing.pdf(q.id());
        if (PdfTools.available("pdftotext")) {
            String text = PdfTools.run("pdftotext", shown.content());
            assertThat(text)
                    .contains(customerName)
                    .contains(q.number())
                    .contains("报 价 单")
                    .contains("有效期至")
                    .contains("人民币大写");
        }
        QuoteTestData.signOut();

        QuoteSigning.PublicQuote page = signing.publicView(token);
        assertThat(page.state()).isEqualTo("OPEN");
        assertThat(page.documentSha256()).isEqualTo(SigningLinks.sha256(shown.content()));
        assertThatThrownBy(() -> signing.publicView(token.substring(0, 42) + (token.charAt(42) == 'A' ? 'B' : 'A')))
                .isInstanceOf(NotFoundException.class);

        var tampered = new QuoteSigning.SignRequest("李总", QuoteTestData.drawnSignature(), true, "0".repeat(64));
        assertThatThrownBy(() -> signing.sign(token, tampered, "203.0.113.9", "JUnit"))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.status()).isEqualTo(422));
        var noConsent =
                new QuoteSigning.SignRequest("李总", QuoteTestData.drawnSignature(), false, page.documentSha256());
        assertThatThrownBy(() -> signing.sign(token, noConsent, "203.0.113.9", "JUnit"))
                .isInstanceOf(ValidationException.class);

        var ok = new QuoteSigning.SignRequest("李总", QuoteTestData.drawnSignature(), true, page.documentSha256());
        QuoteSigning.PublicQuote signed = signing.sign(token, ok, "203.0.113.9", "JUnit");
        assertThat(signed.state()).isEqualTo("SIGNED");
        assertThat(signed.quote().signature().documentSha256()).isEqualTo(page.documentSha256());
        assertThat(signed.quote().signature().ip()).isEqualTo("203.0.113.9");
        assertThat(signed.quote().stampDueAt()).isAfter(signed.quote().signedAt());
        assertThatThrownBy(() -> signing.sign(token, ok, "203.0.113.9", "JUnit"))
                .isInstanceOf(ConflictException.class);
        assertThat(Events.published)
                .anySatisfy(e -> assertThat(e)
                        .isInstanceOfSatisfying(
                                QuoteSigned.class, s -> assertThat(s.quoteId()).isEqualTo(q.id())));
        assertThat(notifications
                        .inbox(
                                data.userId("finance"),
                                true,
                                PageQuery.of(0, 200, null, java.util.Set.of("createdAt"), "createdAt"))
                        .items())
                .as("finance gets a to-do at once")
                .anySatisfy(n -> assertThat(n.title()).contains(q.number()));

        data.signIn("rep1");
        assertThat(signing.pdf(q.id()).content())
                .as("the signed document is never regenerated")
                .isEqualTo(shown.content());
        assertThatThrownBy(() -> seal.applySeal(q.id())).isInstanceOf(ForbiddenException.class);

        data.signIn("finance");
        assertThat(seal.stampQueue()).extracting(t -> t.quote().id()).contains(q.id());
        seal.uploadSeal(QuoteTestData.sealPng());
        QuoteView stamped = seal.applySeal(q.id());
        assertThat(stamped.status()).isEqualTo(QuoteStatus.STAMPED);
        QuoteSigning.Document finalPdf = signing.pdf(q.id());
        assertThat(finalPdf.fileName()).endsWith("-signed.pdf");
        if (PdfTools.available("pdfsig")) {
            String report = PdfTools.run("pdfsig", finalPdf.content());
            assertThat(report).contains("Signature is Valid").contains("Total document signed");
        }
        if (PdfTools.available("pdftotext")) {
            assertThat(PdfTools.run("pdftotext", finalPdf.content()))
                    .contains("客户签署：李总")
                    .contains(customerName);
        }
    }

    @Test
    void revisedQuoteSupersedesTheOldOneWhoseLinkCanNoLongerBeSigned() {
        QuoteView q = approvedQuote(unique("广州客户"));
        data.signIn("rep1");
        String url = signing.send(q.id()).signingUrl();
        String token = url.substring(url.lastIndexOf('/') + 1);
        QuoteView rev2 = drafting.revise(q.id(), null);
        assertThat(rev2.number()).isEqualTo(q.number());
        assertThat(rev2.revision()).isEqualTo(2);
        assertThat(rev2.displayNumber()).isEqualTo(q.number() + " rev 2");
        assertThat(quotes.get(q.id()).status()).isEqualTo(QuoteStatus.SUPERSEDED);
        QuoteTestData.signOut();
        assertThat(signing.publicView(token).state()).isEqualTo("SUPERSEDED");
        String sha = signing.publicView(token).documentSha256();
        assertThatThrownBy(() -> signing.sign(
                        token,
                        new QuoteSigning.SignRequest("王", QuoteTestData.drawnSignature(), true, sha),
                        "1.2.3.4",
                        "x"))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.properties()).containsEntry("state", "SUPERSEDED"));
    }

    @Test
    void revokedLinkCannotBeSignedAndFeedbackNeedsAKnownTag() {
        QuoteView q = approvedQuote(unique("杭州客户"));
        data.signIn("rep1");
        String url = signing.send(q.id()).signingUrl();
        String token = url.substring(url.lastIndexOf('/') + 1);
        signing.revokeLinks(q.id());
        assertThat(signing.publicView(token).state()).isEqualTo("REVOKED");

        assertThatThrownBy(() -> feedback.recordFeedback(q.id(), null, "note")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> feedback.recordFeedback(q.id(), "NO_SUCH_TAG", null))
                .isInstanceOf(ValidationException.class);
        QuoteView withFeedback = feedback.recordFeedback(q.id(), "PRICE_SENSITIVE", "客户认为课程单价偏高");
        assertThat(withFeedback.feedbackLabel()).isEqualTo("价格敏感");
        assertThat(Events.published)
                .anySatisfy(e -> assertThat(e)
                        .isInstanceOfSatisfying(
                                QuoteFeedbackRecorded.class,
                                f -> assertThat(f.tag()).isEqualTo("PRICE_SENSITIVE")));
    }

    @Test
    void approvalWaitingMoreThanTwoWorkingDaysRaisesOneOverdueEvent() {
        Product course = data.product("课程", "10000.00", "3000.00", "6");
        long opp = data.opportunity("rep2", unique("逾期审批客户"), BudgetRange.FROM_50K_TO_200K);
        QuoteView q = approvals.submit(
                drafting.create(draft(opp, List.of(line(course, "2", "15")))).id());
        tx.executeWithoutResult(s -> db.update(lantern.db.Tables.QUOTE_APPROVALS)
                .set(
                        lantern.db.Tables.QUOTE_APPROVALS.REQUESTED_AT,
                        calendar.addWorkingDays(clock.instant(), -4)
                                .atZone(clock.getZone())
                                .toOffsetDateTime())
                .where(lantern.db.Tables.QUOTE_APPROVALS.QUOTE_ID.eq(q.id()))
                .execute());
        tx.executeWithoutResult(s -> slaJobs.flagOverdueApprovals());
        tx.executeWithoutResult(s -> slaJobs.flagOverdueApprovals());
        assertThat(Events.published.stream()
                        .filter(e -> e instanceof ApprovalOverdue o && o.quoteId() == q.id())
                        .toList())
                .singleElement()
                .satisfies(e ->
                        assertThat(((ApprovalOverdue) e).workingDaysWaiting()).isGreaterThan(2));
        data.signIn("manager1");
        assertThat(quotes.get(q.id()).approvals().getFirst().overdue()).isTrue();
    }

    @Test
    void weeklyReportGoesOutOnFridayOrTheLastWorkingDayBeforeAHolidayFriday() {
        assertThat(report.isPushDay(java.time.LocalDate.of(2026, 11, 27))).isTrue();
        assertThat(report.isPushDay(java.time.LocalDate.of(2026, 11, 26))).isFalse();
        // 2026-10-01..08 is the National Day holiday: the week's report goes out on Wednesday 30 September
        assertThat(report.isPushDay(java.time.LocalDate.of(2026, 9, 30))).isTrue();
        assertThat(report.isPushDay(java.time.LocalDate.of(2026, 10, 2))).isFalse();
        int pushed = tx.execute(s -> report.pushIfDue(java.time.LocalDate.of(2026, 11, 27)));
        assertThat(pushed).isGreaterThanOrEqualTo(4);
        assertThat(Events.published)
                .anySatisfy(e -> assertThat(e)
                        .isInstanceOfSatisfying(
                                QuoteWeeklyReportReady.class,
                                w -> assertThat(w.summary()).contains("接受率")));
    }

    @Test
    void weeklyReportCountsSentQuotesAcceptanceAndFeedbackPerRep() {
        QuoteView q = approvedQuote(unique("周报客户"));
        data.signIn("rep1");
        signing.send(q.id());
        feedback.recordFeedback(q.id(), "ACCEPTED", null);
        data.signIn("manager1");
        QuoteHealthReport.Report r = report.forWeeks(java.time.LocalDate.now(clock), 1);
        QuoteHealthReport.RepRow rep1 = r.reps().stream()
                .filter(x -> x.userId() == data.userId("rep1"))
                .findFirst()
                .orElseThrow();
        assertThat(rep1.sent()).isGreaterThanOrEqualTo(1);
        assertThat(rep1.feedback().get("ACCEPTED")).isGreaterThanOrEqualTo(1);
        assertThat(rep1.averageHoursToSend()).isNotNull();
        assertThat(r.reps()).noneMatch(x -> x.userId() == data.userId("rep7"));
    }

    @Test
    void quotesFollowAMergedCustomerAndAppearOnItsTimeline() {
        QuoteView q = approvedQuote(unique("合并前客户"));
        long survivor = data.customer("rep1", unique("合并后客户"), null);
        tx.executeWithoutResult(
                s -> publisher.publishEvent(new app.lantern.customer.CustomersMerged(survivor, q.customerId())));
        data.signIn("rep1");
        assertThat(quotes.get(q.id()).customerId()).isEqualTo(survivor);
        assertThat(quotes.get(q.id()).customerName()).startsWith("合并后客户");
        assertThat(timeline.timeline(survivor, 10)).singleElement().satisfies(item -> {
            assertThat(item.type()).isEqualTo("quote");
            assertThat(item.title()).contains(q.number());
            assertThat(item.link()).isEqualTo("/quotes/" + q.id());
        });
        data.signIn("rep2");
        assertThat(timeline.timeline(survivor, 10))
                .as("another rep does not see the quote on the timeline")
                .isEmpty();
    }

    @Test
    void approvalLatencyIsReportedInWorkingHoursByRole() {
        approvedQuote(unique("审批耗时客户"));
        data.signIn("exec");
        // today's decisions, counted by the day in the business zone
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        var latency = metrics.averageApprovalLatencyHours(today, today);
        assertThat(latency).containsKey("MANAGER");
        assertThat(latency.get("MANAGER")).isGreaterThanOrEqualTo(0.0);
    }
}
