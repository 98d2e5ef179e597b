package app.lantern.search;

import java.util.Locale;
import net.sourceforge.pinyin4j.PinyinHelper;

/** The first letters of the pinyin of each Chinese character; other characters are kept, lower-cased. */
final class PinyinInitials {

    private PinyinInitials() {}

    static String of(String text) {
        StringBuilder initials = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            String[] readings = c < 0x3400 ? null : PinyinHelper.toHanyuPinyinStringArray(c);
            if (readings != null && readings.length > 0 && !readings[0].isEmpty()) {
                initials.append(readings[0].charAt(0));
            } else if (Character.isLetterOrDigit(c)) {
                initials.append(Character.toLowerCase(c));
            }
        }
        return initials.toString().toLowerCase(Locale.ROOT);
    }
}
