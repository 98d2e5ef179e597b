package app.lantern.insight;

import app.lantern.shared.demo.DemoContext;
import app.lantern.shared.demo.DemoDataContributor;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo history (customers, pipelines, activities, targets, quotes) on top of the test organisation, once per
 * database, for tests that run on an in-memory H2 database of their own ({@code jdbc:h2:mem:insight-demo}) so that the
 * demo history does not meet other tests' data.
 */
public final class DemoHistory {

    private static boolean generated;

    private DemoHistory() {}

    public static synchronized void ensure(
            List<DemoDataContributor> contributors, TransactionTemplate tx, Clock clock) {
        if (generated) {
            return;
        }
        DemoContext context = new DemoContext(20260101L, 1, clock);
        contributors.stream()
                .filter(c -> c.order() > 100)
                .sorted(Comparator.comparingInt(DemoDataContributor::order))
                .forEach(c -> tx.executeWithoutResult(s -> c.contribute(context)));
        generated = true;
    }
}
