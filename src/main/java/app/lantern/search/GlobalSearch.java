package app.lantern.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * Searches every {@link SearchSource}: a hit's title contains the term (ignoring case), or, for a term of latin
 * letters, the pinyin initials of the title contain it. Each source hands over at most {@link #CANDIDATES_PER_KIND}
 * of its most recently updated rows in the reader's scope; the initials are computed for those rows only, so a user
 * who sees more than that many records of one kind finds the older ones from that kind's own list.
 */
@Service
public class GlobalSearch {

    static final int CANDIDATES_PER_KIND = 3000;

    private static final List<String> KINDS = List.of("CUSTOMER", "CONTACT", "OPPORTUNITY", "QUOTE");

    private final List<SearchSource> sources;

    GlobalSearch(List<SearchSource> sources) {
        this.sources = sources;
    }

    /** Up to {@code limitPerKind} hits of each kind; empty for a blank term. */
    public List<SearchHit> search(String term, int limitPerKind) {
        String needle = term == null ? "" : term.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return List.of();
        }
        boolean pinyin = needle.chars().allMatch(c -> c < 128 && Character.isLetter(c));
        List<SearchHit> hits = new ArrayList<>();
        for (SearchSource source : sources) {
            source.candidates(CANDIDATES_PER_KIND).stream()
                    .filter(hit -> matches(hit.title(), needle, pinyin))
                    .limit(limitPerKind)
                    .forEach(hits::add);
        }
        hits.sort(Comparator.comparingInt(hit -> KINDS.indexOf(hit.kind())));
        return hits;
    }

    private static boolean matches(String title, String needle, boolean pinyin) {
        if (title == null) {
            return false;
        }
        return title.toLowerCase(Locale.ROOT).contains(needle)
                || (pinyin && PinyinInitials.of(title).contains(needle));
    }
}
