package app.lantern.customer;

import app.lantern.customer.matching.KeyIndex;
import app.lantern.customer.matching.MatchKeys;
import app.lantern.customer.matching.MatchProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an import knows of the stored customers, loaded lazily and kept for the whole import: the postings of every
 * key a row looked up (read from the key table once, in one batch per chunk, then kept up to date with the import's
 * own new customers) and the match profiles of candidates. Keys held by more than {@code cap} customers say nothing
 * and are only remembered as such. Another session's customers created during the import are seen for keys first
 * looked up after they were committed.
 */
final class ProfileCache implements KeyIndex {

    /** Profiles kept at most; beyond, the cache starts over (candidates are reloaded as needed). */
    static final int MAX_PROFILES = 200_000;

    private static final class Posting {
        long[] ids;
        int size;

        Posting(List<Long> initial) {
            ids = new long[Math.max(4, initial.size())];
            for (Long id : initial) {
                ids[size++] = id;
            }
        }

        void add(long id) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = id;
        }
    }

    private final MatchIndex index;
    private final int cap;
    private final Map<String, Posting> postings = new HashMap<>();
    private final Set<String> common = new HashSet<>();
    private final Map<Long, List<MatchProfile>> profiles = new HashMap<>();

    ProfileCache(MatchIndex index, int cap) {
        this.index = index;
        this.cap = cap;
    }

    /** Reads the postings of the keys not known yet, in one batch. */
    void lookUp(Collection<String> keys) {
        List<String> unknown = new ArrayList<>();
        for (String key : keys) {
            if (!postings.containsKey(key) && !common.contains(key)) {
                unknown.add(key);
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        Map<String, List<Long>> found = index.postings(unknown);
        for (String key : unknown) {
            List<Long> ids = found.getOrDefault(key, List.of());
            if (ids.size() > cap) {
                common.add(key);
            } else {
                postings.put(key, new Posting(ids));
            }
        }
    }

    /** Loads the profiles of {@code ids} not held yet, in batches. */
    void load(Collection<Long> ids) {
        List<Long> missing = new ArrayList<>();
        for (Long id : ids) {
            if (!profiles.containsKey(id)) {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (profiles.size() + missing.size() > MAX_PROFILES) {
            profiles.clear();
            missing = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
        }
        for (Long id : missing) {
            profiles.put(id, new ArrayList<>(2));
        }
        for (MatchProfile p : index.profilesInBatches(missing)) {
            profiles.get(p.id()).add(p);
        }
    }

    /** The import's own new customers, once stored: into the known postings and profiles. */
    void added(List<MatchProfile> created) {
        for (MatchProfile p : created) {
            profiles.computeIfAbsent(p.id(), k -> new ArrayList<>(2)).add(p);
            for (String key : MatchKeys.of(p)) {
                Posting posting = postings.get(key);
                if (posting == null) {
                    continue;
                }
                posting.add(p.id());
                if (posting.size > cap) {
                    postings.remove(key);
                    common.add(key);
                }
            }
        }
    }

    /** A row merged into the customer: its profile changed, read it again. */
    void reload(long id) {
        profiles.remove(id);
        load(List.of(id));
    }

    @Override
    public List<Long> lookup(String key, int limit) {
        Posting posting = postings.get(key);
        if (posting == null) {
            return List.of();
        }
        List<Long> result = new ArrayList<>(Math.min(posting.size, limit + 1));
        for (int i = 0; i < posting.size && i <= limit; i++) {
            result.add(posting.ids[i]);
        }
        return result;
    }

    @Override
    public int forEach(String key, int limit, java.util.function.LongConsumer consumer) {
        Posting posting = postings.get(key);
        if (posting == null || posting.size > limit) {
            return 0;
        }
        for (int i = 0; i < posting.size; i++) {
            consumer.accept(posting.ids[i]);
        }
        return posting.size;
    }

    /** Profiles of loaded ids (merged or deleted customers have none). */
    @Override
    public List<MatchProfile> profiles(Collection<Long> ids) {
        List<MatchProfile> result = new ArrayList<>(ids.size());
        for (Long id : ids) {
            result.addAll(profiles.getOrDefault(id, List.of()));
        }
        return result;
    }
}
