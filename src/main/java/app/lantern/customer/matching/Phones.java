package app.lantern.customer.matching;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Chinese phone numbers in one canonical form: mobiles as 11 digits ({@code 13812345678}), landlines with their
 * area code and leading zero ({@code 075512345678}), service numbers as written ({@code 4008123123}). Country code
 * (+86, 0086, 86), separators, brackets and extensions (转 / ext / x / #) are removed.
 */
public final class Phones {

    private static final Pattern EXTENSION = Pattern.compile("(转|分机|ext\\.?|x|#|,|;).*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0[1-9]\\d{1,2}[2-9]\\d{6,7}");
    private static final Pattern SERVICE = Pattern.compile("[48]00\\d{7}|95\\d{3,6}");
    private static final Pattern LOCAL = Pattern.compile("[2-9]\\d{6,7}");

    private Phones() {}

    /** The canonical number, or empty when the input is not a plausible Chinese phone number. */
    public static Optional<String> normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
        s = EXTENSION.matcher(s).replaceFirst("");
        boolean plus = s.startsWith("+");
        String digits = s.replaceAll("[^0-9]", "");
        if (digits.isEmpty() || s.replaceAll("[0-9+\\-()\\s.]", "").length() > 0) {
            return Optional.empty();
        }
        if (digits.startsWith("0086")) {
            digits = digits.substring(4);
            plus = true;
        } else if ((plus || digits.length() >= 12) && digits.startsWith("86")) {
            digits = digits.substring(2);
            plus = true;
        }
        if (plus
                && !digits.startsWith("1")
                && !digits.startsWith("0")
                && !digits.startsWith("400")
                && !digits.startsWith("800")) {
            digits = "0" + digits;
        }
        if (MOBILE.matcher(digits).matches()
                || LANDLINE.matcher(digits).matches()
                || SERVICE.matcher(digits).matches()
                || LOCAL.matcher(digits).matches()) {
            return Optional.of(digits);
        }
        return Optional.empty();
    }

    public static boolean isValid(String raw) {
        return normalize(raw).isPresent();
    }
}
