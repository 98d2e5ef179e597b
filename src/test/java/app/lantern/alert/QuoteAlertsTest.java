package app.lantern.alert;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.identity.Directory;
import app.lantern.quote.ApprovalOverdue;
import app.lantern.quote.QuoteSent;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class QuoteAlertsTest {

    @Autowired
    Clock clock;

    @Autowired
    QuoteListener listener;

    @Autowired
    Directory directory;

    @Autowired
    DSLContext db;

    private void awaitOpen(String key, boolean open) throws InterruptedException {
        for (int i = 0;
                i < 100
                        && db.fetch("select id from alerts where open_key = ?", key)
                                        .isNotEmpty()
                                != open;
                i++) {
            Thread.sleep(100);
        }
    }

    @Test
    void anOverdueApprovalOpensOneAlertThatClearsWhenTheQuoteIsSent() throws InterruptedException {
        long rep = directory.userByUsername("rep11").orElseThrow().id();
        long quote = System.nanoTime() % 1_000_000_000L + 2_000_000_000L;
        ApprovalOverdue overdue = new ApprovalOverdue(
                quote, 1, rep, null, "FINANCE", OffsetDateTime.now(clock).minusDays(4), 3);
        String key = Alerts.openKey("APPROVAL_OVERDUE", "quote", quote);
        // the listener runs asynchronously after the publishing transaction, as module listeners do
        listener.on(overdue);
        awaitOpen(key, true);
        assertThat(db.fetch("select message from alerts where open_key = ?", key))
                .singleElement()
                .satisfies(r -> assertThat(r.get(0, String.class)).contains("已等待 3 个工作日"));

        listener.on(new QuoteSent(
                quote,
                rep,
                null,
                OffsetDateTime.now(clock),
                LocalDate.now(clock).plusDays(14)));
        awaitOpen(key, false);
        assertThat(db.fetch("select id from alerts where open_key = ?", key)).isEmpty();
        assertThat(db.fetch("select status from alerts where rule_code = 'APPROVAL_OVERDUE' and subject_id = ?", quote))
                .singleElement()
                .satisfies(r -> assertThat(r.get(0, String.class)).isEqualTo("RESOLVED"));
    }
}
