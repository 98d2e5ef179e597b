package app.lantern.bench;

import static lantern.db.Tables.OPPORTUNITIES;
import static lantern.db.Tables.OPPORTUNITY_CONTACTS;
import static lantern.db.Tables.OPPORTUNITY_STAGE_HISTORY;

import app.lantern.pipeline.Interaction;
import app.lantern.pipeline.Opportunities;
import app.lantern.pipeline.PipelineFixtures;
import app.lantern.pipeline.PipelineView;
import app.lantern.pipeline.StageView;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Health score at scale: a full recompute of 200,000 open opportunities (the nightly job) and the cost of one event
 * (an interaction recorded and the score recomputed). Prints the figures for docs/perf/pipeline.md.
 * Run: {@code ./mvnw -Pbench test -Dtest=HealthRecomputeBenchmark} (H2 in memory; set LANTERN_TEST_DB_URL for PostgreSQL).
 */
@SpringBootTest(properties = {"logging.level.root=warn", "logging.level.app.lantern.pipeline=info"})
class HealthRecomputeBenchmark {

    /**
     * The alert module re-evaluates a rep after every health change, asynchronously. Here six reps own 200,000 open
     * opportunities, so one such evaluation reads 33,000 rows and takes seconds; with the application's executor
     * (8 concurrent tasks, blocking submit) the benchmark would measure the alert module queueing, and with any executor
     * its evaluations compete for the two cores. These figures are the pipeline's own work: asynchronous listeners do
     * not run (the event is still published and recorded in the transaction).
     */
    @TestConfiguration
    static class NoAsyncListeners {
        @Bean
        TaskExecutor taskExecutor() {
            return task -> {};
        }
    }

    static final int OPEN = Integer.getInteger("bench.opportunities", 200_000);

    @Autowired
    PipelineFixtures fx;

    @Autowired
    Opportunities opportunities;

    @Autowired
    DSLContext db;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Clock clock;

