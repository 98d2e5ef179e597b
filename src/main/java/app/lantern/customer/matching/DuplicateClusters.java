package app.lantern.customer.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * The whole-base duplicate report: pairs are scored only inside blocks of customers sharing a strong key (a reduced
 * name, a name prefix, a phone, an e-mail, a credit code) of at most {@link #MAX_BLOCK} members, never across the
 * whole base; pairs at or above the threshold are joined into clusters.
 */
public final class DuplicateClusters {

    public static final int MAX_BLOCK = 60;

    private DuplicateClusters() {}

    public record Cluster(List<Long> members, double bestScore) {}

    /**
     * @param postings calls its argument with (key, ids) for every key held by 2…maxBlock customers
     * @param profile  the profile of an id, or null
     */
    public static List<Cluster> find(
            Consumer<BiConsumer<String, long[]>> postings,
            LongFunction<MatchProfile> profile,
            double threshold,
            Set<Long> distinctPairs) {
        Map<Long, Long> parent = new HashMap<>();
        Map<Long, Double> best = new HashMap<>();
        Set<Long> scored = new HashSet<>();
        postings.accept((key, ids) -> {
            if (!MatchKeys.isStrong(key)) {
                return;
            }
            for (int i = 0; i < ids.length; i++) {
                MatchProfile a = profile.apply(ids[i]);
                if (a == null) {
                    continue;
                }
                for (int j = i + 1; j < ids.length; j++) {
                    long low = Math.min(ids[i], ids[j]);
                    long high = Math.max(ids[i], ids[j]);
                    long pair = (low << 32) ^ high;
                    if (low == high || !scored.add(pair) || distinctPairs.contains(pair)) {
                        continue;
                    }
                    MatchProfile b = profile.apply(ids[j]);
                    if (b == null) {
                        continue;
                    }
                    double score = DuplicateMatcher.compare(a, b).score();
                    if (score >= threshold) {
                        union(parent, low, high);
                        best.merge(low, score, Math::max);
                        best.merge(high, score, Math::max);
                    }
                }
            }
        });
        Map<Long, List<Long>> groups = new HashMap<>();
        for (Long id : parent.keySet()) {
            groups.computeIfAbsent(root(parent, id), k -> new ArrayList<>()).add(id);
        }
        List<Cluster> clusters = new ArrayList<>();
        for (List<Long> members : groups.values()) {
            if (members.size() >= 2) {
                members.sort(null);
                clusters.add(new Cluster(
                        List.copyOf(members),
                        members.stream()
                                .mapToDouble(id -> best.getOrDefault(id, 0.0))
                                .max()
                                .orElse(0)));
            }
        }
        clusters.sort((x, y) -> Double.compare(y.bestScore(), x.bestScore()));
        return clusters;
    }

    /** The key a pair has in {@code distinctPairs}. */
    public static long pairKey(long a, long b) {
        return (Math.min(a, b) << 32) ^ Math.max(a, b);
    }

    private static void union(Map<Long, Long> parent, long a, long b) {
        long ra = root(parent, a);
        long rb = root(parent, b);
        if (ra != rb) {
            parent.put(Math.max(ra, rb), Math.min(ra, rb));
        }
    }

    private static long root(Map<Long, Long> parent, long x) {
        parent.putIfAbsent(x, x);
        long r = x;
        while (parent.get(r) != r) {
            r = parent.get(r);
        }
        while (parent.get(x) != r) {
            long next = parent.get(x);
            parent.put(x, r);
            x = next;
        }
        return r;
    }
}
