package app.lantern.customer;

import static lantern.db.Tables.CONTACTS;
import static lantern.db.Tables.CUSTOMERS;
import static lantern.db.Tables.CUSTOMER_DISTINCT_PAIRS;
import static lantern.db.Tables.CUSTOMER_DUPLICATE_PAIRS;
import static lantern.db.Tables.CUSTOMER_MATCH_BUCKETS;
import static lantern.db.Tables.CUSTOMER_MATCH_POSTINGS;

import app.lantern.customer.matching.KeyIndex;
import app.lantern.customer.matching.MatchKeys;
import app.lantern.customer.matching.MatchProfile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The blocking-key index as a table, maintained on every write of a customer or its contacts, and read key by key
 * (an index range each), so a duplicate check never scans the customers. Each (key, customer) pair is one BIGINT
 * posting: the key's bucket (31 bits of its hash, the top bit set for strong keys) above the customer id, so a key's
 * customers are one range of the primary key and writing a customer's ~35 keys touches one index. Keys sharing a
 * bucket (about one in 500 at a million customers) only bring a few more candidates, which are scored as any.
 */
@Component
class MatchIndex implements KeyIndex {

    /** Keys or ids per statement in the batched operations. */
    static final int BATCH = 1000;
    /** Postings per delete statement (a customer has about 35). */
    static final int KEY_DELETE_BATCH = 5000;

    private static final long LOW_32 = 0xFFFF_FFFFL;
    private static final String RANGES =
            "select p.posting from customer_match_postings p join unnest(cast(? as bigint array)) as r(lo)"
                    + " on p.posting between r.lo and r.lo + " + LOW_32;

    private final DSLContext db;

    MatchIndex(DSLContext db) {
        this.db = db;
    }

    /** The key's bucket: 31 bits of a 64-bit FNV-1a hash (finalised), the sign bit set for strong keys. */
    static int bucket(String key) {
        long h = 0xcbf2_9ce4_8422_2325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100_0000_01b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51_afd7_ed55_8ccdL;
        h ^= h >>> 33;
        int b = (int) h & 0x7FFF_FFFF;
        return MatchKeys.isStrong(key) ? b | 0x8000_0000 : b;
    }

    /** The lowest posting of a bucket; its postings run to {@code low + 0xFFFFFFFF}. */
    private static long low(int bucket) {
        return (long) bucket << 32;
    }

    private static long posting(int bucket, long customerId) {
        if (customerId < 0 || customerId > LOW_32) {
            throw new IllegalStateException("customer id " + customerId + " does not fit a match posting");
        }
        return low(bucket) | customerId;
    }

    @Override
    public List<Long> lookup(String key, int cap) {
        long low = low(bucket(key));
        return db.select(CUSTOMER_MATCH_POSTINGS.POSTING)
                .from(CUSTOMER_MATCH_POSTINGS)
                .where(CUSTOMER_MATCH_POSTINGS.POSTING.between(low, low | LOW_32))
                .orderBy(CUSTOMER_MATCH_POSTINGS.POSTING)
                .limit(cap + 1)
                .fetch(r -> r.value1() & LOW_32);
    }

