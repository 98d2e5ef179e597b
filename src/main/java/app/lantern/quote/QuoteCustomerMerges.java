package app.lantern.quote;

import static lantern.db.Tables.QUOTES;

import app.lantern.audit.AuditLog;
import app.lantern.customer.CustomerRef;
import app.lantern.customer.Customers;
import app.lantern.customer.CustomersMerged;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps quotes with their customer when two customers are merged. */
@Component
class QuoteCustomerMerges {

    private final DSLContext db;
    private final Customers customers;
    private final AuditLog audit;

    QuoteCustomerMerges(DSLContext db, Customers customers, AuditLog audit) {
        this.db = db;
        this.customers = customers;
        this.audit = audit;
    }

    /** Quotes follow a merged customer to the survivor, inside the merge transaction. */
    @EventListener
    void on(CustomersMerged merged) {
        String name = customers.find(merged.survivorId()).map(CustomerRef::name).orElse(null);
        var update = db.update(QUOTES).set(QUOTES.CUSTOMER_ID, merged.survivorId());
        if (name != null) {
            update = update.set(QUOTES.CUSTOMER_NAME, name);
        }
        int n = update.where(QUOTES.CUSTOMER_ID.eq(merged.mergedId())).execute();
        if (n > 0) {
            audit.recorded(
                    "customer",
                    merged.survivorId(),
                    "quote.customer.repointed",
                    Map.of("from", merged.mergedId(), "quotes", n));
        }
    }
}
