package app.lantern.customer;

import static lantern.db.Tables.CONTACTS;
import static lantern.db.Tables.CUSTOMERS;
import static lantern.db.Tables.CUSTOMER_DISTINCT_PAIRS;
import static lantern.db.Tables.CUSTOMER_DUPLICATE_PAIRS;
import static lantern.db.Tables.CUSTOMER_MATCH_KEYS;

import app.lantern.customer.matching.KeyIndex;
import app.lantern.customer.matching.MatchKeys;
import app.lantern.customer.matching.MatchProfile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The blocking-key index as a table, maintained on every write of a customer or its contacts, and read key by key
 * (an index look-up each), so a duplicate check never scans the customers.
 */
@Component
class MatchIndex implements KeyIndex {

    /** Keys or ids per statement in the batched operations. */
    static final int BATCH = 1000;
    /** Keys per look-up statement: H2 re-checks every fetched row against the whole IN list. */
    static final int KEY_BATCH = 200;

    private final DSLContext db;

    MatchIndex(DSLContext db) {
        this.db = db;
    }

    @Override
    public List<Long> lookup(String key, int cap) {
        return db.select(CUSTOMER_MATCH_KEYS.CUSTOMER_ID).from(CUSTOMER_MATCH_KEYS)
                .where(CUSTOMER_MATCH_KEYS.MATCH_KEY.eq(key))
                .limit(cap + 1)
                .fetch(CUSTOMER_MATCH_KEYS.CUSTOMER_ID);
    }

