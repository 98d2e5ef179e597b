package app.lantern.bench;

import app.lantern.identity.Directory;
import app.lantern.identity.Role;
import app.lantern.identity.UserAccounts;
import app.lantern.insight.sandbox.Levers;
import app.lantern.insight.sandbox.Sandbox;
import app.lantern.shared.demo.DemoContext;
import app.lantern.shared.demo.DemoDataContributor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A sandbox update for a 20-rep team with 2,000 trials, as the slider sends it: validation, the reps' G2 progress, the
 * organisation's history (six months of demo opportunities), fitting and the simulation. Prints p50/p95/max over 40
 * updates after 10 warm-ups. Run: {@code ./mvnw -Pbench test -Dtest=SandboxBenchmark}.
 */
@SpringBootTest(
        properties =
                "spring.datasource.url=jdbc:h2:mem:lantern-sandbox-bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1")
class SandboxBenchmark {

    @Autowired
    Sandbox sandbox;

    @Autowired
    List<DemoDataContributor> contributors;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Directory directory;

    @Autowired
    UserDetailsService users;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void measure() {
        DemoContext context = new DemoContext(20260101L, 1, clock);
        contributors.stream()
                .filter(c -> c.order() > 100 && c.order() <= 400)
                .sorted(Comparator.comparingInt(DemoDataContributor::order))
                .forEach(c -> tx.executeWithoutResult(s -> c.contribute(context)));
        long team = directory.userByUsername("rep1").orElseThrow().teamId();
        for (int i = 7; i <= 18; i++) {
            accounts.moveToTeam(
                    directory.userByUsername("rep" + i).orElseThrow().id(), team);
        }
        for (int i = 1; i <= 2; i++) {
            accounts.create(new UserAccounts.NewUser(
                    "bench-rep" + i, "新人" + i, "lantern-demo-bench", null, null, team, EnumSet.of(Role.REP)));
        }
        UserDetails exec = users.loadUserByUsername("exec");
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(exec, null, exec.getAuthorities()));

        List<Long> millis = new ArrayList<>();
        int reps = 0;
        for (int i = 0; i < 50; i++) {
            Sandbox.Request request = new Sandbox.Request(
                    String.valueOf(team),
                    null,
                    null,
                    List.of(),
                    new Levers(1, 1 + (i % 10) / 20.0, 1),
                    null,
                    Sandbox.DEFAULT_TRIALS);
            long t = System.nanoTime();
            reps = sandbox.simulate(request).reps().size();
            if (i >= 10) {
                millis.add((System.nanoTime() - t) / 1_000_000);
            }
        }
        millis.sort(Long::compare);
        System.out.printf(
                "sandbox update: %d reps × %d trials, %d updates: p50 %d ms, p95 %d ms, max %d ms%n",
                reps,
                Sandbox.DEFAULT_TRIALS,
                millis.size(),
                millis.get(millis.size() / 2),
                millis.get((int) Math.ceil(millis.size() * 0.95) - 1),
                millis.getLast());
    }
}
