package app.lantern.quote;

import static lantern.db.Tables.QUOTES;

import app.lantern.identity.DataScopes;
import app.lantern.identity.RecordKind;
import app.lantern.search.SearchHit;
import app.lantern.search.SearchSource;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The quotes the reader may see, for the global search: matched on number and title, with the customer below. */
@Component
@Transactional(readOnly = true)
class QuoteSearchSource implements SearchSource {

    private final DSLContext db;
    private final DataScopes scopes;

    QuoteSearchSource(DSLContext db, DataScopes scopes) {
        this.db = db;
        this.scopes = scopes;
    }

    @Override
    public List<SearchHit> candidates(int cap) {
        return db.select(QUOTES.ID, QUOTES.NUMBER, QUOTES.TITLE, QUOTES.CUSTOMER_NAME)
                .from(QUOTES)
                .where(scopes.current(RecordKind.QUOTE).condition(QUOTES.OWNER_ID))
                .orderBy(QUOTES.UPDATED_AT.desc(), QUOTES.ID.desc())
                .limit(cap)
                .fetch(r -> new SearchHit(
                        "QUOTE",
                        r.get(QUOTES.TITLE) == null
                                ? r.get(QUOTES.NUMBER)
                                : r.get(QUOTES.NUMBER) + " " + r.get(QUOTES.TITLE),
                        r.get(QUOTES.CUSTOMER_NAME),
                        "/quotes/" + r.get(QUOTES.ID)));
    }
}
