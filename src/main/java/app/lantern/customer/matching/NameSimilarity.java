package app.lantern.customer.matching;

/**
 * How likely two company names denote the same company, 0–1. Short names abbreviate full names by keeping a prefix
 * ({@code 万科} of {@code 万科企业}), by dropping characters of later words ({@code 中信海直} of {@code 中信海洋直升机},
 * {@code 鸿路钢构} of {@code 鸿路钢结构}), by dropping a leading holding name ({@code 弘业期货} of {@code 苏豪弘业期货}) or
 * by replacing the region with its one-character abbreviation ({@code 深康佳} of {@code 康佳集团}). Names anchored to
 * incompatible regions ({@code 重庆啤酒} vs {@code 青岛啤酒}) never score high, however similar their cores.
 */
public final class NameSimilarity {

    /** The most a pair anchored to two incompatible regions can score. */
    static final double REGION_CONFLICT_CAP = 0.6;
    /** Reading a leading character as a region abbreviation is a guess (京东方 is not 北京·东方). */
    static final double ABBREVIATION_PENALTY = 0.03;
    /** Matching a region shortened to one character (吉林电力 → 吉电) is likewise a guess. */
    static final double REGION_FORM_PENALTY = 0.02;

    private NameSimilarity() {}

    public static double score(CompanyName a, CompanyName b) {
        if (a.normalized().isEmpty() || b.normalized().isEmpty()) {
            return 0;
        }
        if (a.normalized().equals(b.normalized())) {
            return 1.0;
        }
        double best = 0;
        best = Math.max(best, capped(sim(a.core(), b.core()), a.region(), b.region()));
        // with the region kept, only a prefix counts: a shared region alone (深圳…能源) is no evidence
        best = Math.max(best, prefixOnly(a.stripped(), b.stripped()));
        if (a.region() == null) {
            for (String form : b.regionForms()) {
                best = Math.max(best, regionFormSim(a.core(), form));
            }
        }
        if (b.region() == null) {
            for (String form : a.regionForms()) {
                best = Math.max(best, regionFormSim(b.core(), form));
            }
        }
        if (a.abbreviatedCore() != null) {
            best = Math.max(best, capped(sim(a.abbreviatedCore(), b.core()) - ABBREVIATION_PENALTY, a.abbreviatedRegion(), b.region()));
        }
        if (b.abbreviatedCore() != null) {
            best = Math.max(best, capped(sim(a.core(), b.abbreviatedCore()) - ABBREVIATION_PENALTY, a.region(), b.abbreviatedRegion()));
        }
        return Math.max(0, Math.min(1, best));
    }

    private static double capped(double score, String regionA, String regionB) {
        return Regions.compatible(regionA, regionB) ? score : Math.min(score, REGION_CONFLICT_CAP);
    }

    /**
     * A short name against a full name whose region is shortened to one character: the region character alone is no
     * evidence, so the short name must continue with the core's first character, and a two-character short name
     * must be the whole form (吉电 = 吉·电力 is fine, 大华 ≠ 大庆·华科).
     */
    private static double regionFormSim(String shortName, String form) {
        if (shortName.length() < 2 || form.length() < 3 || shortName.length() >= form.length()) {
            return 0;
        }
        if (shortName.charAt(0) != form.charAt(0) || shortName.charAt(1) != form.charAt(1)) {
            return 0;
        }
        if (shortName.length() == 2 && form.length() > 3) {
            return 0;
        }
        return sim(shortName, form) - REGION_FORM_PENALTY;
    }

    private static double prefixOnly(String x, String y) {
        String s = x.length() <= y.length() ? x : y;
        String l = s == x ? y : x;
        if (s.length() < 2 || !l.startsWith(s)) {
            return 0;
        }
        return sim(s, l);
    }

    /** Similarity of two reduced names, the shorter read as an abbreviation of the longer. */
    static double sim(String x, String y) {
        if (x.equals(y)) {
            return x.length() >= 2 ? 1.0 : 0.0;
        }
        String s = x.length() <= y.length() ? x : y;
        String l = s == x ? y : x;
        int n = s.length();
        if (n < 2) {
            return 0;
        }
        double shortPenalty = n == 2 ? 0.08 : n == 3 ? 0.02 : 0;
        if (l.startsWith(s)) {
            return 0.95 - shortPenalty / 2;
        }
        double best = 0;
        if (s.charAt(0) == l.charAt(0)) {
            long alignment = alignment(s, l);
            if (alignment >= 0) {
                int runs = (int) (alignment / 1000);
                int gaps = (int) (alignment % 1000);
                if (gaps <= 2 * n) {
                    best = 0.95 - 0.03 * (runs - 1) - 0.015 * gaps - shortPenalty;
                }
            }
        }
        int at = l.indexOf(s);
        if (at > 0) {
            best = Math.max(best, 0.91 - 0.015 * at - (n == 2 ? 0.12 : n == 3 ? 0.05 : 0));
        }
        return best;
    }

    /**
     * Aligns every character of {@code s} in order in {@code l}, {@code s[0]} at {@code l[0]}, with the fewest
     * contiguous runs and then the fewest skipped characters between them. Returns runs*1000+gaps, or -1.
     */
    static long alignment(String s, String l) {
        int n = s.length();
        int m = l.length();
        final long none = Long.MAX_VALUE;
        long[] prev = new long[m];
        java.util.Arrays.fill(prev, none);
        prev[0] = s.charAt(0) == l.charAt(0) ? 1000 : none;
        for (int i = 1; i < n; i++) {
            long[] cur = new long[m];
            java.util.Arrays.fill(cur, none);
            char c = s.charAt(i);
            long bestBefore = none;
            int bestBeforeAt = -1;
            for (int j = 1; j < m; j++) {
                // best alignment of s[0..i-1] ending strictly before j-1, continued with a gap
                int k = j - 2;
                if (k >= 0 && prev[k] != none) {
                    long candidate = prev[k] + 1000 - k;
                    if (candidate < bestBefore) {
                        bestBefore = candidate;
                        bestBeforeAt = k;
                    }
                }
                if (l.charAt(j) != c) {
                    continue;
                }
                long contiguous = prev[j - 1] == none ? none : prev[j - 1];
                long gapped = bestBeforeAt < 0 ? none : bestBefore + (j - 1);
                cur[j] = Math.min(contiguous, gapped);
            }
            prev = cur;
        }
        long best = none;
        for (long v : prev) {
            best = Math.min(best, v);
        }
        return best == none ? -1 : best;
    }
}
