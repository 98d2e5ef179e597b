package app.lantern.alert;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Re-evaluates reps after pipeline changes without ever making the committing thread wait. A burst of events about
 * one rep (a nightly health run, an import) collapses into one evaluation that sees the latest state: a rep is queued
 * at most once, and a request that arrives while the rep is being evaluated queues one more pass. Two workers keep
 * evaluations below the connection pool; what a crash loses, the 30-minute scheduled run catches.
 */
@Component
class RepEvaluationQueue implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RepEvaluationQueue.class);

    private final AlertEngine engine;
    private final Clock clock;
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final ExecutorService workers = Executors.newFixedThreadPool(
            2, Thread.ofPlatform().name("alert-evaluation-", 0).daemon().factory());

    RepEvaluationQueue(AlertEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /** Asks for the rep's rules to be evaluated soon; returns at once. */
    void request(long repId) {
        if (queued.add(repId)) {
            inFlight.incrementAndGet();
            workers.execute(() -> evaluate(repId));
        }
    }

    private void evaluate(long repId) {
        queued.remove(repId);
        try {
            engine.evaluateRep(repId, OffsetDateTime.now(clock));
        } catch (RuntimeException e) {
            log.warn("re-evaluating rep {} failed; the scheduled run will retry", repId, e);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Whether no evaluation is queued or running (jobs and tests that evaluate at a chosen time wait for this). */
    boolean idle() {
        return inFlight.get() == 0;
    }

    @Override
    public void destroy() throws InterruptedException {
        workers.shutdown();
        workers.awaitTermination(15, TimeUnit.SECONDS);
    }
}
