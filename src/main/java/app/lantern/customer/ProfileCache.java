package app.lantern.customer;

import app.lantern.customer.matching.KeyIndex;
import app.lantern.customer.matching.MatchProfile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import knows of the stored customers: the postings of the current chunk's keys and the match profiles
 * loaded so far, kept across chunks (candidates recur) until {@link #MAX_PROFILES} and forgotten when a row merges
 * into the customer.
 */
final class ProfileCache {

    static final int MAX_PROFILES = 200_000;

    private final MatchIndex index;
    private final Map<Long, List<MatchProfile>> profiles = new HashMap<>();
    private Map<String, long[]> postings = Map.of();

    ProfileCache(MatchIndex index) {
        this.index = index;
    }

    void usePostings(Map<String, long[]> postings) {
        this.postings = postings;
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
        }
        for (Long id : missing) {
            profiles.put(id, new ArrayList<>(2));
        }
        for (MatchProfile p : index.profilesInBatches(missing)) {
            profiles.get(p.id()).add(p);
        }
    }

    void forget(long id) {
        profiles.remove(id);
    }

    /** Profiles of loaded ids (merged or deleted customers have none). */
    List<MatchProfile> profiles(Collection<Long> ids) {
        List<MatchProfile> result = new ArrayList<>(ids.size());
        for (Long id : ids) {
            result.addAll(profiles.getOrDefault(id, List.of()));
        }
        return result;
    }

    /** The current chunk's postings and the loaded profiles as a key index. */
    KeyIndex index() {
        return new KeyIndex() {
            @Override
            public List<Long> lookup(String key, int cap) {
                long[] ids = postings.get(key);
                if (ids == null) {
                    return List.of();
                }
                List<Long> result = new ArrayList<>(Math.min(ids.length, cap + 1));
                for (int i = 0; i < ids.length && i <= cap; i++) {
                    result.add(ids[i]);
                }
                return result;
            }

            @Override
            public int forEach(String key, int cap, java.util.function.LongConsumer consumer) {
                long[] ids = postings.get(key);
                if (ids == null || ids.length > cap) {
                    return 0;
                }
                for (long id : ids) {
                    consumer.accept(id);
                }
                return ids.length;
            }

            @Override
            public List<MatchProfile> profiles(Collection<Long> ids) {
                return ProfileCache.this.profiles(ids);
            }
        };
    }
}
