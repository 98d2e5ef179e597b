package app.lantern.quote;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts in Chinese capitals (大写金额) as the People's Bank of China's settlement rules write them: 壹拾 at the start,
 * one 零 for any run of zeros inside the number, 零 before 分 when 角 is zero, 整 after 元 or 角 and never after 分.
 * The amount is first rounded HALF_UP to the fen.
 */
public final class ChineseAmount {

    private static final String[] DIGITS = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
    private static final String[] IN_GROUP = {"", "拾", "佰", "仟"};
    private static final String[] GROUPS = {"", "万", "亿", "万亿"};

    private ChineseAmount() {}

    public static String of(BigDecimal amount) {
        BigDecimal fen = amount.setScale(2, RoundingMode.HALF_UP);
        StringBuilder out = new StringBuilder();
        if (fen.signum() < 0) {
            out.append("负");
            fen = fen.negate();
        }
        long yuan = fen.longValue();
        int cents = fen.subtract(BigDecimal.valueOf(yuan)).movePointRight(2).intValueExact();
        int jiao = cents / 10;
        int fenDigit = cents % 10;
        if (yuan >= 10_000_000_000_000_000L / 1000) {
            throw new IllegalArgumentException("amount too large for Chinese capitals: " + amount);
        }
        if (yuan > 0) {
            out.append(integerPart(yuan)).append("元");
        }
        if (yuan == 0 && cents == 0) {
            return out.append("零元整").toString();
        }
        if (jiao > 0) {
            out.append(DIGITS[jiao]).append("角");
        } else if (fenDigit > 0 && yuan > 0) {
            out.append("零");
        }
        if (fenDigit > 0) {
            out.append(DIGITS[fenDigit]).append("分");
        } else {
            out.append("整");
        }
        return out.toString();
    }

    private static String integerPart(long yuan) {
        int[] groups = new int[GROUPS.length];
        int count = 0;
        for (long rest = yuan; rest > 0; rest /= 10_000) {
            groups[count++] = (int) (rest % 10_000);
        }
        StringBuilder out = new StringBuilder();
        boolean zeroPending = false;
        for (int g = count - 1; g >= 0; g--) {
            int value = groups[g];
            if (value == 0) {
                zeroPending = !out.isEmpty();
                continue;
            }
            if (!out.isEmpty() && (zeroPending || value < 1000)) {
                out.append("零");
            }
            out.append(group(value)).append(GROUPS[g]);
            zeroPending = false;
        }
        return out.toString();
    }

    private static String group(int value) {
        StringBuilder out = new StringBuilder();
        boolean started = false;
        boolean zero = false;
        for (int pos = 3; pos >= 0; pos--) {
            int d = (value / (int) Math.pow(10, pos)) % 10;
            if (d == 0) {
                zero = started;
                continue;
            }
            if (zero) {
                out.append("零");
            }
            out.append(DIGITS[d]).append(IN_GROUP[pos]);
            started = true;
            zero = false;
        }
        return out.toString();
    }
}
