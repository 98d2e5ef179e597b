package app.lantern.customer;

/** What other modules may know about a customer. {@code tier} is A–D, or null before the first scoring. */
public record CustomerRef(
        long id, String name, String shortName, long ownerId, String industry, String province, String tier) {}
