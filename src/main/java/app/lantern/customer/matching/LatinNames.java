package app.lantern.customer.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Latin-script and mixed names ({@code Acme Corp.}, {@code ACME CORPORATION}, {@code Bio-holding GmbH},
 * {@code ZhongXing Tech}) compared word by word: Chinese short-name rules (a prefix, initials) do not hold for them.
 * A name becomes its words, case-folded, split at punctuation, hyphens, spaces and case changes (pinyin written
 * {@code ZhongXing}), without legal-form words; two names are compared by the words they share, a generic word
 * ({@code Bio}, {@code Tech}, {@code Global}) weighing little. A shared prefix inside a word is no evidence:
 * {@code Bioplex} and {@code Bioholding} share no word.
 */
final class LatinNames {

    /** Legal forms and group words: they say what kind of company, not which. */
    private static final Set<String> LEGAL_FORMS = Set.of(
            "inc",
            "incorporated",
            "ltd",
            "limited",
            "co",
            "corp",
            "corporation",
            "company",
            "llc",
            "gmbh",
            "ag",
            "sa",
            "plc",
            "holding",
            "holdings",
            "group",
            "lp",
            "llp",
            "pte",
            "bv",
            "nv",
            "srl",
            "spa",
            "kg",
            "oy",
            "ab",
            "the",
            "and");

    /** Words many unrelated companies carry; sharing one is weak evidence. */
    private static final Set<String> GENERIC = Set.of(
            "bio",
            "tech",
            "technology",
            "technologies",
            "global",
            "international",
            "intl",
            "industries",
            "industry",
            "industrial",
            "systems",
            "system",
            "solutions",
            "services",
            "service",
            "trading",
            "enterprise",
            "enterprises",
            "partners",
            "capital",
            "ventures",
            "digital",
            "software",
            "networks",
            "energy",
            "medical",
            "health",
            "china",
            "asia",
            "pacific",
            "new",
            "first",
            "united",
            "general",
            "national",
            "development",
            "investment",
            "management",
            "consulting",
            "logistics",
            "electronics",
            "pharma",
            "pharmaceutical",
            "pharmaceuticals",
            "materials",
            "products",
            "resources");

    /** What a generic word weighs against a distinctive one. */
    static final double GENERIC_WEIGHT = 0.2;
    /** The most two names can score when they share no distinctive word (only generic ones). */
    static final double GENERIC_ONLY_CAP = 0.5;

    private LatinNames() {}

    /** Whether {@code raw} is written in Latin script at least in part (ACME, 华为 Huawei); Chinese-only names are not. */
    static boolean isLatin(String raw) {
        return raw != null && raw.codePoints().anyMatch(c -> c < 0x250 && Character.isLetter(c));
    }

