package app.lantern.customer;

public record CustomerCreated(long customerId, long ownerId) {}
