package app.lantern.quote;

import static app.lantern.quote.QuoteTestData.draft;
import static app.lantern.quote.QuoteTestData.line;
import static app.lantern.quote.QuoteTestData.unique;
import static lantern.db.Tables.QUOTES;
import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.pipeline.BudgetRange;
import app.lantern.shared.ConflictException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import lantern.db.tables.records.QuotesRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * H1: the customer signing and the rep revising the same sent quote at the same moment. Whatever the order, the quote
 * ends either signed (and not superseded, no new revision) or superseded (and never signed): finance is never asked
 * to stamp a quote that has been replaced.
 */
@SpringBootTest(
        properties = {
            "lantern.quote.inbound-secret=test-inbound-secret",
            "lantern.public-hosts=localhost,crm.example.cn"
        })
@AutoConfigureMockMvc
class QuoteSignReviseRaceTest {

    private static final int ROUNDS = 30;

    @Autowired
    QuoteTestData data;

    @Autowired
    Quotes quotes;

    @Autowired
    QuoteDrafting drafting;

    @Autowired
    QuoteApprovals approvals;

    @Autowired
    QuoteSigning signing;

    @Autowired
    DSLContext db;

    @AfterEach
    void signOut() {
        QuoteTestData.signOut();
    }

    @Test
    void signAndReviseFiredTogetherEndInExactlyOneAllowedState() throws Exception {
        Product course = data.product("竞态课程", "1000.00", "300.00", "6");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int signedWins = 0;
        int reviseWins = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                long opportunity = data.opportunity("rep1", unique("竞态客户"), BudgetRange.FROM_50K_TO_200K);
                data.signIn("rep1");
                long id = approvals
                        .submit(drafting.create(draft(opportunity, List.of(line(course, "2", "0"))))
                                .id())
                        .id();
                assertThat(quotes.get(id).status()).isEqualTo(QuoteStatus.APPROVED);
                String url = signing.send(id).signingUrl();
                String token = url.substring(url.lastIndexOf('/') + 1);
                QuoteTestData.signOut();
                String sha = signing.publicView(token).documentSha256();
                var request = new QuoteSigning.SignRequest("李总", QuoteTestData.drawnSignature(), true, sha);

                CyclicBarrier start = new CyclicBarrier(2);
                Future<Boolean> sign = pool.submit(attempt(start, () -> {
                    QuoteTestData.signOut();
                    signing.sign(token, request, "203.0.113.9", "race");
                }));
                Future<Boolean> revise = pool.submit(attempt(start, () -> {
                    data.signIn("rep1");
                    try {
                        drafting.revise(id, null);
                    } finally {
                        QuoteTestData.signOut();
                    }
                }));
                boolean signed = sign.get(30, TimeUnit.SECONDS);
                boolean revised = revise.get(30, TimeUnit.SECONDS);

                QuotesRecord row = db.selectFrom(QUOTES).where(QUOTES.ID.eq(id)).fetchOne();
                int revisions = db.fetchCount(QUOTES, QUOTES.NUMBER.eq(row.getNumber()));
                assertThat(signed ^ revised)
                        .as("round %d: exactly one of sign (%s) and revise (%s) succeeds", round, signed, revised)
                        .isTrue();
                if (signed) {
                    signedWins++;
                    assertThat(row.getStatus()).as("round %d", round).isEqualTo(QuoteStatus.SIGNED.name());
                    assertThat(row.getSignedAt()).isNotNull();
                    assertThat(row.getSupersededBy()).isNull();
                    assertThat(revisions)
                            .as("no new revision of a signed quote")
                            .isEqualTo(1);
                } else {
                    reviseWins++;
                    assertThat(row.getStatus()).as("round %d", round).isEqualTo(QuoteStatus.SUPERSEDED.name());
                    assertThat(row.getSignedAt())
                            .as("a superseded quote is never signed")
                            .isNull();
                    assertThat(row.getSupersededBy()).isNotNull();
                    assertThat(revisions).isEqualTo(2);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(signedWins + reviseWins).isEqualTo(ROUNDS);
    }

    /** Runs the call once both threads are ready; true if it succeeded, false if it was refused as a conflict. */
    private static Callable<Boolean> attempt(CyclicBarrier start, Runnable call) {
        return () -> {
            start.await(10, TimeUnit.SECONDS);
            try {
                call.run();
                return true;
            } catch (ConflictException e) {
                return false;
            }
        };
    }
}