    /**
     * The identifying words of {@code raw}: split at anything not a letter or digit and between scripts, a Latin word
     * also at each change to upper case (ZhongXing) unless it is a legal form (GmbH); case-folded, legal forms left
     * out; a Chinese part reduced as a Chinese name is ({@code 科技有限公司} → {@code 科技}).
     */
    static List<String> words(String raw) {
        String s = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFKC);
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        boolean han = false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            boolean isHan = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
            if (!Character.isLetterOrDigit(c) || isHan != han) {
                add(chunks, chunk);
            }
            if (Character.isLetterOrDigit(c)) {
                chunk.appendCodePoint(c);
                han = isHan;
            }
            i += Character.charCount(c);
        }
        add(chunks, chunk);
        List<String> all = new ArrayList<>();
        for (String c : chunks) {
            String folded = c.toLowerCase(Locale.ROOT);
            if (!isLatin(c)) {
                all.add(CompanyName.of(c).stripped());
            } else if (LEGAL_FORMS.contains(folded)) {
                all.add(folded);
            } else {
                for (String part : CASE_CHANGE.split(c)) {
                    all.add(part.toLowerCase(Locale.ROOT));
                }
            }
        }
        List<String> kept = all.stream()
                .filter(w -> !w.isEmpty() && !LEGAL_FORMS.contains(w))
                .toList();
        return kept.isEmpty() ? all : kept;
    }

    private static final java.util.regex.Pattern CASE_CHANGE =
            java.util.regex.Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})");

    private static void add(List<String> words, StringBuilder word) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    /**
     * How likely two names denote one company, 0–1: 1 when their words are equal (or equal once joined: Bio-holding
     * and Bioholding); otherwise half the share of the shorter name's words found in the longer, half the share of
     * all words shared, by weight. Names sharing no distinctive word score at most {@link #GENERIC_ONLY_CAP}.
     */
    static double score(List<String> wordsA, List<String> wordsB) {
        if (wordsA.isEmpty() || wordsB.isEmpty()) {
            return 0;
        }
        if (wordsA.equals(wordsB) || String.join("", wordsA).equals(String.join("", wordsB))) {
            return 1.0;
        }
        List<String> a = joined(wordsA, wordsB);
        List<String> b = joined(wordsB, wordsA);
        List<String> unmatched = new ArrayList<>(b);
        double shared = 0;
        double unsharedA = 0;
        boolean distinctive = false;
        for (String w : a) {
            String match =
                    unmatched.stream().filter(x -> same(w, x)).findFirst().orElse(null);
            if (match != null) {
                unmatched.remove(match);
                // a word and its misspelling weigh alike: as the lighter of the two
                double weight = Math.min(weight(w), weight(match));
                shared += weight;
                distinctive |= weight == 1.0;
            } else {
                unsharedA += weight(w);
            }
        }
        double wa = shared + unsharedA;
        double wb = shared + unmatched.stream().mapToDouble(LatinNames::weight).sum();
        double containment = shared / Math.min(wa, wb);
        double jaccard = shared / (wa + wb - shared);
        double score = 0.5 * containment + 0.5 * jaccard;
        return distinctive ? score : Math.min(score, GENERIC_ONLY_CAP);
    }

    /** {@code words} with each run of adjacent words that, written together, is a word of {@code other} joined (Zhong Xing). */
    private static List<String> joined(List<String> words, List<String> other) {
        List<String> result = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int end = i + 1;
            for (int j = words.size(); j > i + 1; j--) {
                if (other.contains(String.join("", words.subList(i, j)))) {
                    end = j;
                    break;
                }
            }
            result.add(String.join("", words.subList(i, end)));
            i = end;
        }
        return result;
    }

    /**
     * Equal; one typo apart in a word of six letters or more (Industires); or, for generic words, one shortening
     * the other (Tech, Technology). A distinctive word starting another (Bio of Bioplex) is no match.
     */
    private static boolean same(String x, String y) {
        if (x.equals(y)) {
            return true;
        }
        if (generic(x) && generic(y) && Math.min(x.length(), y.length()) >= 4 && (x.startsWith(y) || y.startsWith(x))) {
            return true;
        }
        return x.length() >= 6 && y.length() >= 6 && Math.abs(x.length() - y.length()) <= 1 && oneEditApart(x, y);
    }

    private static boolean oneEditApart(String x, String y) {
        int i = 0;
        while (i < Math.min(x.length(), y.length()) && x.charAt(i) == y.charAt(i)) {
            i++;
        }
        if (x.length() == y.length()) {
            return x.substring(i + 1).equals(y.substring(i + 1))
                    || i + 1 < x.length()
                            && x.charAt(i) == y.charAt(i + 1)
                            && x.charAt(i + 1) == y.charAt(i)
                            && x.substring(i + 2).equals(y.substring(i + 2));
        }
        return x.length() > y.length()
                ? x.substring(i + 1).equals(y.substring(i))
                : y.substring(i + 1).equals(x.substring(i));
    }

    private static double weight(String word) {
        return generic(word) ? GENERIC_WEIGHT : 1.0;
    }

    /** Generic Latin words, and in a mixed name a Chinese region or generic word (深圳, 科技). */
    private static boolean generic(String word) {
        return GENERIC.contains(word) || Regions.isRegion(word) || GenericWords.isGeneric(word);
    }
}
