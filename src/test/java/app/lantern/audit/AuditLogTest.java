package app.lantern.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lantern.shared.PageQuery;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class AuditLogTest {

    @Autowired
    Clock clock;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditTrail trail;

    @Autowired
    TransactionTemplate tx;

    static String unique(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    @Test
    void failedBusinessTransactionLeavesNoAuditEntry() {
        String id = unique("FAIL");
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
                    audit.created("deal", id, Map.of("name", "半途而废"));
                    throw new IllegalStateException("business rule broken after the audit call");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(trail.history("deal", id)).isEmpty();
    }

    @Test
    void auditingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> audit.created("deal", unique("NOTX"), Map.of()))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void historyListsTheRecordsEntriesNewestFirstWithOnlyChangedFields() {
        String id = unique("HIST");
        tx.executeWithoutResult(s -> audit.created("deal", id, Map.of("name", "招商银行", "amount", 120000)));
        tx.executeWithoutResult(s -> audit.updated(
                "deal", id, Map.of("name", "招商银行", "amount", 120000), Map.of("name", "招商银行", "amount", 150000)));
        var history = trail.history("deal", id);
        assertThat(history).extracting(AuditEntry::action).containsExactly("updated", "created");
        assertThat(history.getFirst().changes()).isEqualTo("{\"amount\":{\"before\":120000,\"after\":150000}}");
        assertThat(history.getFirst().actorName()).isEqualTo("system");
    }

    @Test
    void entriesOfTheRunningTransactionAreReadable() {
        String id = unique("SAME");
        var seen = tx.execute(s -> {
            audit.recorded("deal", id, "stage.changed", Map.of("to", "方案"));
            return trail.history("deal", id);
        });
        assertThat(seen).extracting(AuditEntry::action).containsExactly("stage.changed");
        assertThat(trail.history("deal", id)).hasSize(1);
    }

    @Test
    void searchFiltersByActorActionAndTime() {
        String id = unique("SRCH");
        OffsetDateTime before = OffsetDateTime.now(clock).minusMinutes(1);
        tx.executeWithoutResult(s -> {
            audit.recordedBy(new Someone(4242, "auditor-x"), "deal", id, "downloaded", Map.of("file", "报价单.pdf"));
            audit.recorded("deal", id, "stage.changed", Map.of());
        });
        PageQuery page = PageQuery.of(0, 10, null, Set.of("occurredAt"), "occurredAt,desc");
        assertThat(trail.search(new AuditFilter("deal", id, "auditor-x", null, null, null), page)
                        .items())
                .extracting(AuditEntry::action)
                .containsExactly("downloaded");
        assertThat(trail.search(new AuditFilter(null, id, "4242", "downloaded", before, null), page)
                        .total())
                .isEqualTo(1);
        assertThat(trail.search(new AuditFilter("deal", id, null, null, null, before), page)
                        .total())
                .isZero();
    }

    record Someone(long userId, String username) implements app.lantern.shared.UserRef {}
}
