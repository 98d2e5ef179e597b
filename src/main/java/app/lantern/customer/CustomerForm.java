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
}
