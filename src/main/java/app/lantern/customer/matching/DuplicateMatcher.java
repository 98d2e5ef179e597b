package app.lantern.customer.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds existing customers that may be the same company as a query. Candidates come only from blocking-key look-ups
 * (never a scan); each is scored 0–1 by combining independent evidence: name similarity, a shared phone, a shared
 * e-mail, an equal credit code.
 */
public final class DuplicateMatcher {

    /** A key held by more customers than this says nothing (e.g. the bigram 科技) and is skipped. */
    public static final int KEY_CAP = 1000;
    /** At most this many customers are scored per check: those sharing the most keys. */
    static final int MAX_SCORED = 200;

    static final double PHONE = 0.88;
    static final double EMAIL = 0.9;
    static final double CREDIT_CODE = 1.0;
    /** What an ambiguous name-only candidate scores at most: below the default threshold. */
    static final double AMBIGUOUS_CAP = 0.8;
    /** A rival fitting the name at most this much worse still makes it ambiguous. */
    static final double AMBIGUITY_MARGIN = 0.045;
    /** Among rivals, one naming the same region as the query (北京利尔: 北京利尔高温材料, not 利尔化学) fits this much better. */
    static final double SAME_REGION = 0.03;
    /**
     * Among rivals, each step of how the query sits in a candidate's name ({@link #shape}) fits this much better:
     * 盛通 is the start of 盛通印刷, only the initials of 盛路通信.
     */
    static final double SHAPE = 0.03;
    /** Among rivals, one whose name carries the words the query's name adds to its brand (控股 of 岭南控股) fits better. */
    static final double SAME_WORDS = 0.03;
    /**
     * A candidate that is the query's bare two-character brand (华联控股 → 华联 for the query 华联股份) fits by the
     * reduction alone: any other company starting with that brand within this margin is as likely.
     */
    static final double BARE_BRAND_MARGIN = 0.11;

    /** Two candidates whose names match each other this well are one company entered twice, not rivals. */
    static final double SAME_COMPANY = 0.95;
    /** Name similarity below this is not reported as a reason. */
    static final double NAME_EVIDENCE = 0.6;

    private DuplicateMatcher() {}

    public record Match(long id, double score, List<String> matchedOn) {}

    /** Candidates scoring at least {@code minScore}, best first, at most {@code limit}. */
    public static List<Match> candidates(MatchProfile query, KeyIndex index, double minScore, int limit) {
        return candidates(query, index, minScore, limit, key -> true);
    }

    /** As {@link #candidates(MatchProfile, KeyIndex, double, int)}, looking up only the keys {@code keys} accepts. */
    public static List<Match> candidates(
            MatchProfile query, KeyIndex index, double minScore, int limit, java.util.function.Predicate<String> keys) {
        List<Long> ids = candidateIds(query, index, keys, MAX_SCORED);
        return ids.isEmpty() ? List.of() : rank(query, index.profiles(ids), minScore, limit);
    }

    /**
     * The customers worth scoring against {@code query}: those sharing a strong key (a whole reduced name, a
     * 3-character prefix, a phone, an e-mail, a credit code) or weak ones (bigrams, anchored pairs), the most-sharing
     * first, at most {@code maxScored}; keys held by more than {@link #KEY_CAP} customers say nothing and are skipped.
     */
    public static List<Long> candidateIds(
            MatchProfile query, KeyIndex index, java.util.function.Predicate<String> keys, int maxScored) {
        LongIntCounter shared = new LongIntCounter(256);
        for (String key : MatchKeys.forQuery(query)) {
            if (!keys.test(key)) {
                continue;
            }
            int weight = MatchKeys.isStrong(key) ? 2 : 1;
            index.forEach(key, KEY_CAP, id -> shared.add(id, weight));
        }
        shared.remove(query.id());
        return shared.top(1, maxScored);
    }

    /** Scores {@code profiles} (candidates found by {@link #candidateIds}) against {@code query}: at least {@code minScore}, best first. */
    public static List<Match> rank(MatchProfile query, List<MatchProfile> profiles, double minScore, int limit) {
        List<Match> scored = new ArrayList<>(profiles.size());
        for (MatchProfile candidate : profiles) {
            if (candidate.id() != query.id()) {
                scored.add(compare(query, candidate));
            }
        }
        java.util.Map<Long, Match> best = new java.util.HashMap<>();
        for (Match m : discountAmbiguousNames(query, scored, profiles)) {
            if (m.score() >= minScore) {
                best.merge(m.id(), m, (x, y) -> x.score() >= y.score() ? x : y);
            }
        }
        List<Match> result = new ArrayList<>(best.values());
        result.sort(Comparator.comparingDouble(Match::score).reversed().thenComparingLong(Match::id));
        return result.size() > limit ? List.copyOf(result.subList(0, limit)) : result;
    }

