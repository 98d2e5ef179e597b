package app.lantern.customer;

import static lantern.db.Tables.CUSTOMER_MATCH_KEY_SCHEME;
import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.customer.matching.MatchKeys;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** After an upgrade that changes the blocking keys, customers stored before it are found by duplicate checks again. */
@SpringBootTest
class MatchKeyRebuildTest {

    @Autowired
    Clock clock;

    @Autowired
    CustomerManagement customers;

    @Autowired
    MatchKeyRebuild rebuild;

    @Autowired
    MatchIndex index;

    @Autowired
    DSLContext db;

    @Autowired
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void customersStoredWithOutdatedKeysAreFoundAgainOnceTheRebuildRan() throws InterruptedException {
        awaitStartUpRebuild();
        var p = users.loadUserByUsername("rep15");
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
        String name = CustomerApiTest.unique() + "精密机械股份有限公司";
        CustomerView stored = customers.create(CustomerForm.named(name), true);
        // as if stored by a release whose key scheme gave this name nothing the check looks up
        index.remove(stored.numericId());
        setScheme(MatchKeys.SCHEME - 1, null, null);
        DuplicateQuery query = new DuplicateQuery(name, null, null, null, null);
        assertThat(customers.duplicates(query))
                .extracting(DuplicateCandidate::id)
                .doesNotContain(stored.id());

        setScheme(MatchKeys.SCHEME - 1, "another-node", OffsetDateTime.now(clock));
        assertThat(rebuild.run()).as("another node is rebuilding").isZero();
        assertThat(rebuild.outdated()).isTrue();

        setScheme(
                MatchKeys.SCHEME - 1,
                "another-node",
                OffsetDateTime.now(clock).minus(MatchKeyRebuild.STALE).minusMinutes(1));
        assertThat(rebuild.run()).as("a claim gone stale is taken over").isPositive();
        assertThat(rebuild.outdated()).isFalse();
        assertThat(customers.duplicates(query))
                .extracting(DuplicateCandidate::id)
                .contains(stored.id());
        assertThat(rebuild.run()).as("nothing left to do").isZero();
    }

    private void awaitStartUpRebuild() throws InterruptedException {
        for (int i = 0; i < 600 && rebuild.outdated(); i++) {
            Thread.sleep(100);
        }
        assertThat(rebuild.outdated())
                .as("the rebuild started with the application finished")
                .isFalse();
    }

    private void setScheme(int version, String claimedBy, OffsetDateTime claimedAt) {
        var s = CUSTOMER_MATCH_KEY_SCHEME;
        db.update(s)
                .set(s.VERSION, version)
                .set(s.CLAIMED_BY, claimedBy)
                .set(s.CLAIMED_AT, claimedAt)
                .where(s.ID.eq(1))
                .execute();
    }
}
