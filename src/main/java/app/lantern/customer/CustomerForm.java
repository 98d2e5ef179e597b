package app.lantern.customer;

/**
 * Input for creating or changing a customer. On update a null field means "unchanged" and an empty string "clear".
 * {@code ownerId} null on create means the signed-in user.
 */
public record CustomerForm(
        String name,
        String shortName,
        String creditCode,
        String industry,
        String province,
        String city,
        String address,
        String size,
        String source,
        String tags,
        String status,
        String phone,
        String email,
        String website,
        String ownerId) {

    public static final java.util.List<String> SIZES =
            java.util.List.of("MICRO", "SMALL", "MEDIUM", "LARGE", "ENTERPRISE");
    public static final java.util.List<String> STATUSES = java.util.List.of("PROSPECT", "ACTIVE", "DORMANT", "LOST");

    public static CustomerForm named(String name) {
        return new CustomerForm(
                name, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The form of a saved customer, for its edit page. */
    public static CustomerForm of(CustomerView c) {
        return new CustomerForm(
                c.name(),
                c.shortName(),
                c.creditCode(),
                c.industry(),
                c.province(),
                c.city(),
                c.address(),
                c.size(),
                c.source(),
                c.tags(),
                c.status(),
                c.phone(),
                c.email(),
                c.website(),
                c.ownerId());
    }

    /**
     * The edit page's form as changes: a field the user emptied clears it (an empty string, not "unchanged"); the
     * owner changes only by a transfer.
     */
    public CustomerForm asChanges() {
        return new CustomerForm(
                orEmpty(name),
                orEmpty(shortName),
                orEmpty(creditCode),
                orEmpty(industry),
                orEmpty(province),
                orEmpty(city),
                orEmpty(address),
                orEmpty(size),
                orEmpty(source),
                orEmpty(tags),
                status,
                orEmpty(phone),
                orEmpty(email),
                orEmpty(website),
                null);
    }

    /**
     * What this form adds to {@code target} when merged into it: only the fields the target lacks; name, tags, status
     * and owner stay the target's.
     */
    public CustomerForm fillingBlanksOf(CustomerView target) {
        return new CustomerForm(
                null,
                blankOr(target.shortName(), shortName),
                blankOr(target.creditCode(), creditCode),
                blankOr(target.industry(), industry),
                blankOr(target.province(), province),
                blankOr(target.city(), city),
                blankOr(target.address(), address),
                blankOr(target.size(), size),
                blankOr(target.source(), source),
                null,
                null,
                blankOr(target.phone(), phone),
                blankOr(target.email(), email),
                blankOr(target.website(), website),
                null);
    }

    /** Whether anything a duplicate can be found by was typed. */
    public boolean identifiesAnything() {
        return !isBlank(name) || !isBlank(phone) || !isBlank(email) || !isBlank(creditCode);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String blankOr(String existing, String incoming) {
        return existing == null && !isBlank(incoming) ? incoming : null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
