package app.lantern.bench;

import app.lantern.LanternApplication;
import app.lantern.audit.AuditLog;
import app.lantern.audit.AuditVerification;
import app.lantern.audit.AuditVerificationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends audit entries through the real {@link AuditLog} and verifies the chain; prints throughput. Not a test.
 *
 * <p>Arguments: {@code entries perTransaction threads [jdbcUrl]} (defaults 200000 1 4, an H2 file database under
 * /tmp/lantern-bench). See docs/perf/audit.md for the command line.
 */
public final class AuditBenchmark {

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int perTx = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        String url = args.length > 3
                ? args[3]
                : "jdbc:h2:file:/tmp/lantern-bench/bench-"
                        + ProcessHandle.current().pid()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LanternApplication.class)
                .web(WebApplicationType.SERVLET)
                .run(
                        "--server.port=-1",
                        "--db-scheduler.enabled=false",
                        "--lantern.demo-data=false",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + System.getProperty("bench.db.user", "sa"),
                        "--spring.datasource.password=",
                        "--logging.level.root=warn",
                        "--spring.main.banner-mode=off",
                        "audit")) {
            AuditLog audit = context.getBean(AuditLog.class);
            TransactionTemplate tx = context.getBean(TransactionTemplate.class);
            AuditVerification verification = context.getBean(AuditVerification.class);

            long transactions = entries / perTx;
            AtomicLong next = new AtomicLong();
            long started = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                jobs.add(pool.submit(() -> {
                    long n;
                    while ((n = next.getAndIncrement()) < transactions) {
                        long txNo = n;
                        tx.executeWithoutResult(s -> {
                            for (int i = 0; i < perTx; i++) {
                                audit.updated(
                                        "customer",
                                        txNo * perTx + i,
                                        Map.of("name", "深圳市某某科技有限公司", "tier", "B"),
                                        Map.of("name", "深圳市某某科技股份有限公司", "tier", "A"));
                            }
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
            pool.shutdown();
            double appendSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    "append: %d entries, %d per transaction, %d threads: %.1f s, %.0f entries/s%n",
                    transactions * perTx, perTx, threads, appendSeconds, transactions * perTx / appendSeconds);

            long v = System.nanoTime();
            AuditVerificationResult r = verification.verify();
            double verifySeconds = (System.nanoTime() - v) / 1e9;
            System.out.printf(
                    "verify: %d entries checked, intact=%s: %.1f s, %.0f entries/s, heap used %d MiB%n",
                    r.checked(),
                    r.intact(),
                    verifySeconds,
                    r.checked() / verifySeconds,
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        }
    }
}
