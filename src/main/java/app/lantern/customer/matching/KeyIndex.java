package app.lantern.customer.matching;

import java.util.Collection;
import java.util.List;

/** Looks up customers by blocking key. Implementations: the {@code customer_match_postings} table, or memory. */
public interface KeyIndex {

    /** Ids holding {@code key}; at most {@code cap + 1} of them, so callers can tell an over-common key. */
    List<Long> lookup(String key, int cap);

    /**
     * Calls {@code consumer} with every id holding {@code key}, unless more than {@code cap} do; returns how many
     * were passed (0 for an over-common key).
     */
    default int forEach(String key, int cap, java.util.function.LongConsumer consumer) {
        List<Long> hits = lookup(key, cap);
        if (hits.size() > cap) {
            return 0;
        }
        hits.forEach(consumer::accept);
        return hits.size();
    }

    /** Profiles of the given ids (merged or deleted ids are left out). */
    List<MatchProfile> profiles(Collection<Long> ids);
}
