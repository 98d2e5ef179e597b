package app.lantern.customer;

import static lantern.db.Tables.CONTACTS;
import static lantern.db.Tables.CUSTOMERS;

import app.lantern.identity.DataScopes;
import app.lantern.identity.RecordKind;
import app.lantern.search.SearchHit;
import app.lantern.search.SearchSource;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Contacts of the customers the reader may see, for the global search; a hit opens the customer's page. */
@Component
@Transactional(readOnly = true)
class ContactSearchSource implements SearchSource {

    private final DSLContext db;
    private final DataScopes scopes;

    ContactSearchSource(DSLContext db, DataScopes scopes) {
        this.db = db;
        this.scopes = scopes;
    }

    @Override
    public List<SearchHit> candidates(int cap) {
        return db.select(CONTACTS.NAME, CUSTOMERS.ID, CUSTOMERS.NAME)
                .from(CONTACTS)
                .join(CUSTOMERS)
                .on(CUSTOMERS.ID.eq(CONTACTS.CUSTOMER_ID))
                .where(scopes.current(RecordKind.CUSTOMER).condition(CUSTOMERS.OWNER_ID))
                .and(CUSTOMERS.MERGED_INTO.isNull())
                .orderBy(CONTACTS.UPDATED_AT.desc(), CONTACTS.ID.desc())
                .limit(cap)
                .fetch(r -> new SearchHit(
                        "CONTACT", r.get(CONTACTS.NAME), r.get(CUSTOMERS.NAME), "/customers/" + r.get(CUSTOMERS.ID)));
    }
}
