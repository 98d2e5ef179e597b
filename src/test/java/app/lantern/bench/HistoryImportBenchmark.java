package app.lantern.bench;

import app.lantern.customer.CustomerImports;
import app.lantern.customer.ImportJob;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Three years of history moved in: 100,000 opportunities (2,000 customers created on the way, owners by username,
 * Salesforce stage names mapped by name, won / lost / open) and then 1,000,000 activities in ten files of 100,000
 * rows (the import's per-file limit), each naming its opportunity by external id. Not part of verify:
 * {@code ./mvnw -Pbench test -Dtest=HistoryImportBenchmark [-Dopportunities=… -Dactivities=…]} (add
 * LANTERN_TEST_DB_URL=… for PostgreSQL).
 */
@SpringBootTest
class HistoryImportBenchmark {

    private static final String[] STAGES = {"初步接洽", "需求确认", "方案演示", "方案报价", "商务谈判", "签约"};
    private static final String[] STATUS = {"进行中", "Won", "Lost", "Closed Lost", "赢单", "open"};
    private static final String[] TYPES = {"拜访", "Call", "Email", "Meeting", "演示", "微信"};

    @Autowired
    CustomerImports imports;

    @Autowired
    UserDetailsService users;

    @Test
    void hundredThousandOpportunitiesAndAMillionActivities() throws Exception {
        int opportunities = Integer.getInteger("opportunities", 100_000);
        int activities = Integer.getInteger("activities", 1_000_000);
        var p = users.loadUserByUsername("admin");
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
        String run = Long.toString(System.nanoTime(), 36);
        Random random = new Random(11);
        StringBuilder deals = new StringBuilder(
                "Opportunity ID,Opportunity Name,Account Name,Opportunity Owner,Pipeline,Stage,Amount,Created Date,Close Date,Status,Loss Reason\n");
        for (int i = 0; i < opportunities; i++) {
            int day = random.nextInt(3 * 365);
            String created = java.time.LocalDate.of(2022, 1, 1).plusDays(day) + " " + (8 + random.nextInt(10)) + ":"
                    + (10 + random.nextInt(50));
            String close = java.time.LocalDate.of(2022, 1, 1)
                    .plusDays(day + 10 + random.nextInt(120))
                    .toString();
            String status = STATUS[random.nextInt(STATUS.length)];
            deals.append("B")
                    .append(run)
                    .append('-')
                    .append(i)
                    .append(",Deal ")
                    .append(i)
                    .append(",Bench ")
                    .append(run)
                    .append(" Customer ")
                    .append(random.nextInt(2000))
                    .append(" Ltd")
                    .append(",rep")
                    .append(1 + random.nextInt(18))
                    .append(",SaaS 订阅,")
                    .append(STAGES[random.nextInt(STAGES.length)])
                    .append(',')
                    .append(1000 + random.nextInt(500_000))
                    .append(',')
                    .append(created)
                    .append(',')
                    .append(close)
                    .append(',')
                    .append(status)
                    .append(',')
                    .append(status.contains("ost") ? "Price" : "")
                    .append('\n');
        }
        long t0 = System.nanoTime();
        ImportJob dealJob = await(imports.submit(
                "deals.csv",
                deals.toString().getBytes(StandardCharsets.UTF_8),
                "auto",
                null,
                null,
                null,
                "opportunities",
                null));
        double dealSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "history import of %,d opportunities: %.1f s, %s: imported %d, merged %d, rejected %d%n",
                opportunities, dealSeconds, dealJob.status(), dealJob.imported(), dealJob.merged(), dealJob.rejected());
        long t1 = System.nanoTime();
        int imported = 0;
        int rejected = 0;
        for (int file = 0; file * 100_000 < activities; file++) {
            StringBuilder csv = new StringBuilder("Activity ID,Type,Owner,Deal ID,Date,Created Date,Duration,Notes\n");
            for (int i = file * 100_000; i < Math.min(activities, (file + 1) * 100_000); i++) {
                String at = java.time.LocalDate.of(2022, 1, 1).plusDays(random.nextInt(3 * 365)) + " "
                        + (8 + random.nextInt(11)) + ":" + (10 + random.nextInt(50));
                csv.append("A")
                        .append(run)
                        .append('-')
                        .append(i)
                        .append(',')
                        .append(TYPES[random.nextInt(TYPES.length)])
                        .append(",rep")
                        .append(1 + random.nextInt(18))
                        .append(",B")
                        .append(run)
                        .append('-')
                        .append(random.nextInt(opportunities))
                        .append(',')
                        .append(at)
                        .append(',')
                        .append(at)
                        .append(',')
                        .append(5 + random.nextInt(90))
                        .append(",follow-up ")
                        .append(i)
                        .append('\n');
            }
            ImportJob job = await(imports.submit(
                    "activities-" + file + ".csv",
                    csv.toString().getBytes(StandardCharsets.UTF_8),
                    "auto",
                    null,
                    null,
                    null,
                    "activities",
                    null));
            imported += job.imported();
            rejected += job.rejected();
        }
        double activitySeconds = (System.nanoTime() - t1) / 1e9;
        System.out.printf(
                "history import of %,d activities (files of 100,000): %.1f s, imported %d, rejected %d; total %.1f s%n",
                activities, activitySeconds, imported, rejected, dealSeconds + activitySeconds);
    }

    private ImportJob await(ImportJob started) throws InterruptedException {
        ImportJob state;
        do {
            Thread.sleep(500);
            state = imports.get(Long.parseLong(started.id()));
        } while (!state.status().equals("DONE") && !state.status().equals("FAILED"));
        return state;
    }
}
