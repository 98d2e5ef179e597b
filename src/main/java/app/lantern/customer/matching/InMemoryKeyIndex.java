package app.lantern.customer.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The blocking index held in memory: for tests, benchmarks and one-off runs over a snapshot. Not thread-safe for writes. */
public final class InMemoryKeyIndex implements KeyIndex {

    private final Map<String, long[]> postings = new HashMap<>();
    private final Map<String, Integer> sizes = new HashMap<>();
    private final Map<Long, MatchProfile> profiles = new HashMap<>();

    public void add(MatchProfile p) {
        profiles.put(p.id(), p);
        for (String key : MatchKeys.of(p)) {
            long[] list = postings.get(key);
            int size = sizes.getOrDefault(key, 0);
            if (list == null) {
                list = new long[2];
            } else if (size == list.length) {
                list = java.util.Arrays.copyOf(list, size * 2);
            }
            list[size] = p.id();
            postings.put(key, list);
            sizes.put(key, size + 1);
        }
    }

    public int size() {
        return profiles.size();
    }

    public Collection<MatchProfile> all() {
        return profiles.values();
    }

    @Override
    public List<Long> lookup(String key, int cap) {
        long[] list = postings.get(key);
        if (list == null) {
            return List.of();
        }
        int n = Math.min(sizes.get(key), cap + 1);
        List<Long> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            result.add(list[i]);
        }
        return result;
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
