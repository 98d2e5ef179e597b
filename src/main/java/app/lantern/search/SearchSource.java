package app.lantern.search;

import java.util.List;

/**
 * A module's records for the global search. Implementations return only what the signed-in user may open (their
 * module's data scope), most recently updated first, and at most {@code cap} rows: the search matches pinyin initials
 * in memory, so the candidate list must stay bounded.
 */
public interface SearchSource {

    List<SearchHit> candidates(int cap);
}
