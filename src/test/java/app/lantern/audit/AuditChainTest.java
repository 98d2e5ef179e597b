package app.lantern.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    static final OffsetDateTime T = OffsetDateTime.of(2026, 11, 27, 9, 30, 15, 123_456_000, ZoneOffset.ofHours(8));

    static AuditChain.Content content(long seq) {
        return new AuditChain.Content(
                seq,
                T,
                7L,
                "rep1",
                "10.0.0.1",
                "Mozilla/5.0",
                "req-12345678",
                "customer",
                "42",
                "updated",
                "{\"name\":{\"before\":\"甲\",\"after\":\"乙\"}}");
    }

    @Test
    void textShiftedBetweenNeighbouringFieldsChangesTheHash() {
        AuditChain.Content a = new AuditChain.Content(1, T, null, "ab", "c", null, null, "x", "1", "created", "{}");
        AuditChain.Content b = new AuditChain.Content(1, T, null, "a", "bc", null, null, "x", "1", "created", "{}");
        assertThat(AuditChain.hash(AuditChain.GENESIS, a)).isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, b));
    }

    @Test
    void missingValueAndEmptyTextHashDifferently() {
        AuditChain.Content a = new AuditChain.Content(1, T, null, "rep1", null, null, null, "x", "1", "created", "{}");
        AuditChain.Content b = new AuditChain.Content(1, T, null, "rep1", "", null, null, "x", "1", "created", "{}");
        assertThat(AuditChain.hash(AuditChain.GENESIS, a)).isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, b));
    }

    @Test
    void theSameInstantHashesAlikeWhicheverZoneTheDatabaseReturns() {
        AuditChain.Content shanghai = content(3);
        AuditChain.Content utc = new AuditChain.Content(
                3,
                T.withOffsetSameInstant(ZoneOffset.UTC),
                7L,
                "rep1",
                "10.0.0.1",
                "Mozilla/5.0",
                "req-12345678",
                "customer",
                "42",
                "updated",
                shanghai.changes());
        assertThat(AuditChain.hash("ab".repeat(32), utc)).isEqualTo(AuditChain.hash("ab".repeat(32), shanghai));
    }

    @Test
    void everyStoredFieldAndThePreviousHashIsCovered() {
        AuditChain.Content c = content(5);
        List<UnaryOperator<AuditChain.Content>> changes = List.of(
                x -> new AuditChain.Content(
                        6,
                        x.occurredAt(),
                        x.actorId(),
                        x.actorName(),
                        x.ip(),
                        x.userAgent(),
                        x.requestId(),
                        x.entityType(),
                        x.entityId(),
                        x.action(),
                        x.changes()),
                x -> new AuditChain.Content(
                        x.seq(),
                        x.occurredAt().plusNanos(1000),
                        x.actorId(),
                        x.actorName(),
                        x.ip(),
                        x.userAgent(),
                        x.requestId(),
                        x.entityType(),
                        x.entityId(),
                        x.action(),
                        x.changes()),
                x -> new AuditChain.Content(
                        x.seq(),
                        x.occurredAt(),
                        8L,
                        x.actorName(),
                        x.ip(),
                        x.userAgent(),
                        x.requestId(),
                        x.entityType(),
                        x.entityId(),
                        x.action(),
                        x.changes()),
                x -> new AuditChain.Content(
                        x.seq(),
                        x.occurredAt(),
                        x.actorId(),
                        "rep2",
                        x.ip(),
                        x.userAgent(),
                        x.requestId(),
                        x.entityType(),
                        x.entityId(),
                        x.action(),
                        x.changes()),
                x -> new AuditChain.Content(
                        x.seq(),
                        x.occurredAt(),
                        x.actorId(),
                        x.actorName(),
                        "10.0.0.2",
                        x.userAgent(),
                        x.requestId(),
                        x.entityType(),
                        x.entityId(),
                        x.action(),
                        x.changes()),
                x -> new AuditChain.Content(
                        x.seq(),
                        x.occurredAt(),
                        x.actorId(),
                        x.actorName(),
                        x.ip(),
                        "curl",
                        x.requestId(),
                        x.entityType(),
                        x.entityId(),
                        x.action(),
                        x.changes()),
                x -> new AuditChain.Content(
                        x.seq(),
                        x.occurredAt(),
                        x.actorId(),
                        x.actorName(),
                        x.ip(),
                        x.userAgent(),
                        "req-other",
                        x.entityType(),
                        x.entityId(),
                        x.action(),
                        x.changes()),
                x -> new AuditChain.Content(
                        x.seq(),
                        x.occurredAt(),
                        x.actorId(),
                        x.actorName(),
                        x.ip(),
                        x.userAgent(),
                        x.requestId(),
                        "contact",
                        x.entityId(),
                        x.action(),
                        x.changes()),
                x -> new AuditChain.Content(
                        x.seq(),
                        x.occurredAt(),
                        x.actorId(),
                        x.actorName(),
                        x.ip(),
                        x.userAgent(),
                        x.requestId(),
                        x.entityType(),
                        "43",
                        x.action(),
                        x.changes()),
                x -> new AuditChain.Content(
                        x.seq(),
                        x.occurredAt(),
                        x.actorId(),
                        x.actorName(),
                        x.ip(),
                        x.userAgent(),
                        x.requestId(),
                        x.entityType(),
                        x.entityId(),
                        "deleted",
                        x.changes()),
                x -> new AuditChain.Content(
                        x.seq(),
                        x.occurredAt(),
                        x.actorId(),
                        x.actorName(),
                        x.ip(),
                        x.userAgent(),
                        x.requestId(),
                        x.entityType(),
                        x.entityId(),
                        x.action(),
                        "{}"));
        Set<String> hashes = new HashSet<>();
        hashes.add(AuditChain.hash(AuditChain.GENESIS, c));
        hashes.add(AuditChain.hash("1".repeat(64), c));
        for (UnaryOperator<AuditChain.Content> change : changes) {
            hashes.add(AuditChain.hash(AuditChain.GENESIS, change.apply(c)));
        }
        assertThat(hashes).hasSize(changes.size() + 2);
    }

    @Test
    void hashIsLowerCaseHexOfSha256() {
        assertThat(AuditChain.hash(AuditChain.GENESIS, content(1))).matches("[0-9a-f]{64}");
    }
}
