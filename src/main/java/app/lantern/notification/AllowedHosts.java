package app.lantern.notification;

import static lantern.db.Tables.NOTIFICATION_ALLOWED_HOSTS;

import app.lantern.shared.net.AllowedOutboundHosts;
import java.util.HashSet;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** The hosts an admin allowed although they are internal, managed on the channels page; they pass the outbound guard. */
@Component
class AllowedHosts implements AllowedOutboundHosts {

    private final DSLContext db;

    AllowedHosts(DSLContext db) {
        this.db = db;
    }

    @Override
    public Set<String> hosts() {
        return new HashSet<>(db.select(NOTIFICATION_ALLOWED_HOSTS.HOST)
                .from(NOTIFICATION_ALLOWED_HOSTS)
                .fetch(NOTIFICATION_ALLOWED_HOSTS.HOST));
    }
}
