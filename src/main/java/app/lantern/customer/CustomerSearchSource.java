package app.lantern.customer;

import static lantern.db.Tables.CUSTOMERS;

import app.lantern.identity.DataScopes;
import app.lantern.identity.RecordKind;
import app.lantern.search.SearchHit;
import app.lantern.search.SearchSource;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The customers the reader may see, for the global search. */
@Component
@Transactional(readOnly = true)
class CustomerSearchSource implements SearchSource {

    private final DSLContext db;
    private final DataScopes scopes;

    CustomerSearchSource(DSLContext db, DataScopes scopes) {
        this.db = db;
        this.scopes = scopes;
    }

    @Override
    public List<SearchHit> candidates(int cap) {
        return db.select(CUSTOMERS.ID, CUSTOMERS.NAME, CUSTOMERS.SHORT_NAME)
                .from(CUSTOMERS)
                .where(scopes.current(RecordKind.CUSTOMER).condition(CUSTOMERS.OWNER_ID))
                .and(CUSTOMERS.MERGED_INTO.isNull())
                .orderBy(CUSTOMERS.UPDATED_AT.desc(), CUSTOMERS.ID.desc())
                .limit(cap)
                .fetch(r -> new SearchHit(
                        "CUSTOMER",
                        r.get(CUSTOMERS.NAME),
                        r.get(CUSTOMERS.SHORT_NAME),
                        "/customers/" + r.get(CUSTOMERS.ID)));
    }
}
