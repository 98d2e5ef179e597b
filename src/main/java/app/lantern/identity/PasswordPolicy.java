package app.lantern.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What a new password must be: 10 to 128 characters, not one character or a short unit repeated
 * ({@code aaaaaaaaaa}, {@code abababab…}), not a run like {@code 0123456789} or {@code abcdefghij}, and not one of the
 * passwords every guessing list starts with. The refusal is worded in the language of the request.
 */
@Component
class PasswordPolicy {

    static final int MIN = 10;
    static final int MAX = 128;

    private static final Set<String> COMMON = Set.of(
            "password",
            "password1",
            "password12",
            "password123",
            "password@123",
            "p@ssw0rd123",
            "qwertyuiop",
            "qwerty123456",
            "1qaz2wsx3edc",
            "1q2w3e4r5t",
            "zaq12wsxcde",
            "abc1234567",
            "abc123456789",
            "a123456789",
            "123456789a",
            "iloveyou123",
            "admin12345",
            "admin@123",
            "woaini1314",
            "woaini5201314",
            "changeme123");

    private final MessageSource messages;

    PasswordPolicy(MessageSource messages) {
        this.messages = messages;
    }

    /** Why the password is refused, in the request's language; empty when it is acceptable. */
    Optional<String> refusal(String password) {
        return problem(password)
                .map(key -> messages.getMessage(
                        "identity.password." + key, new Object[] {MIN, MAX}, LocaleContextHolder.getLocale()));
    }

    static Optional<String> problem(String password) {
        if (password == null || password.length() < MIN || password.length() > MAX) {
            return Optional.of("length");
        }
        if (repeatsAShortUnit(password)) {
            return Optional.of("repeated");
        }
        if (isRun(password)) {
            return Optional.of("sequence");
        }
        if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of("common");
        }
        return Optional.empty();
    }

    private static boolean repeatsAShortUnit(String p) {
        for (int unit = 1; unit <= 3; unit++) {
            boolean repeats = true;
            for (int i = unit; i < p.length() && repeats; i++) {
                repeats = p.charAt(i) == p.charAt(i - unit);
            }
            if (repeats) {
                return true;
            }
        }
        return false;
    }

    /** Every character one up (or every one down) from the one before: 0123456789, abcdefghij, 9876543210. */
    private static boolean isRun(String p) {
        String s = p.toLowerCase(Locale.ROOT);
        int step = s.charAt(1) - s.charAt(0);
        if (step != 1 && step != -1) {
            return false;
        }
        for (int i = 2; i < s.length(); i++) {
            if (s.charAt(i) - s.charAt(i - 1) != step) {
                return false;
            }
        }
        return true;
    }
}
