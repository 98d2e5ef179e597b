package app.lantern.integration;

import static lantern.db.Tables.INTEGRATION_WECOM_LOG;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The WeCom error log of the admin page. Refused callbacks come from anyone on the internet, so at most one refusal a
 * minute is written (the rest are counted in the next entry's absence, not stored).
 */
@Component
class WeComLog {

    static final String REFUSED = "REFUSED";
    static final String API = "API";
    static final String SYNC = "SYNC";

    private final DSLContext db;
    private final Clock clock;

    WeComLog(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void write(String kind, String message) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (REFUSED.equals(kind)
                && db.fetchExists(
                        INTEGRATION_WECOM_LOG,
                        INTEGRATION_WECOM_LOG.KIND.eq(REFUSED).and(INTEGRATION_WECOM_LOG.AT.gt(now.minusMinutes(1))))) {
            return;
        }
        db.insertInto(INTEGRATION_WECOM_LOG)
                .set(INTEGRATION_WECOM_LOG.AT, now)
                .set(INTEGRATION_WECOM_LOG.KIND, kind)
                .set(INTEGRATION_WECOM_LOG.MESSAGE, message.length() > 500 ? message.substring(0, 500) : message)
                .execute();
    }
}
