package app.lantern.audit;

import java.time.OffsetDateTime;

/**
 * What a walk of the audit chain found.
 *
 * @param intact             true when no entry was found modified, missing, inserted or cut off
 * @param checked            entries read and checked
 * @param broken             links found broken (the walk goes on after the first one)
 * @param legacy             entries written before the chain format existed; present but not covered
 * @param firstBroken        the first break in chain order, or null when intact
 * @param headSeq            sequence number of the last entry according to the chain head
 * @param lastCheckpointSeq  sequence number of the newest checkpoint, or null if none was taken yet
 * @param guard              the database's append-only guard: {@code enabled}, {@code disabled}, {@code missing}
 *                           (PostgreSQL trigger dropped) or {@code not-applicable} (embedded database)
 */
public record AuditVerificationResult(
        boolean intact,
        long checked,
        long broken,
        long legacy,
        Break firstBroken,
        long headSeq,
        String headHash,
        Long lastCheckpointSeq,
        OffsetDateTime lastCheckpointAt,
        String guard,
        OffsetDateTime verifiedAt,
        long durationMillis) {

    /** How a link of the chain is broken. */
    public enum Kind {
        /** The entry's stored content no longer hashes to its stored hash. */
        MODIFIED,
        /** One or more entries are missing (deleted) before this sequence number. */
        MISSING,
        /** An entry that the chain never wrote: a duplicate or out-of-order sequence, or beyond the chain head. */
        INSERTED,
        /** The entry is self-consistent but does not link to the entry before it (forged, or its predecessor rewritten). */
        LINK_BROKEN,
        /** The entry's hash differs from the checkpoint taken at its sequence number (the chain was rewritten). */
        CHECKPOINT_MISMATCH,
        /** Entries at the end are gone: the chain ends before the chain head or the last checkpoint. */
        TRUNCATED,
        /** The chain head names a different last hash than the last entry has. */
        HEAD_MISMATCH
    }

    /**
     * One broken link.
     *
     * @param id       the entry's id, or null when the entry is missing
     * @param seq      the entry's sequence number in the chain (for missing entries: the first one missing)
     * @param expected what the chain requires there
     * @param found    what is stored there
     */
    public record Break(String id, long seq, Kind kind, String expected, String found) {}
}