    @Test
    void measure() {
        Random rnd = new Random(42);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<long[]> customers = new ArrayList<>();
        String[] reps = {"rep1", "rep2", "rep7", "rep8", "rep13", "rep14"};
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < 300; i++) {
                String rep = reps[i % reps.length];
                long c = fx.customer(rep, now.minusYears(2));
                customers.add(
                        new long[] {c, fx.userId(rep), fx.contact(c, "DECISION_MAKER"), fx.contact(c, "INFLUENCER")});
            }
        });
        List<PipelineView> pipelines = List.of(fx.medical(), fx.saas());
        long t0 = System.nanoTime();
        for (int from = 0; from < OPEN; from += 2000) {
            int n = Math.min(2000, OPEN - from);
            tx.executeWithoutResult(s -> {
                var insert = db.insertInto(
                        OPPORTUNITIES,
                        OPPORTUNITIES.NAME,
                        OPPORTUNITIES.CUSTOMER_ID,
                        OPPORTUNITIES.OWNER_ID,
                        OPPORTUNITIES.PIPELINE_ID,
                        OPPORTUNITIES.STAGE_ID,
                        OPPORTUNITIES.STATUS,
                        OPPORTUNITIES.AMOUNT,
                        OPPORTUNITIES.BUDGET_RANGE,
                        OPPORTUNITIES.EXPECTED_CLOSE,
                        OPPORTUNITIES.CLOSE_DATE_CHANGES,
                        OPPORTUNITIES.CORE_NEED,
                        OPPORTUNITIES.COMPETITORS,
                        OPPORTUNITIES.NEXT_STEP,
                        OPPORTUNITIES.NEXT_STEP_DUE,
                        OPPORTUNITIES.SOURCE,
                        OPPORTUNITIES.STAGE_ENTERED_AT,
                        OPPORTUNITIES.LAST_CONTACT_AT,
                        OPPORTUNITIES.LAST_DM_CONTACT_AT,
                        OPPORTUNITIES.DM_CONTACTS,
                        OPPORTUNITIES.TWO_WAY_INTERACTIONS,
                        OPPORTUNITIES.LAST_TWO_WAY_AT,
                        OPPORTUNITIES.CREATED_AT,
                        OPPORTUNITIES.UPDATED_AT);
                for (int i = 0; i < n; i++) {
                    long[] c = customers.get(rnd.nextInt(customers.size()));
                    PipelineView p = pipelines.get(rnd.nextInt(2));
                    StageView st = p.stages().get(rnd.nextInt(p.stages().size()));
                    OffsetDateTime created = now.minusDays(rnd.nextInt(180));
                    insert = insert.values(
                            "bench-" + rnd.nextInt(1_000_000),
                            c[0],
                            c[1],
                            p.id(),
                            st.id(),
                            "OPEN",
                            BigDecimal.valueOf(10_000 + rnd.nextInt(900_000)),
                            rnd.nextBoolean() ? "FROM_50K_TO_200K" : null,
                            now.toLocalDate().plusDays(rnd.nextInt(120) - 20),
                            rnd.nextInt(4),
                            rnd.nextBoolean() ? "需求" : null,
                            rnd.nextBoolean() ? "竞品" : null,
                            rnd.nextBoolean() ? "下一步" : null,
                            now.toLocalDate().plusDays(rnd.nextInt(20) - 5),
                            "展会",
                            created.plusDays(rnd.nextInt(10)),
                            rnd.nextBoolean() ? now.minusDays(rnd.nextInt(40)) : null,
                            rnd.nextInt(3) == 0 ? now.minusDays(rnd.nextInt(40)) : null,
                            rnd.nextInt(5),
                            rnd.nextInt(8),
                            rnd.nextBoolean() ? now.minusDays(rnd.nextInt(60)) : null,
                            created,
                            created);
                }
                List<Long> ids = insert.returningResult(OPPORTUNITIES.ID).fetch(OPPORTUNITIES.ID);
                var contacts = db.insertInto(
                        OPPORTUNITY_CONTACTS,
                        OPPORTUNITY_CONTACTS.OPPORTUNITY_ID,
                        OPPORTUNITY_CONTACTS.CONTACT_ID,
                        OPPORTUNITY_CONTACTS.ROLE);
                var history = db.insertInto(
                        OPPORTUNITY_STAGE_HISTORY,
                        OPPORTUNITY_STAGE_HISTORY.OPPORTUNITY_ID,
                        OPPORTUNITY_STAGE_HISTORY.STAGE_ID,
                        OPPORTUNITY_STAGE_HISTORY.ENTERED_AT);
                for (Long id : ids) {
                    long[] c = customers.get((int) (id % customers.size()));
                    contacts = contacts.values(id, c[2], "DECISION_MAKER");
                    history = history.values(
                            id, pipelines.getFirst().stages().getFirst().id(), now.minusDays(30));
                }
                contacts.execute();
                history.execute();
            });
        }
        System.out.printf(
                "BENCH setup: %,d open opportunities inserted in %,d ms%n", OPEN, (System.nanoTime() - t0) / 1_000_000);

        long[] full = new long[3];
        for (int run = 0; run < 3; run++) {
            long t = System.nanoTime();
            int scanned = tx.execute(s -> opportunities.recomputeAllHealth());
            full[run] = (System.nanoTime() - t) / 1_000_000;
            System.out.printf(
                    "BENCH full recompute run %d (%s): %,d opportunities in %,d ms%n",
                    run + 1, run == 0 ? "every score written" : "scores unchanged", scanned, full[run]);
        }
        List<Long> sample = db.select(OPPORTUNITIES.ID)
                .from(OPPORTUNITIES)
                .where(OPPORTUNITIES.STATUS.eq("OPEN"))
                .limit(2000)
                .fetch(OPPORTUNITIES.ID);
        fx.signIn("admin");
        try {
            for (int i = 0; i < 300; i++) { // warm-up
                long id = sample.get(i);
                tx.executeWithoutResult(s -> opportunities.recordInteraction(
                        new Interaction(id, "CALL", OffsetDateTime.now(clock), false, true)));
            }
            long[] inside = new long[1000];
            long[] committed = new long[1000];
            for (int i = 0; i < inside.length; i++) {
                long id = sample.get(300 + i);
                long[] work = new long[1];
                long t = System.nanoTime();
                tx.executeWithoutResult(s -> {
                    long w = System.nanoTime();
                    opportunities.recordInteraction(
                            new Interaction(id, "VISIT", OffsetDateTime.now(clock), true, true));
                    work[0] = System.nanoTime() - w;
                });
                committed[i] = (System.nanoTime() - t) / 1000;
                inside[i] = work[0] / 1000;
            }
            Arrays.sort(inside);
            Arrays.sort(committed);
            System.out.printf(
                    "BENCH one event (facts + incremental recompute + intervention check, inside the transaction): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    inside[500] / 1000.0, inside[950] / 1000.0, inside[990] / 1000.0, inside[999] / 1000.0);
            System.out.printf(
                    "BENCH one event including its commit: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    committed[500] / 1000.0, committed[950] / 1000.0, committed[990] / 1000.0, committed[999] / 1000.0);
            long[] rec = new long[500];
            for (int i = 0; i < rec.length; i++) {
                long id = sample.get(1300 + i);
                long t = System.nanoTime();
                tx.executeWithoutResult(s -> opportunities.recomputeHealth(id));
                rec[i] = (System.nanoTime() - t) / 1000;
            }
            Arrays.sort(rec);
            System.out.printf(
                    "BENCH recomputeHealth(id) alone: p50 %.2f ms, p95 %.2f ms%n",
                    rec[250] / 1000.0, rec[475] / 1000.0);
        } finally {
            fx.signOut();
        }
    }
}
