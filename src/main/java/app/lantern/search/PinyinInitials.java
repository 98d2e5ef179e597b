package app.lantern.search;

import java.util.Locale;
import net.sourceforge.pinyin4j.PinyinHelper;

/**
 * The first letters of the pinyin of each Chinese character; other letters and digits are kept, lower-cased. A
 * character's initial is looked up in pinyin4j once and kept in a table (a search computes the initials of thousands
 * of names per keystroke; the lookup alone costs about 10 µs per name).
 */
final class PinyinInitials {

    private static final char UNKNOWN = 0;
    private static final char NONE = '\uFFFF';
    /** Every writer stores the same value for a character, so unsynchronised writes are harmless. */
    private static final char[] TABLE = new char[Character.MAX_VALUE + 1];

    private PinyinInitials() {}

    static String of(String text) {
        StringBuilder initials = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            char initial = initial(c);
            if (initial != NONE) {
                initials.append(initial);
            }
        }
        return initials.toString();
    }

    private static char initial(char c) {
        char known = TABLE[c];
        if (known == UNKNOWN) {
            known = lookUp(c);
            TABLE[c] = known;
        }
        return known;
    }

    private static char lookUp(char c) {
        String[] readings = c < 0x3400 ? null : PinyinHelper.toHanyuPinyinStringArray(c);
        if (readings != null && readings.length > 0 && !readings[0].isEmpty()) {
            return readings[0].toLowerCase(Locale.ROOT).charAt(0);
        }
        return Character.isLetterOrDigit(c)
                ? String.valueOf(c).toLowerCase(Locale.ROOT).charAt(0)
                : NONE;
    }
}
