package app.lantern.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.audit.AuditVerificationResult.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verification rules on an in-memory chain: what each kind of tampering looks like to a walk. */
class ChainVerifierTest {

    /** A correctly written chain of {@code n} entries (seq 1..n, ids 101..). */
    static List<AuditChain.Stored> chain(int n) {
        List<AuditChain.Stored> rows = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int seq = 1; seq <= n; seq++) {
            AuditChain.Content c = AuditChainTest.content(seq);
            String hash = AuditChain.hash(prev, c);
            rows.add(new AuditChain.Stored(100 + seq, c, prev, hash));
            prev = hash;
        }
        return rows;
    }

    static ChainVerifier.Outcome verify(
            List<AuditChain.Stored> rows, ChainVerifier.Head head, ChainVerifier.Checkpoint checkpoint) {
        Map<Long, String> checkpoints = new HashMap<>();
        if (checkpoint != null) {
            checkpoints.put(checkpoint.seq(), checkpoint.hash());
        }
        ChainVerifier v = new ChainVerifier(head, AuditChain.GENESIS, checkpoints, checkpoint);
        rows.forEach(v::accept);
        return v.finish();
    }

    static ChainVerifier.Head headOf(List<AuditChain.Stored> rows) {
        AuditChain.Stored last = rows.getLast();
        return new ChainVerifier.Head(last.seq(), last.hash(), 1);
    }

    static AuditChain.Stored withChanges(AuditChain.Stored r, String changes) {
        AuditChain.Content c = r.content();
        return new AuditChain.Stored(
                r.id(),
                new AuditChain.Content(
                        c.seq(),
                        c.occurredAt(),
                        c.actorId(),
                        c.actorName(),
                        c.ip(),
                        c.userAgent(),
                        c.requestId(),
                        c.entityType(),
                        c.entityId(),
                        c.action(),
                        changes),
                r.prevHash(),
                r.hash());
    }

    @Test
    void untouchedChainIsIntact() {
        List<AuditChain.Stored> rows = chain(20);
        ChainVerifier.Outcome o = verify(
                rows,
                headOf(rows),
                new ChainVerifier.Checkpoint(15, rows.get(14).hash()));
        assertThat(o.firstBroken()).isNull();
        assertThat(o.checked()).isEqualTo(20);
        assertThat(o.broken()).isZero();
    }

    @Test
    void editedEntryIsNamedAsModified() {
        List<AuditChain.Stored> rows = chain(10);
        ChainVerifier.Head head = headOf(rows);
        rows.set(3, withChanges(rows.get(3), "{\"amount\":1}"));
        ChainVerifier.Outcome o = verify(rows, head, null);
        assertThat(o.firstBroken().kind()).isEqualTo(Kind.MODIFIED);
        assertThat(o.firstBroken().seq()).isEqualTo(4);
        assertThat(o.firstBroken().id()).isEqualTo("104");
        assertThat(o.broken()).isEqualTo(1);
    }

    @Test
    void deletedEntryIsNamedAsMissingAndTheWalkGoesOn() {
        List<AuditChain.Stored> rows = chain(10);
        ChainVerifier.Head head = headOf(rows);
        rows.remove(4);
        rows.set(7, withChanges(rows.get(7), "{}"));
        ChainVerifier.Outcome o = verify(rows, head, null);
        assertThat(o.firstBroken().kind()).isEqualTo(Kind.MISSING);
        assertThat(o.firstBroken().seq()).isEqualTo(5);
        assertThat(o.firstBroken().id()).isNull();
        assertThat(o.broken()).isEqualTo(2);
    }

    @Test
    void entryBeyondTheHeadIsNamedAsInserted() {
        List<AuditChain.Stored> rows = chain(11);
        ChainVerifier.Head head = headOf(rows.subList(0, 10));
        ChainVerifier.Outcome o = verify(rows, head, null);
        assertThat(o.firstBroken().kind()).isEqualTo(Kind.INSERTED);
        assertThat(o.firstBroken().seq()).isEqualTo(11);
    }

    @Test
    void duplicateSequenceIsNamedAsInserted() {
        List<AuditChain.Stored> rows = chain(6);
        AuditChain.Stored copy = rows.get(2);
        rows.add(3, new AuditChain.Stored(999, copy.content(), copy.prevHash(), copy.hash()));
        ChainVerifier.Outcome o = verify(rows, headOf(rows), null);
        assertThat(o.firstBroken().kind()).isEqualTo(Kind.INSERTED);
        assertThat(o.firstBroken().id()).isEqualTo("999");
    }

    @Test
    void replacedEntryWithAValidHashBreaksTheNextLink() {
        List<AuditChain.Stored> rows = chain(8);
        ChainVerifier.Head head = headOf(rows);
        AuditChain.Stored original = rows.get(4);
        AuditChain.Content forged = new AuditChain.Content(
                5, original.content().occurredAt(), 1L, "admin", null, null, null, "customer", "42", "deleted", "{}");
        rows.set(
                4,
                new AuditChain.Stored(
                        original.id(), forged, original.prevHash(), AuditChain.hash(original.prevHash(), forged)));
        ChainVerifier.Outcome o = verify(rows, head, null);
        assertThat(o.firstBroken().kind()).isEqualTo(Kind.LINK_BROKEN);
        assertThat(o.firstBroken().seq()).isEqualTo(6);
    }

    @Test
    void tailCutOffBehindTheCheckpointIsTruncatedEvenWhenTheHeadWasMovedBack() {
        List<AuditChain.Stored> rows = chain(10);
        ChainVerifier.Checkpoint checkpoint =
                new ChainVerifier.Checkpoint(10, rows.get(9).hash());
        List<AuditChain.Stored> cut = new ArrayList<>(rows.subList(0, 7));
        ChainVerifier.Outcome o = verify(cut, headOf(cut), checkpoint);
        assertThat(o.firstBroken().kind()).isEqualTo(Kind.TRUNCATED);
        assertThat(o.firstBroken().seq()).isEqualTo(8);
        assertThat(o.firstBroken().expected()).contains("#10");
    }

    @Test
    void tailCutOffBehindTheHeadIsTruncated() {
        List<AuditChain.Stored> rows = chain(10);
        ChainVerifier.Outcome o = verify(rows.subList(0, 9), headOf(rows), null);
        assertThat(o.firstBroken().kind()).isEqualTo(Kind.TRUNCATED);
        assertThat(o.firstBroken().seq()).isEqualTo(10);
    }

    @Test
    void chainRewrittenFromTheStartDiffersFromItsCheckpoint() {
        List<AuditChain.Stored> rows = chain(10);
        ChainVerifier.Checkpoint checkpoint =
                new ChainVerifier.Checkpoint(10, rows.get(9).hash());
        // an attacker who knows the format recomputes every hash after editing entry 3
        List<AuditChain.Stored> rewritten = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (AuditChain.Stored r : rows) {
            AuditChain.Content c = r.seq() == 3 ? withChanges(r, "{}").content() : r.content();
            String hash = AuditChain.hash(prev, c);
            rewritten.add(new AuditChain.Stored(r.id(), c, prev, hash));
            prev = hash;
        }
        ChainVerifier.Outcome o = verify(rewritten, headOf(rewritten), checkpoint);
        assertThat(o.firstBroken().kind()).isEqualTo(Kind.CHECKPOINT_MISMATCH);
        assertThat(o.firstBroken().seq()).isEqualTo(10);
    }

    @Test
    void headNamingAnotherHashIsReported() {
        List<AuditChain.Stored> rows = chain(5);
        ChainVerifier.Outcome o = verify(rows, new ChainVerifier.Head(5, "f".repeat(64), 1), null);
        assertThat(o.firstBroken().kind()).isEqualTo(Kind.HEAD_MISMATCH);
    }

    @Test
    void emptyChainIsIntact() {
        ChainVerifier.Outcome o = verify(List.of(), new ChainVerifier.Head(0, AuditChain.GENESIS, 1), null);
        assertThat(o.firstBroken()).isNull();
        assertThat(o.checked()).isZero();
    }
}
