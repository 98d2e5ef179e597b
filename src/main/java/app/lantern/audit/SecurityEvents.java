package app.lantern.audit;

import static lantern.db.Tables.SECURITY_EVENTS;

import app.lantern.shared.PageQuery;
import app.lantern.shared.PageResult;
import app.lantern.shared.RequestContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records attempts that security checks refused (see {@link SecurityEventKind}), for admins to see on a page and as
 * the counter {@code lantern.security.events} (tagged by kind). Events are aggregated per kind, actor, source address
 * and minute: a flood of ten thousand probes is one row with a count, never ten thousand audit rows. The first event
 * of each aggregate is written at once, repeats are added in batches at most every {@value #FLUSH_SECONDS} seconds,
 * and beyond {@value #MAX_KEYS_PER_MINUTE} distinct actors/addresses of one kind in one minute the rest share one overflow row
 * (actor and source {@code *}). Writes run in their own transaction, so the event survives the refused request's
 * rollback; a failed write is logged, never thrown at the caller.
 */
@Service
public class SecurityEvents {

    static final int MAX_KEYS_PER_MINUTE = 1_000;
    static final int FLUSH_SECONDS = 10;
    static final String METRIC = "lantern.security.events";

    private static final Logger log = LoggerFactory.getLogger(SecurityEvents.class);

    private final DSLContext db;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final MeterRegistry meters;
    private final ReentrantLock flushing = new ReentrantLock();

    private final Map<Key, Pending> pending = new HashMap<>();
    private final Set<Key> seen = new HashSet<>();
    private final Set<Key> written = new HashSet<>();
    private final Map<SecurityEventKind, Integer> distinctThisMinute = new EnumMap<>(SecurityEventKind.class);
    private OffsetDateTime currentMinute;
    private OffsetDateTime lastFlush;

    SecurityEvents(
            DSLContext db, Clock clock, PlatformTransactionManager transactions, ObjectProvider<MeterRegistry> meters) {
        this.db = db;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.meters = meters.getIfAvailable(() -> Metrics.globalRegistry);
        for (SecurityEventKind kind : SecurityEventKind.values()) {
            this.meters.counter(METRIC, "kind", kind.name()); // every kind is on the dashboard from the start, at 0
        }
    }

    private record Key(SecurityEventKind kind, String actor, String source, OffsetDateTime minute) {}

    private static final class Pending {
        long count;
        String detail;
        OffsetDateTime lastAt;
    }

    /** Records an event by {@code actor} (a username, or null for an anonymous caller) from the current request's address. */
    public void record(SecurityEventKind kind, String actor, String detail) {
        record(kind, actor, RequestContext.current().map(RequestContext::ip).orElse(null), detail);
    }

    /** Records an event by {@code actor} from {@code source} (a client address; null when unknown). */
    public void record(SecurityEventKind kind, String actor, String source, String detail) {
        meters.counter(METRIC, "kind", kind.name()).increment();
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean writeNow;
        synchronized (this) {
            OffsetDateTime minute = now.truncatedTo(ChronoUnit.MINUTES);
            if (!minute.equals(currentMinute)) {
                currentMinute = minute;
                seen.clear();
                written.clear();
                distinctThisMinute.clear();
            }
            Key key = new Key(kind, clip(actor, 100, "anonymous"), clip(source, 64, "-"), minute);
            if (!seen.contains(key) && distinctThisMinute.getOrDefault(kind, 0) >= MAX_KEYS_PER_MINUTE) {
                key = new Key(kind, "*", "*", minute);
            }
            if (seen.add(key)) {
                distinctThisMinute.merge(kind, 1, Integer::sum);
            }
            Pending p = pending.computeIfAbsent(key, k -> new Pending());
            p.count++;
            p.detail = clip(detail, 200, null);
            p.lastAt = now;
            writeNow = !written.contains(key)
                    || lastFlush == null
                    || !lastFlush.plusSeconds(FLUSH_SECONDS).isAfter(now);
        }
        if (writeNow && flushing.tryLock()) {
            try {
                writePending();
            } finally {
                flushing.unlock();
            }
        }
    }

    /** Writes every aggregated event not yet in the table. */
    public void flush() {
        flushing.lock();
        try {
            writePending();
        } finally {
            flushing.unlock();
        }
    }

    /** The newest aggregates first, optionally of one kind; pending repeats are written first. */
    public PageResult<SecurityEvent> recent(SecurityEventKind kind, PageQuery page) {
        flush();
        Condition where = kind == null ? DSL.trueCondition() : SECURITY_EVENTS.KIND.eq(kind.name());
        long total = db.fetchCount(SECURITY_EVENTS, where);
        List<SecurityEvent> items = db.selectFrom(SECURITY_EVENTS)
                .where(where)
                .orderBy(SECURITY_EVENTS.LAST_AT.desc(), SECURITY_EVENTS.ID.desc())
                .limit(page.size())
                .offset(page.offset())
                .fetch(r -> new SecurityEvent(
                        r.getId(),
                        SecurityEventKind.valueOf(r.getKind()),
                        r.getActor(),
                        r.getSource(),
                        r.getAtMinute(),
                        r.getOccurrences(),
                        r.getLastDetail(),
                        r.getLastAt()));
        return PageResult.of(items, page, total);
    }

    private void writePending() {
        Map<Key, Pending> batch;
        synchronized (this) {
            batch = new HashMap<>(pending);
            pending.clear();
            lastFlush = OffsetDateTime.now(clock);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            ownTransaction.executeWithoutResult(s -> batch.forEach(this::write));
            synchronized (this) {
                written.addAll(batch.keySet());
            }
        } catch (RuntimeException e) {
            log.warn("could not record {} security event aggregates", batch.size(), e);
        }
    }

    private void write(Key key, Pending p) {
        db.insertInto(SECURITY_EVENTS)
                .set(SECURITY_EVENTS.KIND, key.kind().name())
                .set(SECURITY_EVENTS.ACTOR, key.actor())
                .set(SECURITY_EVENTS.SOURCE, key.source())
                .set(SECURITY_EVENTS.AT_MINUTE, key.minute())
                .set(SECURITY_EVENTS.OCCURRENCES, p.count)
                .set(SECURITY_EVENTS.LAST_DETAIL, p.detail)
                .set(SECURITY_EVENTS.LAST_AT, p.lastAt)
                .onConflict(
                        SECURITY_EVENTS.KIND, SECURITY_EVENTS.ACTOR, SECURITY_EVENTS.SOURCE, SECURITY_EVENTS.AT_MINUTE)
                .doUpdate()
                .set(SECURITY_EVENTS.OCCURRENCES, SECURITY_EVENTS.OCCURRENCES.plus(p.count))
                .set(SECURITY_EVENTS.LAST_DETAIL, p.detail)
                .set(SECURITY_EVENTS.LAST_AT, p.lastAt)
                .execute();
    }

    /** Keeps stored text short and free of control characters (a NUL byte is refused by PostgreSQL). */
    private static String clip(String value, int max, String fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String clean = value.strip().replaceAll("\\p{Cntrl}", "?");
        return clean.length() > max ? clean.substring(0, max) : clean;
    }
}
