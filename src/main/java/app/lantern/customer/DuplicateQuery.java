package app.lantern.customer;

/** Any of a name, phone, e-mail and credit code to look for existing customers. {@code excludeId}: the record being edited. */
public record DuplicateQuery(String name, String phone, String email, String creditCode, Long excludeId) {}
