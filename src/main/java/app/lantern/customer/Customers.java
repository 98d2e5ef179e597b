package app.lantern.customer;

import static lantern.db.Tables.CONTACTS;
import static lantern.db.Tables.CUSTOMERS;

import app.lantern.identity.DataScope;
import app.lantern.identity.DataScopes;
import app.lantern.identity.RecordKind;
import app.lantern.shared.NotFoundException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Customer lookups for other modules. Merged customers are never returned; use the survivor. */
@Service
@Transactional(readOnly = true)
public class Customers {

    private final DSLContext db;
    private final DataScopes scopes;

    Customers(DSLContext db, DataScopes scopes) {
        this.db = db;
        this.scopes = scopes;
    }

    /** Unscoped: the caller decides whether the reader may see it. */
    public Optional<CustomerRef> find(long id) {
        return db.selectFrom(CUSTOMERS)
                .where(CUSTOMERS.ID.eq(id))
                .and(CUSTOMERS.MERGED_INTO.isNull())
                .fetchOptional()
                .map(Customers::ref);
    }

    /**
     * Names of the given customers in one query (unscoped, like {@link #find}): lists and boards show a page of rows
     * with their customer, never one lookup per row. Merged or unknown ids are missing from the map.
     */
    public Map<Long, String> names(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return db.select(CUSTOMERS.ID, CUSTOMERS.NAME)
                .from(CUSTOMERS)
                .where(CUSTOMERS.ID.in(Set.copyOf(ids)))
                .and(CUSTOMERS.MERGED_INTO.isNull())
                .fetchMap(CUSTOMERS.ID, CUSTOMERS.NAME);
    }

    /** The customer if the signed-in user may see it; 404 otherwise. */
    public CustomerRef requireVisible(long id) {
        CustomerRef customer = find(id).orElseThrow(() -> NotFoundException.of("customer", id));
        scopes.current(RecordKind.CUSTOMER).require(customer.ownerId(), "customer", id);
        return customer;
    }

    /** Customers the signed-in user may see whose name or short name contains {@code q}. */
    public List<CustomerRef> search(String q, int limit) {
        DataScope scope = scopes.current(RecordKind.CUSTOMER);
        String pattern = "%"
                + (q == null
                        ? ""
                        : q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
        return db.selectFrom(CUSTOMERS)
                .where(scope.condition(CUSTOMERS.OWNER_ID))
                .and(CUSTOMERS.MERGED_INTO.isNull())
                .and(CUSTOMERS
                        .NAME
                        .likeIgnoreCase(pattern, '\\')
                        .or(CUSTOMERS.SHORT_NAME.likeIgnoreCase(pattern, '\\')))
                .orderBy(CUSTOMERS.UPDATED_AT.desc())
                .limit(Math.min(Math.max(limit, 1), 200))
                .fetch(Customers::ref);
    }

    /** The owner's customers, most recently updated first. */
    public List<CustomerRef> recentlyTouchedBy(long ownerId, int limit) {
        return db.selectFrom(CUSTOMERS)
                .where(CUSTOMERS.OWNER_ID.eq(ownerId))
                .and(CUSTOMERS.MERGED_INTO.isNull())
                .orderBy(CUSTOMERS.UPDATED_AT.desc())
                .limit(Math.min(Math.max(limit, 1), 200))
                .fetch(Customers::ref);
    }

    /** Unscoped. */
    public List<ContactRef> contacts(long customerId) {
        return db.selectFrom(CONTACTS)
                .where(CONTACTS.CUSTOMER_ID.eq(customerId))
                .orderBy(CONTACTS.ID)
                .fetch(r -> new ContactRef(
                        r.getId(),
                        r.getCustomerId(),
                        r.getName(),
                        r.getTitle(),
                        r.getDecisionRole(),
                        "ACTIVE".equals(r.getStatus())));
    }

    public Optional<OffsetDateTime> createdAt(long customerId) {
        return db.select(CUSTOMERS.CREATED_AT)
                .from(CUSTOMERS)
                .where(CUSTOMERS.ID.eq(customerId))
                .fetchOptional(CUSTOMERS.CREATED_AT);
    }

    private static CustomerRef ref(Record r) {
        return new CustomerRef(
                r.get(CUSTOMERS.ID),
                r.get(CUSTOMERS.NAME),
                r.get(CUSTOMERS.SHORT_NAME),
                r.get(CUSTOMERS.OWNER_ID),
                r.get(CUSTOMERS.INDUSTRY),
                r.get(CUSTOMERS.PROVINCE),
                r.get(CUSTOMERS.TIER));
    }
}
