package app.lantern.shared;

/** Small checks on text input that every module's validation shares. */
public final class Texts {

    private Texts() {}

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Trims, and turns blank into null. */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    public static void require(FieldErrors errors, String field, String value, int maxLength) {
        if (isBlank(value)) {
            errors.add(field, "must not be blank");
        } else {
            maxLength(errors, field, value, maxLength);
        }
    }

    public static void maxLength(FieldErrors errors, String field, String value, int maxLength) {
        if (value != null && value.codePointCount(0, value.length()) > maxLength) {
            errors.add(field, "must be at most " + maxLength + " characters");
        }
    }
}
