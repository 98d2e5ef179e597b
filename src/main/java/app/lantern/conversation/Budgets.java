package app.lantern.conversation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customer's budget from the sentences that talk about it (预算, 能出, 批了, 控制在): 二三十万 → 200000–300000,
 * 五十万以内 → at most 500000, 五十万以上 → at least 500000, 15万 / 150,000 / 十五万 → exactly that. The last amount
 * said wins (a later "控制在三十五万以内" refines "批了四十万").
 */
final class Budgets {

    private static final String NUM = "(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|[零一二两三四五六七八九十百千]+)";
    private static final Pattern CONTEXT = Pattern.compile("预算|经费|资金|能出|能拿出|批了|投入|控制在|能分到|只有|顶多|最多|报价能不能低于");
    private static final Pattern ADJACENT = Pattern.compile("([一二两三四五六七八九])([一二三四五六七八九])(十|百|千)?(万|w|W)");
    private static final Pattern RANGE =
            Pattern.compile(NUM + "(万|w|W)?(?:元|块)?\\s*(?:到|至|-|—|~|～|和)\\s*" + NUM + "(万|w|W)(?:元|块)?");
    private static final Pattern AMOUNT = Pattern.compile(NUM + "(?:来|多)?\\s*(万|w|W|元|块|个亿|亿)?");
    private static final Pattern MAX = Pattern.compile(
            "^(?:元|块|钱)?(?:以内|以下|之内)|^[，,]?[^，,。]{0,3}(?:不能再多|批不下来|一分都不能多|就这么多)|(?:不超过|不会超过|最多|顶多|封顶|只有|低于|上限)[^，,]{0,4}$");
    private static final Pattern MIN = Pattern.compile("^(?:元|块)?(?:以上|起步)|(?:至少|起码|不低于)[^，,]{0,4}$");

    private Budgets() {}

    /** The budget named in {@code sentences} (in order), if any sentence talks about budget with an amount. */
    static Optional<Extraction.Budget> find(List<String> sentences) {
        Extraction.Budget found = null;
        for (int i = 0; i < sentences.size(); i++) {
            String s = sentences.get(i);
            boolean context = CONTEXT.matcher(s).find()
                    || i + 1 < sentences.size() && sentences.get(i + 1).contains("预算");
            if (context) {
                Extraction.Budget b = parse(s);
                if (b != null) {
                    found = b;
                }
            }
        }
        return Optional.ofNullable(found);
    }

    static Extraction.Budget parse(String s) {
        Extraction.Budget last = null;
        int lastAt = -1;
        Matcher m = ADJACENT.matcher(s);
        while (m.find()) {
            int a = ChineseNumbers.digit(m.group(1).charAt(0));
            int b = ChineseNumbers.digit(m.group(2).charAt(0));
            if (b > a) {
                long unit = (m.group(3) == null
                                ? 1
                                : m.group(3).equals("十") ? 10 : m.group(3).equals("百") ? 100 : 1000)
                        * 10_000L;
                last = new Extraction.Budget(BigDecimal.valueOf(a * unit), BigDecimal.valueOf(b * unit));
                lastAt = m.start();
            }
        }
        m = RANGE.matcher(s);
        while (m.find()) {
            if (m.start() > lastAt) {
                double lo = ChineseNumbers.parse(m.group(1));
                double hi = ChineseNumbers.parse(m.group(3));
                long unit = 10_000L;
                if (lo > 0 && hi > lo) {
                    last = new Extraction.Budget(yuan(lo * unit), yuan(hi * unit));
                    lastAt = m.start();
                }
            }
        }
        m = AMOUNT.matcher(s);
        while (m.find()) {
            if (m.start() <= lastAt || insideRange(s, m.start())) {
                continue;
            }
            double v = ChineseNumbers.parse(m.group(1));
            if (v <= 0 || m.group(2) == null && !m.group(1).contains(",")) {
                continue;
            }
            double amount = v
                    * switch (m.group(2) == null ? "元" : m.group(2)) {
                        case "万", "w", "W" -> 10_000;
                        case "个亿", "亿" -> 100_000_000;
                        default -> 1;
                    };
            if (amount < 1000) {
                continue;
            }
            BigDecimal y = yuan(amount);
            String before = s.substring(Math.max(0, m.start() - 8), m.start());
            String after = s.substring(m.end(), Math.min(s.length(), m.end() + 10));
            if (MAX.matcher(after).find() || MAX.matcher(before).find()) {
                last = new Extraction.Budget(null, y);
            } else if (MIN.matcher(after).find() || MIN.matcher(before).find()) {
                last = new Extraction.Budget(y, null);
            } else {
                last = new Extraction.Budget(y, y);
            }
            lastAt = m.start();
        }
        return last;
    }

    private static boolean insideRange(String s, int at) {
        Matcher m = RANGE.matcher(s);
        while (m.find()) {
            if (at >= m.start() && at < m.end()) {
                return true;
            }
        }
        return false;
    }

    private static BigDecimal yuan(double v) {
        return BigDecimal.valueOf(Math.round(v));
    }
}
