package app.lantern.customer.matching;

import java.util.List;

/**
 * Words that end many company names without telling companies apart ({@code 万科企业}, {@code 交通科技},
 * {@code 实业发展}): a short name may leave them out, and a name that differs only by them is no different company.
 * All are two characters, so a check is a look-up of the last two characters (this runs for every candidate pair).
 */
final class GenericWords {

    private static final List<String> WORDS = List.of("企业", "实业", "发展", "科技", "技术", "产业", "投资", "集团", "控股", "股份", "事业");
    private static final java.util.Set<Integer> PAIRS = new java.util.HashSet<>();

    static {
        for (String w : WORDS) {
            PAIRS.add(pair(w.charAt(0), w.charAt(1)));
        }
    }

    private GenericWords() {}

    private static int pair(char a, char b) {
        return (a << 16) | b;
    }

    /** Whether {@code name} is one generic word and nothing else (科技). */
    static boolean isGeneric(String name) {
        return name.length() == 2 && PAIRS.contains(pair(name.charAt(0), name.charAt(1)));
    }

    /** {@code name} without generic words at its end, keeping at least two characters. */
    static String strip(String name) {
        int end = name.length();
        while (end >= 4 && PAIRS.contains(pair(name.charAt(end - 2), name.charAt(end - 1)))) {
            end -= 2;
        }
        return end == name.length() ? name : name.substring(0, end);
    }
}
