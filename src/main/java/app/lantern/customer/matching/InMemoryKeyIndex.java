package app.lantern.customer.matching;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The blocking index held in memory: for tests, benchmarks and one-off runs over a snapshot. Not thread-safe for writes. */
public final class InMemoryKeyIndex implements KeyIndex {

    private static final class Posting {
        long[] ids = new long[2];
        int size;
    }

    private final Map<String, Posting> postings = new HashMap<>();
    private final Map<Long, MatchProfile> profiles = new HashMap<>();

    public void add(MatchProfile p) {
        profiles.put(p.id(), p);
        for (String key : MatchKeys.of(p)) {
            Posting posting = postings.computeIfAbsent(key, k -> new Posting());
            if (posting.size == posting.ids.length) {
                posting.ids = Arrays.copyOf(posting.ids, posting.size * 2);
            }
            posting.ids[posting.size++] = p.id();
        }
    }

    public int size() {
        return profiles.size();
    }

    public int keyCount() {
        return postings.size();
    }

    public Collection<MatchProfile> all() {
        return profiles.values();
    }

    @Override
    public List<Long> lookup(String key, int cap) {
        Posting posting = postings.get(key);
        if (posting == null) {
            return List.of();
        }
        long[] ids = posting.ids;
        int n = Math.min(posting.size, cap + 1);
        return new AbstractList<>() {
            @Override
            public Long get(int i) {
                return ids[i];
            }

            @Override
            public int size() {
                return n;
            }
        };
    }

    @Override
    public int forEach(String key, int cap, java.util.function.LongConsumer consumer) {
        Posting posting = postings.get(key);
        if (posting == null || posting.size > cap) {
            return 0;
        }
        for (int i = 0; i < posting.size; i++) {
            consumer.accept(posting.ids[i]);
        }
        return posting.size;
    }

    /** Every key held by between 2 and {@code maxSize} customers, with its ids (for the cluster report). */
    public void forEachPosting(int maxSize, java.util.function.BiConsumer<String, long[]> consumer) {
        postings.forEach((key, posting) -> {
            if (posting.size >= 2 && posting.size <= maxSize) {
                consumer.accept(key, Arrays.copyOf(posting.ids, posting.size));
            }
        });
    }

    public MatchProfile profile(long id) {
        return profiles.get(id);
    }

    @Override
    public List<MatchProfile> profiles(Collection<Long> ids) {
        List<MatchProfile> result = new ArrayList<>(ids.size());
        for (Long id : ids) {
            MatchProfile p = profiles.get(id);
            if (p != null) {
                result.add(p);
            }
        }
        return result;
    }
}
