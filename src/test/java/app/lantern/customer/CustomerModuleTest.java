package app.lantern.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The module on a real database: merge publishes CustomersMerged inside the transaction, value tiers with explanations. */
@SpringBootTest
class CustomerModuleTest {

    @Autowired
    Clock clock;

    @Autowired
    CustomerManagement customers;

    @Autowired
    CustomerMerging merging;

    @Autowired
    CustomerTimeline timeline;

    @Autowired
    CustomerValue value;

    @Autowired
    UserDetailsService users;

    @Autowired
    MergeEvents events;

    @Autowired
    Visits visits;

    @TestConfiguration
    static class Config {
        @Bean
        MergeEvents mergeEvents() {
            return new MergeEvents();
        }

        @Bean
        Visits visits() {
            return new Visits();
        }
    }

    /** A timeline source of another module (visits, quotes), held in memory. */
    static class Visits implements TimelineSource {
        final java.util.Map<Long, List<TimelineItem>> items = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public List<TimelineItem> timeline(long customerId, int limit) {
            return items.getOrDefault(customerId, List.of()).stream()
                    .limit(limit)
                    .toList();
        }
    }

    static class MergeEvents {
        final AtomicReference<CustomersMerged> last = new AtomicReference<>();
        final AtomicReference<Boolean> inTransaction = new AtomicReference<>();

        @EventListener
        void on(CustomersMerged e) {
            last.set(e);
            inTransaction.set(
                    org.springframework.transaction.support.TransactionSynchronizationManager
                            .isActualTransactionActive());
        }
    }

    void signIn(String username) {
        var p = users.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void mergePublishesCustomersMergedInsideTheTransactionAndKeepsBothHistories() {
        signIn("rep15");
        String brand = CustomerApiTest.unique();
        CustomerView survivor = customers.create(CustomerForm.named(brand + "重工股份有限公司"), false);
        CustomerView duplicate = customers.create(CustomerForm.named(brand + "重工"), true);
        merging.merge(survivor.numericId(), duplicate.numericId());
        assertThat(events.last.get()).isEqualTo(new CustomersMerged(survivor.numericId(), duplicate.numericId()));
        assertThat(events.inTransaction.get()).isTrue();
        assertThat(merging.history(survivor.numericId()))
                .extracting(e -> e.action())
                .contains("merged", "merged.into", "created");
        assertThat(merging.mergedInto(survivor.numericId()))
                .extracting(CustomerMerging.MergedRecord::name)
                .containsExactly(brand + "重工");
    }

    @Test
    void scoresValueIntoTiersWithAnExplanationPerDimension() {
        signIn("rep16");
        String brand = CustomerApiTest.unique();
        CustomerView big = customers.create(CustomerForm.named(brand + "能源集团有限公司"), true);
        for (int i = 0; i < 4; i++) {
            customers.create(CustomerForm.named(CustomerApiTest.unique() + "小店"), true);
        }
        for (int i = 0; i < 6; i++) {
            timeline.ingest(
                    big.numericId(),
                    new TimelineIngest(
                            "order",
                            "V-" + brand + "-" + i,
                            OffsetDateTime.now(clock).minusDays(10 + i * 30),
                            "订单" + i,
                            null,
                            "ERP",
                            null,
                            new BigDecimal("5000000.00"),
                            new BigDecimal("1500000.00"),
                            true,
                            null));
        }
        CustomerValue.RunResult run = value.recompute();
        assertThat(run.customers()).isGreaterThan(0);
        CustomerValue.ValueScore score = value.latest(big.numericId()).orElseThrow();
        assertThat(score.tier()).as(score.toString()).isEqualTo("A");
        assertThat(score.dimensions()).hasSize(8);
        assertThat(score.dimensions().stream()
                        .filter(d -> d.dimension().equals("FREQUENCY"))
                        .findFirst()
                        .orElseThrow()
                        .explanation())
                .contains("6 笔");
        assertThat(customers.get(big.numericId()).tier()).isEqualTo("A");
        assertThat(value.history(big.numericId())).isNotEmpty();
    }

    @Test
    void engagementAndFrequencyCountEveryTimelineSourceNotOnlyTheCustomersOwnNotes() {
        signIn("rep16");
        CustomerView visited = customers.create(CustomerForm.named(CustomerApiTest.unique() + "精工有限公司"), true);
        CustomerView quiet = customers.create(CustomerForm.named(CustomerApiTest.unique() + "精工有限公司"), true);
        List<TimelineItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            items.add(
                    new TimelineItem("activity", OffsetDateTime.now(clock).minusDays(3 + i * 7), "拜访", null, null, 1));
        }
        for (int i = 0; i < 3; i++) {
            items.add(new TimelineItem("quote", OffsetDateTime.now(clock).minusDays(5 + i * 20), "报价", null, null, 1));
        }
        items.add(new TimelineItem("quote", OffsetDateTime.now(clock).minusDays(500), "很久以前的报价", null, null, 1));
        visits.items.put(visited.numericId(), items);

        value.recompute();
        var scored = value.latest(visited.numericId()).orElseThrow().dimensions();
        var none = value.latest(quiet.numericId()).orElseThrow().dimensions();
        CustomerValue.DimensionScore engagement = dimension(scored, "ENGAGEMENT");
        CustomerValue.DimensionScore frequency = dimension(scored, "FREQUENCY");
        assertThat(engagement.raw()).isEqualTo(12);
        assertThat(engagement.explanation()).contains("近90天互动 12 次");
        assertThat(frequency.raw())
                .as("quotes of the last twelve months are deals in the making")
                .isEqualTo(3);
        assertThat(frequency.explanation()).contains("报价与商机 3 次");
        assertThat(engagement.percentile())
                .isGreaterThan(dimension(none, "ENGAGEMENT").percentile());
        assertThat(frequency.percentile())
                .isGreaterThan(dimension(none, "FREQUENCY").percentile());
    }

    private static CustomerValue.DimensionScore dimension(List<CustomerValue.DimensionScore> dims, String name) {
        return dims.stream().filter(d -> d.dimension().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void managerCannotSeeAnotherTeamsCustomerButSeesThatADuplicateExists() {
        signIn("rep17");
        String brand = CustomerApiTest.unique();
        CustomerView other = customers.create(CustomerForm.named(brand + "水泥有限公司"), true);
        signIn("manager1");
        List<DuplicateCandidate> found = customers.duplicates(new DuplicateQuery(brand + "水泥", null, null, null, null));
        assertThat(found)
                .as("only that a duplicate exists and who owns it, not which customer")
                .anyMatch(c -> !c.visible()
                        && c.id() == null
                        && c.name() == null
                        && other.ownerName().equals(c.ownerName())
                        && c.industry() == null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> customers.get(other.numericId()))
                .isInstanceOf(app.lantern.shared.NotFoundException.class);
    }
}
