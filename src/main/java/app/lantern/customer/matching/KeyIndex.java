package app.lantern.customer.matching;

import java.util.Collection;
import java.util.List;

/** Looks up customers by blocking key. Implementations: the {@code customer_match_keys} table, or memory. */
public interface KeyIndex {

    /** Ids holding {@code key}; at most {@code cap + 1} of them, so callers can tell an over-common key. */
    List<Long> lookup(String key, int cap);

    /** Profiles of the given ids (merged or deleted ids are left out). */
    List<MatchProfile> profiles(Collection<Long> ids);
}
