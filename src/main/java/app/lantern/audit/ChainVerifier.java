package app.lantern.audit;

import app.lantern.audit.AuditVerificationResult.Break;
import app.lantern.audit.AuditVerificationResult.Kind;
import java.util.Map;

/**
 * Walks stored entries in chain order (sequence, then id), one at a time, and remembers the first break and how many
 * there are. Holds no entries, so a chain of any length can be checked in batches.
 */
final class ChainVerifier {

    /** The chain head as stored: the last sequence number and hash every append moved it to. */
    record Head(long lastSeq, String lastHash, long firstSeq) {}

    /** A checkpoint: the entry at {@code seq} had exactly {@code hash} when it was taken. */
    record Checkpoint(long seq, String hash) {}

    private final Head head;
    private final Map<Long, String> checkpoints;
    private final Checkpoint latestCheckpoint;

    private long expectedSeq;
    private String expectedPrev;
    private long lastId = Long.MIN_VALUE;
    private long checked;
    private long broken;
    private Break first;

    /**
     * @param startPrev  the hash the first covered entry must link to: the genesis hash, or the last legacy entry's
     * @param checkpoints sequence number → hash of every checkpoint
     */
    ChainVerifier(Head head, String startPrev, Map<Long, String> checkpoints, Checkpoint latestCheckpoint) {
        this.head = head;
        this.checkpoints = checkpoints;
        this.latestCheckpoint = latestCheckpoint;
        this.expectedSeq = head.firstSeq();
        this.expectedPrev = startPrev;
    }

    void accept(AuditChain.Stored entry) {
        checked++;
        long seq = entry.seq();
        String id = Long.toString(entry.id());
        if (seq < expectedSeq) {
            fail(new Break(
                    id, seq, Kind.INSERTED, "entry #" + expectedSeq, "entry #" + seq + " again (id " + id + ")"));
            return;
        }
        if (seq > head.lastSeq()) {
            fail(new Break(
                    id,
                    seq,
                    Kind.INSERTED,
                    "no entry after #" + head.lastSeq() + " (the chain head)",
                    "entry #" + seq));
            return;
        }
        if (seq > expectedSeq) {
            long missing = seq - expectedSeq;
            fail(new Break(
                    null,
                    expectedSeq,
                    Kind.MISSING,
                    "entry #" + expectedSeq,
                    missing == 1
                            ? "entry #" + seq + " follows #" + (expectedSeq - 1)
                            : missing + " entries missing, #" + seq + " follows #" + (expectedSeq - 1)));
            // resynchronise on what is there, so that the next breaks are counted on their own
            expectedPrev = entry.prevHash();
        }
        String computed = AuditChain.hash(entry.prevHash(), entry.content());
        String checkpointHash = checkpoints.get(seq);
        if (!computed.equals(entry.hash())) {
            fail(new Break(id, seq, Kind.MODIFIED, "hash " + computed, "hash " + entry.hash()));
        } else if (!entry.prevHash().equals(expectedPrev)) {
            fail(new Break(
                    id, seq, Kind.LINK_BROKEN, "previous hash " + expectedPrev, "previous hash " + entry.prevHash()));
        } else if (checkpointHash != null && !checkpointHash.equals(entry.hash())) {
            fail(new Break(
                    id,
                    seq,
                    Kind.CHECKPOINT_MISMATCH,
                    "hash " + checkpointHash + " (checkpoint)",
                    "hash " + entry.hash()));
        } else if (entry.id() <= lastId) {
            // appends take ids while holding the chain head, so ids grow with the sequence
            fail(new Break(id, seq, Kind.INSERTED, "an id above " + lastId, "id " + id));
        }
        expectedSeq = seq + 1;
        expectedPrev = entry.hash();
        lastId = entry.id();
    }

    /** Ends the walk: the chain must reach the head and every checkpoint, and end with the head's hash. */
    Outcome finish() {
        long lastSeq = expectedSeq - 1;
        if (latestCheckpoint != null && latestCheckpoint.seq() > lastSeq) {
            fail(new Break(
                    null,
                    lastSeq + 1,
                    Kind.TRUNCATED,
                    "entries up to #" + latestCheckpoint.seq() + " (checkpoint)",
                    lastSeq < head.firstSeq() ? "no entries" : "last entry #" + lastSeq));
        } else if (head.lastSeq() > lastSeq) {
            fail(new Break(
                    null,
                    lastSeq + 1,
                    Kind.TRUNCATED,
                    "entries up to #" + head.lastSeq() + " (chain head)",
                    lastSeq < head.firstSeq() ? "no entries" : "last entry #" + lastSeq));
        } else if (head.lastSeq() == lastSeq
                && lastSeq >= head.firstSeq()
                && !head.lastHash().equals(expectedPrev)) {
            fail(new Break(
                    null,
                    lastSeq,
                    Kind.HEAD_MISMATCH,
                    "hash " + head.lastHash() + " (chain head)",
                    "hash " + expectedPrev));
        }
        return new Outcome(checked, broken, first);
    }

    record Outcome(long checked, long broken, Break firstBroken) {}

    private void fail(Break b) {
        broken++;
        if (first == null) {
            first = b;
        }
    }
}
