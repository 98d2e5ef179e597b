package app.lantern.customer;

/** A contact person's fields; on update null means unchanged, empty string clears. */
public record ContactForm(
        String name,
        String title,
        String phone,
        String mobile,
        String email,
        String wechatId,
        String decisionRole,
        String status,
        String notes) {

    public static final java.util.List<String> ROLES =
            java.util.List.of("DECISION_MAKER", "INFLUENCER", "USER", "GATEKEEPER", "SUPPORTER");
    public static final java.util.List<String> STATUSES = java.util.List.of("ACTIVE", "LEFT");
}
