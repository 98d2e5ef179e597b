package app.lantern.audit;

import java.time.OffsetDateTime;

/** The chain head as it was when the checkpoint was taken; entries up to {@code seq} must keep existing unchanged. */
public record AuditCheckpoint(long seq, String hash, OffsetDateTime createdAt, String reason) {}
