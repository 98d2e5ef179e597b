package app.lantern.customer;

public record CustomerOwnerChanged(long customerId, long fromOwnerId, long toOwnerId) {}
