package app.lantern.conversation;

/** Reads numbers written with Chinese numerals (十五, 一百二十, 两百) or Arabic digits (15, 1.5). */
final class ChineseNumbers {

    static final String DIGITS = "零〇一二两三四五六七八九十百千";

    private ChineseNumbers() {}

    /** The value of {@code text}, or -1 when it is not a number. */
    static double parse(String text) {
        if (text == null || text.isEmpty()) {
            return -1;
        }
        if (text.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ',')) {
            try {
                return Double.parseDouble(text.replace(",", ""));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        long total = 0;
        long current = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int d = digit(c);
            if (d >= 0) {
                current = d;
            } else if (c == '十' || c == '百' || c == '千') {
                int unit = c == '十' ? 10 : c == '百' ? 100 : 1000;
                total += (current == 0 ? 1 : current) * unit;
                current = 0;
            } else {
                return -1;
            }
        }
        return total + current;
    }

    static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> c >= '0' && c <= '9' ? c - '0' : -1;
        };
    }
}