    /**
     * A name fits several different companies as well (华联 → 华联商厦 and 华联瓷业): it identifies none of them, so
     * candidates resting on the name alone are capped below the threshold when another candidate fits at least nearly
     * as well and is itself a different company (their names do not match each other). Two records of one company
     * (万科企业 and 万科企业股份有限公司) are no ambiguity. How well a candidate fits is its score plus what speaks for
     * it among rivals: naming the query's region, and the shape in which the query's name sits in its own.
     */
    private static List<Match> discountAmbiguousNames(
            MatchProfile query, List<Match> scored, List<MatchProfile> profiles) {
        java.util.Map<Long, MatchProfile> byId = new java.util.HashMap<>();
        profiles.forEach(p -> byId.put(p.id(), p));
        List<Match> nameOnly = scored.stream()
                .filter(m -> m.matchedOn().equals(List.of("name")) && m.score() > AMBIGUOUS_CAP)
                .toList();
        if (nameOnly.size() < 2) {
            return scored;
        }
        String region = query.name().anyRegion();
        String words = wordsAfterBrand(query.name());
        java.util.Map<Match, Double> fit = new java.util.IdentityHashMap<>();
        java.util.Map<Match, Integer> shapes = new java.util.IdentityHashMap<>();
        Set<Match> carries = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Match m : nameOnly) {
            CompanyName candidate = byId.get(m.id()).name();
            shapes.put(m, shape(query.name(), candidate));
            if (words != null && candidate.normalized().contains(words)) {
                carries.add(m);
            }
            fit.put(
                    m,
                    m.score()
                            + (region != null && region.equals(candidate.anyRegion()) ? SAME_REGION : 0)
                            + (carries.contains(m) ? SAME_WORDS : 0)
                            + SHAPE * shapes.get(m));
        }
        List<Match> byFit = new ArrayList<>(nameOnly);
        byFit.sort(Comparator.comparingDouble((Match m) -> fit.get(m)).reversed());
        Set<Long> ambiguous = new HashSet<>();
        boolean shortBrand = GenericWords.strip(query.name().core()).length() <= 2 && region == null;
        for (Match m : byFit) {
            for (Match rival : byFit) {
                if (fit.get(rival) < fit.get(m) - BARE_BRAND_MARGIN) {
                    break;
                }
                // the bare brand fits by the reduction alone unless it also carries the query's words (远大控股)
                boolean bareBrand = shortBrand
                        && !carries.contains(m)
                        && shapes.get(m) == 3
                        && shapes.get(rival) >= 3
                        && GenericWords.strip(byId.get(m.id()).name().core())
                                .equals(GenericWords.strip(query.name().core()));
                double floor = fit.get(m) - (bareBrand ? BARE_BRAND_MARGIN : AMBIGUITY_MARGIN);
                if (fit.get(rival) < floor) {
                    continue;
                }
                if (rival.id() != m.id()
                        && NameSimilarity.score(
                                        byId.get(m.id()).name(),
                                        byId.get(rival.id()).name())
                                < SAME_COMPANY) {
                    ambiguous.add(m.id());
                    break;
                }
            }
        }
        if (ambiguous.isEmpty()) {
            return scored;
        }
        return scored.stream()
                .map(m -> ambiguous.contains(m.id()) ? new Match(m.id(), AMBIGUOUS_CAP, m.matchedOn()) : m)
                .toList();
    }

    /**
     * What the query's name says after its brand (控股 of 岭南控股), or null when nothing but 股份: every listed
     * company's name carries 股份, so only other words tell rivals apart.
     */
    private static String wordsAfterBrand(CompanyName name) {
        String brand = GenericWords.strip(name.core());
        String literal = name.literal();
        if (!literal.startsWith(brand) || literal.length() == brand.length()) {
            return null;
        }
        String words = literal.substring(brand.length());
        return words.equals("股份") ? null : words;
    }

    /**
     * How the query's name sits in a candidate's: 4 when the candidate's name contains it word for word beyond the
     * brand (华联控股 in 华联控股股份有限公司, not 华联股份), 3 when the candidate's core starts with the query's brand, 2
     * when it contains it, 1 when the query could abbreviate it (it is no shorter), 0 when the candidate is the shorter.
     */
    static int shape(CompanyName query, CompanyName candidate) {
        String core = candidate.core();
        if (query.literal().length() > GenericWords.strip(core).length()
                && candidate.literal().contains(query.literal())) {
            return 4;
        }
        String brand = GenericWords.strip(query.core());
        if (core.startsWith(brand)) {
            return 3;
        }
        if (core.contains(brand)) {
            return 2;
        }
        return core.length() >= query.core().length() ? 1 : 0;
    }

    /** The evidence that {@code a} and {@code b} are one company, combined as independent signals (noisy-or). */
    public static Match compare(MatchProfile a, MatchProfile b) {
        List<String> on = new ArrayList<>();
        double miss = 1.0;
        if (a.name() != null && b.name() != null) {
            double name = NameSimilarity.score(a.name(), b.name());
            if (name >= NAME_EVIDENCE) {
                on.add("name");
                miss *= 1 - name;
            }
        }
        if (intersects(a.phones(), b.phones())) {
            on.add("phone");
            miss *= 1 - PHONE;
        }
        if (intersects(a.emails(), b.emails())) {
            on.add("email");
            miss *= 1 - EMAIL;
        }
        if (a.creditCode() != null && a.creditCode().equals(b.creditCode())) {
            on.add("creditCode");
            miss *= 1 - CREDIT_CODE;
        }
        double score = Math.round((1 - miss) * 1000) / 1000.0;
        return new Match(b.id(), score, List.copyOf(on));
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        Set<String> smaller = a.size() <= b.size() ? a : b;
        Set<String> larger = smaller == a ? b : a;
        for (String x : smaller) {
            if (larger.contains(x)) {
                return true;
            }
        }
        return false;
    }

    /** Every customer is compared with the query: the baseline the blocking index is measured against. */
    public static List<Match> fullScan(MatchProfile query, Iterable<MatchProfile> all, double minScore, int limit) {
        double keep = Math.min(minScore, AMBIGUOUS_CAP);
        List<MatchProfile> close = new ArrayList<>();
        for (MatchProfile candidate : all) {
            if (candidate.id() != query.id() && compare(query, candidate).score() >= keep) {
                close.add(candidate);
            }
        }
        return rank(query, close, minScore, limit);
    }
}
