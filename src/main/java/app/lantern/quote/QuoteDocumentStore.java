package app.lantern.quote;

import static lantern.db.Tables.QUOTE_DOCUMENTS;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** The PDFs kept of each quote: the one SENT (and signed) and the STAMPED one, with their SHA-256. */
@Component
class QuoteDocumentStore {

    static final String SENT = "SENT";
    static final String STAMPED = "STAMPED";

    private final DSLContext db;

    QuoteDocumentStore(DSLContext db) {
        this.db = db;
    }

    void store(long quoteId, String kind, byte[] bytes, OffsetDateTime now) {
        db.insertInto(QUOTE_DOCUMENTS)
                .set(QUOTE_DOCUMENTS.QUOTE_ID, quoteId)
                .set(QUOTE_DOCUMENTS.KIND, kind)
                .set(QUOTE_DOCUMENTS.SHA256, SigningLinks.sha256(bytes))
                .set(QUOTE_DOCUMENTS.CONTENT, bytes)
                .set(QUOTE_DOCUMENTS.CREATED_AT, now)
                .execute();
    }

    Optional<QuoteSigning.Document> latest(long quoteId, String kind, String fileName) {
        return db.selectFrom(QUOTE_DOCUMENTS)
                .where(QUOTE_DOCUMENTS.QUOTE_ID.eq(quoteId).and(QUOTE_DOCUMENTS.KIND.eq(kind)))
                .orderBy(QUOTE_DOCUMENTS.ID.desc())
                .limit(1)
                .fetchOptional()
                .map(d -> new QuoteSigning.Document(d.getContent(), fileName, d.getSha256()));
    }
}
