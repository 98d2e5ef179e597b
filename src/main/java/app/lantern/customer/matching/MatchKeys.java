package app.lantern.customer.matching;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Blocking keys: a customer can only be a candidate for a query if they share at least one key, so candidate
 * generation is a handful of key look-ups instead of a scan. Names give their reduced forms, the character bigrams of
 * their cores and "anchored" pairs (first character + a later one) that catch abbreviations skipping characters;
 * phones, e-mails and credit codes give themselves.
 */
public final class MatchKeys {

    static final int ANCHOR_REACH = 7;
    /**
     * The version of these keys. Stored keys computed with an older one are rebuilt at start, so bump it whenever a
     * change here (or in {@link CompanyName}'s forms) changes the keys a name gives.
     */
    public static final int SCHEME = 2;

    private MatchKeys() {}

    public static Set<String> of(MatchProfile p) {
        Set<String> keys = new LinkedHashSet<>();
        if (p.name() != null) {
            CompanyName n = p.name();
            addForm(keys, n.core(), true);
            if (n.core().startsWith(Regions.COUNTRY) && n.core().length() >= Regions.COUNTRY.length() + 2) {
                addForm(keys, n.core().substring(Regions.COUNTRY.length()), true);
            }
            addForm(keys, n.stripped(), false);
            if (n.stripped().length() >= 2) {
                keys.add("p:"
                        + n.stripped().substring(0, Math.min(3, n.stripped().length())));
            }
            if (n.abbreviatedCore() != null) {
                addForm(keys, n.abbreviatedCore(), true);
            }
            for (String form : n.regionForms()) {
                addForm(keys, form, true);
            }
        }
        p.phones().forEach(x -> keys.add("t:" + x));
        p.emails().forEach(x -> keys.add(truncate("e:" + x)));
        if (p.creditCode() != null) {
            keys.add("c:" + p.creditCode());
        }
        return keys;
    }

    private static void addForm(Set<String> keys, String form, boolean grams) {
        if (form.length() < 2) {
            return;
        }
        keys.add(truncate("n:" + form));
        if (!grams) {
            return;
        }
        keys.add("f:" + form.substring(0, 2));
        for (int i = 0; i + 2 <= form.length(); i++) {
            keys.add("b:" + form.substring(i, i + 2));
        }
        for (int j = 2; j < Math.min(form.length(), ANCHOR_REACH + 1); j++) {
            keys.add("a:" + form.charAt(0) + form.charAt(j));
        }
    }

    /**
     * The keys a query looks up: its own keys, plus its leading bigram read as an anchored pair, so that a short name
     * like 能投 finds 能源投资 (anchored pair 能·投).
     */
    public static Set<String> forQuery(MatchProfile p) {
        Set<String> keys = of(p);
        if (p.name() != null) {
            for (String form : new String[] {p.name().core(), p.name().abbreviatedCore()}) {
                if (form != null && form.length() >= 2) {
                    keys.add("a:" + form.charAt(0) + form.charAt(1));
                }
            }
        }
        return keys;
    }

    /** Strong keys identify on their own (a whole reduced name, a prefix, a phone, an e-mail, a credit code). */
    public static boolean isStrong(String key) {
        return !(key.startsWith("b:") || key.startsWith("a:"));
    }

    private static String truncate(String key) {
        return key.length() <= 120 ? key : key.substring(0, 120);
    }
}
