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
    static final double ABBREVIATION_PENALTY = 0.05;

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
        // a name written in Latin script alone is compared word by word; two names both in Chinese at least in part
        // (TCL智家, 广东TCL智慧家电) are read as Chinese names are
        if ((!a.words().isEmpty() || !b.words().isEmpty()) && !(chinese(a) && chinese(b))) {
            // equal once spaces, punctuation and legal forms are gone: Bio-holding and Bioholding GmbH
            return a.stripped().equals(b.stripped()) ? 1.0 : LatinNames.score(words(a), words(b));
        }
        double best = 0;
        // a two-character core left after a region (襄阳·轴承) is a trade, not a brand: it must start the other core
        boolean shorterHasRegion = (a.core().length() <= b.core().length() ? a : b).region() != null;
        best = Math.max(best, capped(sim(a.core(), b.core(), !shorterHasRegion), a.region(), b.region()));
        // a short name may keep the first character of a group word the core drops (金控 of 金融控股集团)
        best = Math.max(best, capped(grouped(a.core(), b), a.region(), b.region()));
        best = Math.max(best, capped(grouped(b.core(), a), a.region(), b.region()));
        if (a.countryKept() != null) {
            best = Math.max(best, capped(sim(a.countryKept(), b.core()), a.region(), b.region()));
        }
        if (b.countryKept() != null) {
            best = Math.max(best, capped(sim(a.core(), b.countryKept()), a.region(), b.region()));
        }
        // with the region kept, only a prefix counts unless both name the same region (襄阳轴承 of 襄阳汽车轴承):
        // a shared region alone (深圳…能源) is no evidence
        boolean sameRegion = a.region() != null && a.region().equals(b.region());
        best = Math.max(best, sameRegion ? sim(a.stripped(), b.stripped()) : prefixOnly(a.stripped(), b.stripped()));
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
        // reading a leading character as a region is one guess; a left-out holding name on top would be a second
        if (a.abbreviatedCore() != null && sameStart(a.abbreviatedCore(), b.core())) {
            best = Math.max(
                    best,
                    capped(
                            sim(a.abbreviatedCore(), b.core()) - ABBREVIATION_PENALTY,
                            a.abbreviatedRegion(),
                            b.region()));
        }
        if (b.abbreviatedCore() != null && sameStart(a.core(), b.abbreviatedCore())) {
            best = Math.max(
                    best,
                    capped(
                            sim(a.core(), b.abbreviatedCore()) - ABBREVIATION_PENALTY,
                            a.region(),
                            b.abbreviatedRegion()));
        }
        if (saysMore(a, b) || saysMore(b, a)) {
            best = Math.min(best, SAYS_MORE_CAP);
        }
        return Math.max(0, Math.min(1, best));
    }

    private static boolean chinese(CompanyName name) {
        return name.normalized()
                .codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** The words a Latin-script comparison uses: a Chinese-only name is one word, its reduced form. */
    private static java.util.List<String> words(CompanyName name) {
        return name.words().isEmpty() ? java.util.List.of(name.stripped()) : name.words();
    }

    /** {@code shortCore} against {@code full} with its group words (控股, 集团) kept, when it has any; else 0. */
    private static double grouped(String shortCore, CompanyName full) {
        if (shortCore.length() < 3
                || !full.literal().contains("控股") && !full.literal().contains("集团")) {
            return 0;
        }
        String literal = GROUP_LEGAL_FORM.matcher(full.literal()).replaceFirst("");
        if (literal.length() <= full.core().length() || !literal.startsWith(full.core()) || shortCore.length() < 3) {
            return 0;
        }
        return sim(shortCore, literal);
    }

    private static final java.util.regex.Pattern GROUP_LEGAL_FORM =
            java.util.regex.Pattern.compile("(股份有限公司|有限责任公司|股份公司|有限公司|公司)$");

    /**
     * Whether {@code other} names words that {@code complete}, a registered name, does not have: 胜利精密 is not
     * 山东胜利股份有限公司, whose whole name is 胜利 in 山东, however well the brand fits. Generic words and a region
     * abbreviation in front (深振业 of 深圳市振业) are no such words.
     */
    static boolean saysMore(CompanyName complete, CompanyName other) {
        if (!complete.complete()) {
            return false;
        }
        return exceeds(other.core(), complete.core())
                && (other.abbreviatedCore() == null || exceeds(other.abbreviatedCore(), complete.core()));
    }

    /** Whether {@code core}'s brand is longer than {@code completeCore}'s and not found in it (莱宝高科 is in 莱宝高科技). */
    private static boolean exceeds(String core, String completeCore) {
        String brand = GenericWords.strip(core);
        return brand.length() > GenericWords.strip(completeCore).length() && !completeCore.contains(brand);
    }

    private static boolean sameStart(String x, String y) {
        return !x.isEmpty() && !y.isEmpty() && x.charAt(0) == y.charAt(0);
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

    /** The most a name can score against a registered name it says more than ({@link #saysMore}). */
    static final double SAYS_MORE_CAP = 0.8;

    /** The score of a shorter name covering every word of the longer one, all in one run. */
    static final double FULL_COVER = 0.97;
    /** Equal once generic words are dropped (万科 and 万科企业): the same brand, but nothing more is known. */
    static final double BRAND_EQUAL = 0.93;
    /** See {@link #sim(String, String, boolean)}. */
    static final double GENERIC_MISMATCH = 0.08;
    /** The most a name made of a region and generic words only can score against a different name. */
    static final double REGION_ONLY = 0.8;
    /** Each further run of the short name inside the long one (能投 in 能源·投资 has two). */
    static final double RUN = 0.01;
    /** Each character of the long name that no character of the short name stands for (华联 leaves 瓷业 of 华联瓷业). */
    static final double UNCOVERED = 0.045;
    /**
     * A skipped run of the long name costs at most this when the short name has four characters or more: two words
     * kept in order say more than the words left out between them (海螺新材 of 海螺节能环保新材料).
     */
    static final double MAX_GAP = 0.09;
    /**
     * Each character of the long name after the last one the short name keeps: the trade after a brand of three or
     * more characters (好想你 of 好想你健康食品) says little, so it costs little, at most {@link #MAX_TAIL}.
     */
    static final double TAIL = 0.01;

    static final double MAX_TAIL = 0.04;
    /** A leading holding name the short name leaves out (中节能·太阳能), plus a little per character. */
    static final double LEAD = 0.04;

    static final double LEAD_PER_CHAR = 0.005;
    /**
     * A two-character short name made of the initials of the long name's words (能投 of 能源投资, 中南 of 中国南玻):
     * as common a shape as a brand, and as ambiguous.
     */
    static final double INITIALS = 0.07;
    /** A character placed in the long name's trailing generic words (科 of 交科 in 交通科技) is weaker evidence. */
    static final double GENERIC_MATCH = 0.05;
    /**
     * A two-character short name that is the first word of the long name only (华联 of 华联瓷业): the brand without
     * the trade. It identifies the company only where no other customer has that brand, which the matcher decides.
     */
    static final double BRAND_PREFIX = 0.07;

    /**
     * Similarity of two reduced names, the shorter read as an abbreviation of the longer. Short names keep characters
     * of the long name in order: whole words, or the first character of a two-character word (能投 of 能源投资), and may
     * leave out a leading holding name (太阳能 of 中节能太阳能) and trailing generic words (万科 of 万科企业). What the
     * short name leaves unexplained costs: a two-character short name must explain the whole long name.
     */
    static double sim(String x, String y) {
        return sim(x, y, true);
    }

    /** As {@link #sim(String, String)}; {@code twoAfterLead} whether a two-character name may follow a holding name. */
    static double sim(String x, String y, boolean twoAfterLead) {
        if (x.equals(y)) {
            return x.length() >= 2 ? 1.0 : 0.0;
        }
        String s = x.length() <= y.length() ? x : y;
        String l = s == x ? y : x;
        int n = s.length();
        if (n < 2 || GenericWords.isGeneric(s)) {
            return 0;
        }
        String sBrand = GenericWords.strip(s);
        if (Regions.isRegion(sBrand)) {
            // 湖南发展, 东莞控股: a region and generic words name no company in particular
            return l.startsWith(sBrand) ? REGION_ONLY : 0;
        }
        // a generic word the short name keeps but the long name lacks (航天发展 against 航天科技) speaks against it
        double mismatch = sBrand.length() < n && !l.contains(s.substring(sBrand.length())) ? GENERIC_MISMATCH : 0;
        int end = GenericWords.strip(l).length();
        if (sBrand.length() >= 2 && sBrand.equals(l.substring(0, end))) {
            return BRAND_EQUAL - mismatch;
        }
        if (sBrand.length() == 2 && n > 2) {
            // a two-character brand and a generic word (一彬科技): the generic word tells nothing
            return sim(sBrand, l, twoAfterLead) - mismatch;
        }
        double best = 0;
        for (int lead = l.indexOf(s.charAt(0)); lead >= 0; lead = l.indexOf(s.charAt(0), lead + 1)) {
            if (lead > 0 && n == 2 && !twoAfterLead) {
                break;
            }
            if (lead > 0 && n == 2 && (lead == 1 || !l.startsWith(s, lead))) {
                // a left-out holding name is one guess, initials a second, and a pair across the words after a
                // one-character lead (中·恒电·气) is no word of the name: 恒电 is not 中恒电气
                continue;
            }
            double cost = cover(s, l, lead, end);
            if (cost < Double.MAX_VALUE) {
                double leadCost = lead == 0 || lead == Regions.COUNTRY.length() && l.startsWith(Regions.COUNTRY)
                        ? 0
                        : LEAD + LEAD_PER_CHAR * lead;
                best = Math.max(best, FULL_COVER - cost - leadCost);
            }
        }
        return best;
    }

    /**
     * The least cost of placing every character of {@code s} in order in {@code l}, {@code s[0]} at {@code lead}:
     * {@link #RUN} per run after the first and {@link #UNCOVERED} per character of {@code l[lead, end)} not explained.
     * A placed character explains itself, and also the next one when it starts a two-character word (counted from
     * {@code lead}) or follows an unplaced one. A two-character {@code s} must explain everything. Returns
     * {@link Double#MAX_VALUE} when {@code s} cannot be placed so.
     */
    static double cover(String s, String l, int lead, int end) {
        int n = s.length();
        int m = l.length();
        double none = Double.MAX_VALUE;
        // cost[2j + c]: s[0..i] placed with s[i] at j; c = 1 when s[i] continues a run (l[j-1] holds s[i-1])
        double[] cost = new double[2 * m];
        double[] next = new double[2 * m];
        java.util.Arrays.fill(cost, none);
        cost[2 * lead] = 0;
        // a two-character short name may leave nothing unexplained
        double uncovered = n == 2 ? 1.0 : UNCOVERED;
        double tail = n == 2 ? 1.0 : TAIL;
        double maxTail = n == 2 ? 1.0 : MAX_TAIL;
        double maxGap = n >= 4 ? MAX_GAP : Double.MAX_VALUE;
        int from = lead;
        for (int i = 1; i < n; i++) {
            java.util.Arrays.fill(next, none);
            char c = s.charAt(i);
            int first = -1;
            for (int j = l.indexOf(c, from + 1); j >= 0; j = l.indexOf(c, j + 1)) {
                double generic = j >= end ? GENERIC_MATCH : 0;
                for (int k = from; k < j; k++) {
                    for (int run = 0; run < 2; run++) {
                        double base = cost[2 * k + run];
                        if (base == none) {
                            continue;
                        }
                        if (j == k + 1) {
                            next[2 * j + 1] = Math.min(next[2 * j + 1], base + generic);
                        } else {
                            double step = base
                                    + generic
                                    + RUN
                                    + Math.min(maxGap, uncovered * unexplained(k, j, lead, run, end));
                            next[2 * j] = Math.min(next[2 * j], step);
                        }
                    }
                }
                if (first < 0 && (next[2 * j] != none || next[2 * j + 1] != none)) {
                    first = j;
                }
            }
            if (first < 0) {
                return none;
            }
            from = first;
            double[] swap = cost;
            cost = next;
            next = swap;
        }
        double best = none;
        for (int k = from; k < m; k++) {
            for (int run = 0; run < 2; run++) {
                if (cost[2 * k + run] != none) {
                    best = Math.min(
                            best, cost[2 * k + run] + Math.min(maxTail, tail * unexplained(k, m, lead, run, end)));
                }
            }
        }
        if (n == 2) {
            if (best == 0) {
                return 0;
            }
            if (best < 1.0) {
                return best + INITIALS;
            }
            return l.startsWith(s, lead) ? BRAND_PREFIX : none;
        }
        return best;
    }

    /** Characters strictly between {@code k} and {@code j}, before {@code end}, that the one placed at {@code k} leaves unexplained. */
    private static int unexplained(int k, int j, int lead, int run, int end) {
        int gap = Math.min(j, end) - k - 1;
        if (gap <= 0) {
            return 0;
        }
        boolean startsWord = run == 0 || (k - lead) % 2 == 0;
        return startsWord ? gap - 1 : gap;
    }
}
