package app.lantern.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash chain's rules, free of any database: how an entry is serialised (every stored field, length-prefixed so
 * that no two different entries serialise alike) and hashed together with the previous entry's hash.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);
    static final String FORMAT = "lantern-audit/1";

    private AuditChain() {}

    /** An entry's stored content, everything the hash covers except the previous hash. */
    record Content(
            long seq,
            OffsetDateTime occurredAt,
            Long actorId,
            String actorName,
            String ip,
            String userAgent,
            String requestId,
            String entityType,
            String entityId,
            String action,
            String changes) {}

    /** A row as it is stored: its surrogate id, its content and both hashes. */
    record Stored(long id, Content content, String prevHash, String hash) {

        long seq() {
            return content.seq();
        }
    }

    /** Timestamps are kept to the microsecond, which both H2 and PostgreSQL store exactly. */
    static OffsetDateTime normalize(OffsetDateTime time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    static String hash(String prevHash, Content c) {
        return sha256(canonical(prevHash, c));
    }

    static String canonical(String prevHash, Content c) {
        StringBuilder sb =
                new StringBuilder(256 + (c.changes() == null ? 0 : c.changes().length()));
        sb.append(FORMAT).append('\n');
        field(sb, prevHash);
        field(sb, Long.toString(c.seq()));
        // an instant in UTC, so that the zone the database hands back does not matter
        field(
                sb,
                c.occurredAt() == null
                        ? null
                        : normalize(c.occurredAt()).toInstant().toString());
        field(sb, c.actorId() == null ? null : Long.toString(c.actorId()));
        field(sb, c.actorName());
        field(sb, c.ip());
        field(sb, c.userAgent());
        field(sb, c.requestId());
        field(sb, c.entityType());
        field(sb, c.entityId());
        field(sb, c.action());
        field(sb, c.changes());
        return sb.toString();
    }

    /** {@code ~} for null, otherwise the length in chars, a colon and the value: unambiguous for any content. */
    private static void field(StringBuilder sb, String value) {
        if (value == null) {
            sb.append('~');
        } else {
            sb.append(value.length()).append(':').append(value);
        }
        sb.append('\n');
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
