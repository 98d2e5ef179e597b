package app.lantern.alert;

import static lantern.db.Tables.ALERT_TASKS;
import static lantern.db.Tables.NOTIFICATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.identity.Directory;
import app.lantern.identity.Role;
import app.lantern.identity.UserSummary;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two application nodes on one database run the same jobs at the same moment. Each node is a thread with its own
 * transactions; a node whose insert loses a race is retried, as the scheduler retries a failed run.
 */
@SpringBootTest
class TwoNodesTest {

    @Autowired
    DailyBrief briefs;

    @Autowired
    Alerts alerts;

    @Autowired
    Directory directory;

    @Autowired
    DSLContext db;

    @Autowired
    PlatformTransactionManager transactions;

    private static <T> List<T> onTwoNodes(Callable<T> job) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<T>> runs = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    try {
                        return job.call();
                    } catch (DataIntegrityViolationException raced) {
                        return job.call();
                    }
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : runs) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoNodesSendEachBriefOnce() throws Exception {
        // a working Tuesday no other test run used
        LocalDate day = LocalDate.of(2031 + (int) (System.nanoTime() % 60), 3, 1)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        onTwoNodes(() -> briefs.sendAll(day));
        for (UserSummary u : directory.usersWithRole(Role.REP)) {
            assertThat(db.fetchCount(
                            NOTIFICATIONS,
                            NOTIFICATIONS.RECIPIENT_USER_ID.eq(u.id()).and(NOTIFICATIONS.DEDUP_KEY.eq("brief-" + day))))
                    .as("briefs to %s", u.username())
                    .isEqualTo(1);
        }
        long manager = directory.userByUsername("manager2").orElseThrow().id();
        assertThat(db.fetchCount(
                        NOTIFICATIONS,
                        NOTIFICATIONS
                                .RECIPIENT_USER_ID
                                .eq(manager)
                                .and(NOTIFICATIONS.DEDUP_KEY.eq("brief-team-" + day))))
                .isEqualTo(1);
    }

    @Test
    void twoNodesRaisingTheSameAlertOpenItNotifyAndOpenItsTasksOnce() throws Exception {
        long rep = directory.userByUsername("rep15").orElseThrow().id();
        long manager = directory.userByUsername("manager3").orElseThrow().id();
        long subject = System.nanoTime() % 1_000_000_000L + 2_000_000_000L;
        AlertSignal signal = new AlertSignal(
                AlertEngine.WEEKLY_PACE_BEHIND,
                "rep-nodes",
                subject,
                rep,
                null,
                "本周行动完成 10%",
                "/goals/progress/reps/" + rep);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        onTwoNodes(() -> {
            tx.executeWithoutResult(s -> alerts.raise(signal));
            return null;
        });
        var open = db.fetch(
                "select id from alerts where open_key = ?",
                Alerts.openKey(AlertEngine.WEEKLY_PACE_BEHIND, "rep-nodes", subject));
        assertThat(open).hasSize(1);
        long alertId = open.getFirst().get(0, Long.class);
        assertThat(db.fetchCount(
                        NOTIFICATIONS,
                        NOTIFICATIONS.DEDUP_KEY.eq("alert-" + alertId).and(NOTIFICATIONS.RECIPIENT_USER_ID.eq(rep))))
                .isEqualTo(1);
        assertThat(db.fetchCount(
                        NOTIFICATIONS,
                        NOTIFICATIONS
                                .DEDUP_KEY
                                .eq("alert-" + alertId)
                                .and(NOTIFICATIONS.RECIPIENT_USER_ID.eq(manager))))
                .isEqualTo(1);
        assertThat(db.fetchCount(ALERT_TASKS, ALERT_TASKS.ALERT_ID.eq(alertId))).isEqualTo(2);
        alerts.clear(AlertEngine.WEEKLY_PACE_BEHIND, "rep-nodes", subject);
    }
}
