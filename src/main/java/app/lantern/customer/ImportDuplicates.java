package app.lantern.customer;

import app.lantern.customer.matching.DuplicateMatcher;
import app.lantern.customer.matching.InMemoryKeyIndex;
import app.lantern.customer.matching.MatchKeys;
import app.lantern.customer.matching.MatchProfile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The duplicate decision of an import row. Only a <em>certain</em> duplicate (same credit code; same normalised full
 * name; a shared phone or e-mail and a similar name) is merged or skipped as the importer chose; a <em>possible</em>
 * one (a score at or above the threshold without such evidence) is imported and put on the duplicate review list, so
 * no row is lost to a guess.
 */
final class ImportDuplicates {

    /**
     * Stored customers scored per row, those sharing the most keys: a duplicate shares strong keys and ranks first,
     * and 100,000 rows cannot afford the interactive check's 200.
     */
    static final int IMPORT_SCORED = 50;
    /** Keys held by more customers than this are skipped by the import's look-ups (the interactive check allows 1,000). */
    static final int IMPORT_KEY_CAP = 200;

    /** The best match of a row: a stored customer (id ≥ 0) or a new customer of the same chunk (id = -2 - index). */
    record Verdict(long id, String evidence, double score) {

        /** Certain: {@code evidence} names what makes it so (a message key); null for a possible duplicate. */
        boolean certain() {
            return evidence != null;
        }

        boolean inChunk() {
            return id < 0;
        }

        int chunkIndex() {
            return (int) (-2 - id);
        }
    }

    private ImportDuplicates() {}

    /** Id under which the chunk's {@code index}-th new customer is known before it is stored. */
    static long chunkId(int index) {
        return -2L - index;
    }

    /** The keys an import row looks up: strong keys and bigrams (anchored pairs would widen every look-up). */
    static boolean importKey(String key) {
        return MatchKeys.isStrong(key) || key.startsWith("b:");
    }

    /** Loads, for every row of a chunk, the stored customers worth scoring: one batch of key look-ups, one of profiles. */
    static void lookUpStored(List<ImportRows.Pending> rows, ProfileCache cache) {
        Set<String> keys = new HashSet<>();
        for (ImportRows.Pending row : rows) {
            for (String key : MatchKeys.forQuery(row.query)) {
                if (importKey(key)) {
                    keys.add(key);
                }
            }
        }
        cache.lookUp(keys);
        Set<Long> wanted = new LinkedHashSet<>();
        for (ImportRows.Pending row : rows) {
            row.storedCandidates =
                    DuplicateMatcher.candidateIds(row.query, cache, ImportDuplicates::importKey, IMPORT_SCORED);
            wanted.addAll(row.storedCandidates);
        }
        cache.load(wanted);
    }

    /** The row's best match, certain ones first; null when nothing reaches the threshold. */
    static Verdict judge(ImportRows.Pending row, ProfileCache cache, InMemoryKeyIndex fresh, double threshold) {
        List<MatchProfile> stored = cache.profiles(row.storedCandidates);
        List<MatchProfile> chunk = fresh.profiles(
                DuplicateMatcher.candidateIds(row.query, fresh, ImportDuplicates::importKey, IMPORT_SCORED));
        Verdict certain = certain(row.query, stored);
        if (certain == null) {
            certain = certain(row.query, chunk);
        }
        if (certain != null) {
            return certain;
        }
        List<MatchProfile> all = new ArrayList<>(stored);
        all.addAll(chunk);
        List<DuplicateMatcher.Match> best = DuplicateMatcher.rank(row.query, all, threshold, 1);
        if (best.isEmpty()) {
            return null;
        }
        DuplicateMatcher.Match m = best.getFirst();
        return new Verdict(m.id(), null, m.score());
    }

    /**
     * The first candidate that is certainly the row's company. A candidate's profiles come name first, short name
     * second: only the name counts as the same full name, either counts as a similar name beside a shared phone or
     * e-mail.
     */
    private static Verdict certain(MatchProfile query, Collection<MatchProfile> candidates) {
        Map<Long, List<MatchProfile>> byId = new LinkedHashMap<>();
        for (MatchProfile p : candidates) {
            byId.computeIfAbsent(p.id(), k -> new ArrayList<>(2)).add(p);
        }
        for (var e : byId.entrySet()) {
            MatchProfile full = e.getValue().getFirst();
            if (query.creditCode() != null && query.creditCode().equals(full.creditCode())) {
                return new Verdict(e.getKey(), "customer.import.reason.credit-code", 1.0);
            }
            if (sameName(query, full)) {
                return new Verdict(e.getKey(), "customer.import.reason.same-name", 1.0);
            }
            if (sharesContact(query, full)) {
                for (MatchProfile p : e.getValue()) {
                    DuplicateMatcher.Match m = DuplicateMatcher.compare(query, p);
                    if (m.matchedOn().contains("name")) {
                        return new Verdict(e.getKey(), "customer.import.reason.contact", m.score());
                    }
                }
            }
        }
        return null;
    }

    /** Same name once case, width, spacing, punctuation and legal-form words are set aside. */
    private static boolean sameName(MatchProfile a, MatchProfile b) {
        if (a.name() == null || b.name() == null) {
            return false;
        }
        String x = a.name().stripped();
        return x != null && !x.isEmpty() && x.equals(b.name().stripped());
    }

    private static boolean sharesContact(MatchProfile a, MatchProfile b) {
        return a.phones().stream().anyMatch(b.phones()::contains)
                || a.emails().stream().anyMatch(b.emails()::contains);
    }
}
