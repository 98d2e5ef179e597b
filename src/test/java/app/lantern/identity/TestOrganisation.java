package app.lantern.identity;

import app.lantern.shared.demo.DemoContext;
import java.time.Clock;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every test application context has the demo organisation's people (admin, exec, finance, manager1…3, rep1…18,
 * password {@code lantern-demo}), and nothing else: tests create the records they need. Idempotent, so contexts
 * sharing one PostgreSQL database create the people once.
 */
@Component
@Order(0)
class TestOrganisation implements ApplicationRunner {

    private final Directory directory;
    private final DemoOrganisation organisation;
    private final TransactionTemplate tx;
    private final Clock clock;

    TestOrganisation(Directory directory, DemoOrganisation organisation, TransactionTemplate tx, Clock clock) {
        this.directory = directory;
        this.organisation = organisation;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        synchronized (TestOrganisation.class) {
            if (directory.userByUsername("manager1").isEmpty()) {
                tx.executeWithoutResult(s -> organisation.contribute(new DemoContext(1L, 1, clock)));
            }
        }
    }
}