    @Override
    public List<MatchProfile> profiles(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> phones = new HashMap<>();
        Map<Long, List<String>> emails = new HashMap<>();
        db.select(CONTACTS.CUSTOMER_ID, CONTACTS.PHONE, CONTACTS.MOBILE, CONTACTS.EMAIL).from(CONTACTS)
                .where(CONTACTS.CUSTOMER_ID.in(ids))
                .forEach(r -> {
                    List<String> p = phones.computeIfAbsent(r.value1(), k -> new ArrayList<>());
                    if (r.value2() != null) {
                        p.add(r.value2());
                    }
                    if (r.value3() != null) {
                        p.add(r.value3());
                    }
                    if (r.value4() != null) {
                        emails.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value4());
                    }
                });
        List<MatchProfile> result = new ArrayList<>();
        db.select(CUSTOMERS.ID, CUSTOMERS.NAME, CUSTOMERS.SHORT_NAME, CUSTOMERS.PHONE, CUSTOMERS.EMAIL, CUSTOMERS.CREDIT_CODE)
                .from(CUSTOMERS).where(CUSTOMERS.ID.in(ids)).and(CUSTOMERS.MERGED_INTO.isNull())
                .forEach(r -> {
                    List<String> p = new ArrayList<>(phones.getOrDefault(r.value1(), List.of()));
                    if (r.value4() != null) {
                        p.add(r.value4());
                    }
                    List<String> e = new ArrayList<>(emails.getOrDefault(r.value1(), List.of()));
                    if (r.value5() != null) {
                        e.add(r.value5());
                    }
                    result.add(MatchProfile.of(r.value1(), r.value2(), p, e, r.value6()));
                    if (r.value3() != null && !r.value3().isBlank()) {
                        result.add(MatchProfile.of(r.value1(), r.value3(), p, e, r.value6()));
                    }
                });
        return result;
    }

    /** Rewrites the customer's keys from its current name, short name, phones, e-mails and credit code. */
    void reindex(long customerId) {
        // the customer's row lock orders this after a running key rebuild's chunk (MatchKeyRebuild)
        db.select(CUSTOMERS.ID).from(CUSTOMERS).where(CUSTOMERS.ID.eq(customerId)).forUpdate().fetch();
        db.deleteFrom(CUSTOMER_MATCH_KEYS).where(CUSTOMER_MATCH_KEYS.CUSTOMER_ID.eq(customerId)).execute();
        add(profiles(List.of(customerId)));
    }

    /** Rewrites the keys of many customers (merged ones lose theirs), a few statements per {@link #BATCH}. */
    void replaceKeys(List<Long> customerIds) {
        for (int from = 0; from < customerIds.size(); from += BATCH) {
            List<Long> ids = customerIds.subList(from, Math.min(customerIds.size(), from + BATCH));
            db.deleteFrom(CUSTOMER_MATCH_KEYS).where(CUSTOMER_MATCH_KEYS.CUSTOMER_ID.in(ids)).execute();
            add(profiles(ids));
        }
    }

    /** Adds the keys of new customers' profiles (a customer may have two: its name and its short name), as one JDBC batch. */
    void add(List<MatchProfile> profiles) {
        Map<Long, java.util.Set<String>> keys = new java.util.LinkedHashMap<>();
        for (MatchProfile p : profiles) {
            keys.computeIfAbsent(p.id(), k -> new java.util.LinkedHashSet<>()).addAll(MatchKeys.of(p));
        }
        if (keys.isEmpty()) {
            return;
        }
        var batch = db.batch(db.insertInto(CUSTOMER_MATCH_KEYS, CUSTOMER_MATCH_KEYS.MATCH_KEY, CUSTOMER_MATCH_KEYS.CUSTOMER_ID)
                .values((String) null, (Long) null));
        for (var e : keys.entrySet()) {
            for (String key : e.getValue()) {
                batch = batch.bind(key, e.getKey());
            }
        }
        batch.execute();
    }

    /** The ids holding each of {@code keys} (absent keys have none), a few statements for all of them. */
    Map<String, List<Long>> postings(java.util.Collection<String> keys) {
        var k = CUSTOMER_MATCH_KEYS;
        Map<String, List<Long>> result = new HashMap<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += KEY_BATCH) {
            db.select(k.MATCH_KEY, k.CUSTOMER_ID).from(k).where(k.MATCH_KEY.in(all.subList(from, Math.min(all.size(), from + KEY_BATCH))))
                    .forEach(r -> result.computeIfAbsent(r.value1(), x -> new ArrayList<>()).add(r.value2()));
        }
        return result;
    }

    /** {@link #profiles} of many ids, in batches. */
    List<MatchProfile> profilesInBatches(List<Long> ids) {
        List<MatchProfile> result = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += BATCH) {
            result.addAll(profiles(ids.subList(from, Math.min(ids.size(), from + BATCH))));
        }
        return result;
    }

    void remove(long customerId) {
        db.deleteFrom(CUSTOMER_MATCH_KEYS).where(CUSTOMER_MATCH_KEYS.CUSTOMER_ID.eq(customerId)).execute();
        db.deleteFrom(CUSTOMER_DUPLICATE_PAIRS).where(CUSTOMER_DUPLICATE_PAIRS.LOW_ID.eq(customerId).or(CUSTOMER_DUPLICATE_PAIRS.HIGH_ID.eq(customerId))).execute();
    }

    /**
     * Rewrites the customer's keys and remembers which existing customers it may duplicate (score at or above the
     * threshold, not dismissed as distinct), for the landing widgets and the report.
     */
    void reindexAndFlag(long customerId, double threshold, java.time.OffsetDateTime now) {
        reindex(customerId);
        db.deleteFrom(CUSTOMER_DUPLICATE_PAIRS).where(CUSTOMER_DUPLICATE_PAIRS.LOW_ID.eq(customerId).or(CUSTOMER_DUPLICATE_PAIRS.HIGH_ID.eq(customerId))).execute();
        var distinct = new java.util.HashSet<Long>();
        db.selectFrom(CUSTOMER_DISTINCT_PAIRS).where(CUSTOMER_DISTINCT_PAIRS.LOW_ID.eq(customerId).or(CUSTOMER_DISTINCT_PAIRS.HIGH_ID.eq(customerId)))
                .forEach(r -> distinct.add(r.getLowId() == customerId ? r.getHighId() : r.getLowId()));
        java.util.Map<Long, Double> best = new java.util.HashMap<>();
        for (MatchProfile p : profiles(List.of(customerId))) {
            for (var m : app.lantern.customer.matching.DuplicateMatcher.candidates(p, this, threshold, 20)) {
                if (!distinct.contains(m.id())) {
                    best.merge(m.id(), m.score(), Math::max);
                }
            }
        }
        best.forEach((other, score) -> flag(customerId, other, score, now));
    }

    /** Remembers that two customers may be one (a new pair; an import creating rows despite duplicates). */
    void flag(long a, long b, double score, java.time.OffsetDateTime now) {
        db.insertInto(CUSTOMER_DUPLICATE_PAIRS)
                .set(CUSTOMER_DUPLICATE_PAIRS.LOW_ID, Math.min(a, b))
                .set(CUSTOMER_DUPLICATE_PAIRS.HIGH_ID, Math.max(a, b))
                .set(CUSTOMER_DUPLICATE_PAIRS.SCORE, java.math.BigDecimal.valueOf(Math.min(score, 1.0)).setScale(3, java.math.RoundingMode.HALF_UP))
                .set(CUSTOMER_DUPLICATE_PAIRS.FOUND_AT, now).execute();
    }

    /** Every strong key held by 2…maxSize customers, with its ids (the cluster report's blocks). */
    List<long[]> blocks(int maxSize) {
        var k = CUSTOMER_MATCH_KEYS;
        var common = db.select(k.MATCH_KEY).from(k)
                .where(k.MATCH_KEY.notLike("b:%")).and(k.MATCH_KEY.notLike("a:%"))
                .groupBy(k.MATCH_KEY).having(org.jooq.impl.DSL.count().between(2, maxSize));
        List<long[]> blocks = new ArrayList<>();
        String current = null;
        List<Long> ids = new ArrayList<>();
        try (var cursor = db.select(k.MATCH_KEY, k.CUSTOMER_ID).from(k).where(k.MATCH_KEY.in(common))
                .orderBy(k.MATCH_KEY).fetchSize(1000).fetchLazy()) {
            for (var r : cursor) {
                if (!r.value1().equals(current)) {
                    if (ids.size() >= 2) {
                        blocks.add(ids.stream().mapToLong(Long::longValue).toArray());
                    }
                    ids.clear();
                    current = r.value1();
                }
                ids.add(r.value2());
            }
        }
        if (ids.size() >= 2) {
            blocks.add(ids.stream().mapToLong(Long::longValue).toArray());
        }
        return blocks;
    }

    void dismiss(long a, long b) {
        db.deleteFrom(CUSTOMER_DUPLICATE_PAIRS).where(CUSTOMER_DUPLICATE_PAIRS.LOW_ID.eq(Math.min(a, b)))
                .and(CUSTOMER_DUPLICATE_PAIRS.HIGH_ID.eq(Math.max(a, b))).execute();
    }
}
