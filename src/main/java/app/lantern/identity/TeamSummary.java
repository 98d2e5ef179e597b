package app.lantern.identity;

/** A team of the tree; {@code parentId} is null for the root (the company). */
public record TeamSummary(long id, String name, Long parentId, Long leaderId, String region) {}