    @Override
    public List<MatchProfile> profiles(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> phones = new HashMap<>();
        Map<Long, List<String>> emails = new HashMap<>();
        db.select(CONTACTS.CUSTOMER_ID, CONTACTS.PHONE, CONTACTS.MOBILE, CONTACTS.EMAIL)
                .from(CONTACTS)
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
                        emails.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                                .add(r.value4());
                    }
                });
        List<MatchProfile> result = new ArrayList<>();
        db.select(
                        CUSTOMERS.ID,
                        CUSTOMERS.NAME,
                        CUSTOMERS.SHORT_NAME,
                        CUSTOMERS.PHONE,
                        CUSTOMERS.EMAIL,
                        CUSTOMERS.CREDIT_CODE)
                .from(CUSTOMERS)
                .where(CUSTOMERS.ID.in(ids))
                .and(CUSTOMERS.MERGED_INTO.isNull())
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
        db.select(CUSTOMERS.ID)
                .from(CUSTOMERS)
                .where(CUSTOMERS.ID.eq(customerId))
                .forUpdate()
                .fetch();
        removePostings(List.of(customerId));
        add(profiles(List.of(customerId)));
    }

    /** Rewrites the keys of many customers (merged ones lose theirs), a few statements per {@value #BATCH}. */
    void replaceKeys(List<Long> customerIds) {
        for (int from = 0; from < customerIds.size(); from += BATCH) {
            List<Long> ids = customerIds.subList(from, Math.min(customerIds.size(), from + BATCH));
            removePostings(ids);
            add(profiles(ids));
        }
    }

    /**
     * Adds the keys of new customers' profiles (a customer may have two: its name and its short name): one statement
     * for all their postings, one for the buckets each customer was written under.
     */
    void add(List<MatchProfile> profiles) {
        Map<Long, Set<Integer>> buckets = new LinkedHashMap<>();
        for (MatchProfile p : profiles) {
            Set<Integer> own = buckets.computeIfAbsent(p.id(), k -> new LinkedHashSet<>());
            for (String key : MatchKeys.of(p)) {
                own.add(bucket(key));
            }
        }
        if (buckets.isEmpty()) {
            return;
        }
        List<Long> postings = new ArrayList<>();
        var b = CUSTOMER_MATCH_BUCKETS;
        var insert = db.insertInto(b, b.CUSTOMER_ID, b.BUCKETS);
        for (var e : buckets.entrySet()) {
            StringBuilder text = new StringBuilder();
            for (int bucket : e.getValue()) {
                postings.add(posting(bucket, e.getKey()));
                text.append(text.isEmpty() ? "" : ",").append(bucket);
            }
            insert = insert.values(e.getKey(), text.toString());
        }
        insert.execute();
        // in key order: consecutive inserts then land on neighbouring index pages
        postings.sort(null);
        db.execute(
                "insert into customer_match_postings (posting) select x from unnest(cast(? as bigint array)) as u(x)",
                (Object) postings.toArray(Long[]::new));
    }

    /** Takes out the postings the customers' keys were written under, and their bucket lists. */
    private void removePostings(List<Long> customerIds) {
        var b = CUSTOMER_MATCH_BUCKETS;
        List<Long> postings = new ArrayList<>();
        db.select(b.CUSTOMER_ID, b.BUCKETS)
                .from(b)
                .where(b.CUSTOMER_ID.in(customerIds))
                .forEach(r -> {
                    if (!r.value2().isEmpty()) {
                        for (String bucket : r.value2().split(",")) {
                            postings.add(posting(Integer.parseInt(bucket), r.value1()));
                        }
                    }
                });
        for (int from = 0; from < postings.size(); from += KEY_DELETE_BATCH) {
            db.deleteFrom(CUSTOMER_MATCH_POSTINGS)
                    .where(CUSTOMER_MATCH_POSTINGS.POSTING.in(
                            postings.subList(from, Math.min(postings.size(), from + KEY_DELETE_BATCH))))
                    .execute();
        }
        db.deleteFrom(b).where(b.CUSTOMER_ID.in(customerIds)).execute();
    }

    /** The ids holding each of {@code keys} (absent keys have none), one range join per {@value #BATCH} keys. */
    Map<String, List<Long>> postings(Collection<String> keys) {
        Map<Integer, List<String>> byBucket = new HashMap<>();
        for (String key : keys) {
            byBucket.computeIfAbsent(bucket(key), k -> new ArrayList<>(1)).add(key);
        }
        List<Long> lows = byBucket.keySet().stream().map(MatchIndex::low).toList();
        Map<String, List<Long>> result = new HashMap<>();
        for (int from = 0; from < lows.size(); from += BATCH) {
            Long[] batch =
                    lows.subList(from, Math.min(lows.size(), from + BATCH)).toArray(Long[]::new);
            for (var r : db.fetch(RANGES, (Object) batch)) {
                long posting = r.get(0, Long.class);
                for (String key : byBucket.get((int) (posting >> 32))) {
                    result.computeIfAbsent(key, x -> new ArrayList<>()).add(posting & LOW_32);
                }
            }
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
        removePostings(List.of(customerId));
        db.deleteFrom(CUSTOMER_DUPLICATE_PAIRS)
                .where(CUSTOMER_DUPLICATE_PAIRS
                        .LOW_ID
                        .eq(customerId)
                        .or(CUSTOMER_DUPLICATE_PAIRS.HIGH_ID.eq(customerId)))
                .execute();
    }

    /**
     * Rewrites the customer's keys and remembers which existing customers it may duplicate (score at or above the
     * threshold, not dismissed as distinct), for the landing widgets and the report.
     */
    void reindexAndFlag(long customerId, double threshold, java.time.OffsetDateTime now) {
        reindex(customerId);
        db.deleteFrom(CUSTOMER_DUPLICATE_PAIRS)
                .where(CUSTOMER_DUPLICATE_PAIRS
                        .LOW_ID
                        .eq(customerId)
                        .or(CUSTOMER_DUPLICATE_PAIRS.HIGH_ID.eq(customerId)))
                .execute();
        var distinct = new java.util.HashSet<Long>();
        db.selectFrom(CUSTOMER_DISTINCT_PAIRS)
                .where(CUSTOMER_DISTINCT_PAIRS.LOW_ID.eq(customerId).or(CUSTOMER_DISTINCT_PAIRS.HIGH_ID.eq(customerId)))
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
                .set(
                        CUSTOMER_DUPLICATE_PAIRS.SCORE,
                        java.math.BigDecimal.valueOf(Math.min(score, 1.0)).setScale(3, java.math.RoundingMode.HALF_UP))
                .set(CUSTOMER_DUPLICATE_PAIRS.FOUND_AT, now)
                .execute();
    }

    /** The customers of every strong-key bucket held by 2…maxSize of them (the cluster report's blocks), in one pass. */
    List<long[]> blocks(int maxSize) {
        var p = CUSTOMER_MATCH_POSTINGS;
        List<long[]> blocks = new ArrayList<>();
        long current = 0;
        List<Long> ids = new ArrayList<>();
        try (var cursor = db.select(p.POSTING)
                .from(p)
                .where(p.POSTING.lt(0L))
                .orderBy(p.POSTING)
                .fetchSize(BATCH)
                .fetchLazy()) {
            for (var r : cursor) {
                long bucket = r.value1() >> 32;
                if (ids.isEmpty() || bucket != current) {
                    addBlock(blocks, ids, maxSize);
                    ids.clear();
                    current = bucket;
                }
                ids.add(r.value1() & LOW_32);
            }
        }
        addBlock(blocks, ids, maxSize);
        return blocks;
    }

    private static void addBlock(List<long[]> blocks, List<Long> ids, int maxSize) {
        if (ids.size() >= 2 && ids.size() <= maxSize) {
            blocks.add(ids.stream().mapToLong(Long::longValue).toArray());
        }
    }

    void dismiss(long a, long b) {
        db.deleteFrom(CUSTOMER_DUPLICATE_PAIRS)
                .where(CUSTOMER_DUPLICATE_PAIRS.LOW_ID.eq(Math.min(a, b)))
                .and(CUSTOMER_DUPLICATE_PAIRS.HIGH_ID.eq(Math.max(a, b)))
                .execute();
    }
}
