package app.lantern.quote;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.pipeline.BudgetRange;
import app.lantern.shared.demo.DemoContext;
import java.time.Clock;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class QuoteDemoDataTest {

    @Autowired
    QuoteTestData data;

    @Autowired
    QuoteDemoData demo;

    @Autowired
    DSLContext db;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        QuoteTestData.signOut();
    }

    @Test
    void generatesAbout400QuotesInEveryStateWithFeedbackOnExistingOpportunities() {
        for (int i = 0; i < 3; i++) {
            data.opportunity("rep" + (3 + i), QuoteTestData.unique("演示客户"), BudgetRange.FROM_50K_TO_200K);
        }
        QuoteTestData.signOut();
        int before = db.fetchCount(lantern.db.Tables.QUOTES);
        tx.executeWithoutResult(s -> demo.contribute(new DemoContext(42L, 1, clock)));
        var quotes = db.selectFrom(lantern.db.Tables.QUOTES)
                .orderBy(lantern.db.Tables.QUOTES.ID.desc())
                .limit(db.fetchCount(lantern.db.Tables.QUOTES) - before)
                .fetch();
        assertThat(quotes).hasSizeBetween(80, 400);
        assertThat(quotes.stream().map(q -> q.getStatus()).distinct().toList())
                .containsAll(Set.of("SENT", "SIGNED", "STAMPED", "REJECTED"))
                .containsAnyOf("DRAFT", "PENDING_APPROVAL");
        assertThat(quotes.stream()
                        .filter(q -> q.getFeedbackTag() != null)
                        .map(q -> q.getFeedbackTag())
                        .distinct()
                        .count())
                .isGreaterThanOrEqualTo(4);
        assertThat(quotes)
                .allSatisfy(q -> assertThat(q.getTotal())
                        .isEqualByComparingTo(q.getSubtotal().add(q.getTaxTotal())));
        assertThat(db.fetchCount(
                        lantern.db.Tables.QUOTE_PRODUCTS,
                        lantern.db.Tables.QUOTE_PRODUCTS.SKU.in("SAAS-STD", "MED-US200", "BDL-SALES", "BDL-ICU")))
                .isEqualTo(4);
    }
}
