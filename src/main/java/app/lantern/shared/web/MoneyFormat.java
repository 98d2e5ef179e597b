package app.lantern.shared.web;

import app.lantern.shared.Phrase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Template helper ({@code @moneyFormat}) for short amounts in summaries: Chinese readers count in 万 ("¥2593.6万"),
 * English readers in thousands and millions ("¥25.9M", "¥300k").
 */
@Component("moneyFormat")
public class MoneyFormat {

    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    /** The amount in yuan, short, in the reader's language. */
    public String brief(BigDecimal yuan) {
        return brief(yuan, LocaleContextHolder.getLocale());
    }

    /** {@link #brief(BigDecimal)} in a given language, for texts composed outside a request (channel messages). */
    public static String brief(BigDecimal yuan, Locale locale) {
        BigDecimal amount = yuan == null ? BigDecimal.ZERO : yuan;
        if (Locale.CHINESE.getLanguage().equals(locale.getLanguage())) {
            return "¥" + amount.divide(WAN, 1, RoundingMode.HALF_UP).toPlainString() + "万";
        }
        if (amount.abs().compareTo(MILLION) >= 0) {
            return "¥" + amount.divide(MILLION, 1, RoundingMode.HALF_UP).toPlainString() + "M";
        }
        return "¥" + amount.divide(THOUSAND, 0, RoundingMode.HALF_UP).toPlainString() + "k";
    }

    /**
     * The amount as a phrase argument that is put into words with the rest of the sentence, in the reader's language
     * ({@code money.brief}: the Chinese form, or the English one).
     */
    public static Phrase phrase(BigDecimal yuan) {
        return new Phrase("money.brief", brief(yuan, Locale.SIMPLIFIED_CHINESE), brief(yuan, Locale.ENGLISH));
    }
}
