package app.lantern.shared;

/** Ids travel as strings in JSON; one that is not a number is a field error naming where it came from. */
public final class Ids {

    private Ids() {}

    /** The id in {@code value}; a blank or non-numeric value is a field error on {@code field}. */
    public static long parse(String field, String value) {
        try {
            return Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw ValidationException.field(field, "must be an id");
        }
    }

    /** As {@link #parse}, but a missing or blank value means none. */
    public static Long parseOptional(String field, String value) {
        return value == null || value.isBlank() ? null : parse(field, value);
    }
}
