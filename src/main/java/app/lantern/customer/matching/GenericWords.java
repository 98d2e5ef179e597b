package app.lantern.customer.matching;

import java.util.List;

/**
 * Words that end many company names without telling companies apart ({@code 万科企业}, {@code 交通科技},
 * {@code 实业发展}): a short name may leave them out, and a name that differs only by them is no different company.
 */
final class GenericWords {

    private static final List<String> WORDS = List.of(
            "企业", "实业", "发展", "科技", "技术", "产业", "投资", "集团", "控股", "股份", "事业");

    private GenericWords() {}

    /** Whether {@code name} is one generic word and nothing else (科技). */
    static boolean isGeneric(String name) {
        return WORDS.contains(name);
    }

    /** {@code name} without generic words at its end, keeping at least two characters. */
    static String strip(String name) {
        String s = name;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String w : WORDS) {
                if (s.endsWith(w) && s.length() - w.length() >= 2) {
                    s = s.substring(0, s.length() - w.length());
                    changed = true;
                }
            }
        }
        return s;
    }
}
