package app.lantern.quote;

import static lantern.db.Tables.QUOTES;

import app.lantern.shared.ConflictException;
import java.time.OffsetDateTime;
import java.util.Map;
import lantern.db.tables.records.QuotesRecord;
import org.jooq.DSLContext;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A quote's state machine over its row: each transition checks its own rule (a {@link ConflictException} says why it
 * does not apply) and {@link #save} writes the row only if nobody changed it since it was read (the version column).
 */
final class Quote {

    private final QuotesRecord row;

    private Quote(QuotesRecord row) {
        this.row = row;
    }

    static Quote of(QuotesRecord row) {
        return new Quote(row);
    }

    /** The stored status (a sent quote past its validity still reads SENT here). */
    QuoteStatus status() {
        return QuoteStatus.valueOf(row.getStatus());
    }

    /** Draft or rejected quotes are changed in place; any other is revised instead. */
    void requireEditable() {
        QuoteStatus status = status();
        if (!status.editable()) {
            throw new ConflictException(
                    "only draft or rejected quotes can be edited; revise a " + status + " quote instead",
                    Map.of("status", status.name()));
        }
    }

    /** Signed and stamped quotes are final, and a superseded one already has its successor. */
    void requireRevisable() {
        QuoteStatus status = status();
        if (status == QuoteStatus.SIGNED || status == QuoteStatus.STAMPED || status == QuoteStatus.SUPERSEDED) {
            throw new ConflictException("a " + status + " quote cannot be revised", Map.of("status", status.name()));
        }
    }

    /** Submitted for approval: approved at once when no step applies, otherwise waiting for the first step. */
    Quote submit(boolean needsApproval, OffsetDateTime now) {
        QuoteStatus status = status();
        if (!status.editable()) {
            throw new ConflictException(
                    "only draft or rejected quotes can be submitted", Map.of("status", status.name()));
        }
        row.setSubmittedAt(now);
        row.setUpdatedAt(now);
        if (needsApproval) {
            row.setStatus(QuoteStatus.PENDING_APPROVAL.name());
        } else {
            row.setStatus(QuoteStatus.APPROVED.name());
            row.setApprovedAt(now);
        }
        return this;
    }

    void requireAwaitingApproval() {
        if (status() != QuoteStatus.PENDING_APPROVAL) {
            throw new ConflictException("the quote is not waiting for approval", Map.of("status", row.getStatus()));
        }
    }

    /** An approval step was decided: a rejection rejects the quote, the last approval approves it. */
    Quote decided(boolean approved, boolean moreSteps, OffsetDateTime now) {
        requireAwaitingApproval();
        if (!approved) {
            row.setStatus(QuoteStatus.REJECTED.name());
        } else if (!moreSteps) {
            row.setStatus(QuoteStatus.APPROVED.name());
            row.setApprovedAt(now);
        }
        row.setUpdatedAt(now);
        return this;
    }

    /** The revision {@code successor} replaces this quote. */
    Quote supersede(long successor, OffsetDateTime now) {
        requireRevisable();
        row.setStatus(QuoteStatus.SUPERSEDED.name());
        row.setSupersededBy(successor);
        row.setUpdatedAt(now);
        return this;
    }

    /** The customer signed: only a sent quote that was neither signed nor replaced. */
    Quote sign(OffsetDateTime now, OffsetDateTime stampDue) {
        if (status() != QuoteStatus.SENT || row.getSignedAt() != null || row.getSupersededBy() != null) {
            throw new ConflictException("only a sent, unsigned quote can be signed", Map.of("status", row.getStatus()));
        }
        row.setStatus(QuoteStatus.SIGNED.name());
        row.setSignedAt(now);
        row.setStampDueAt(stampDue);
        row.setUpdatedAt(now);
        return this;
    }

    /** Finance (or its system) stamped a signed quote. */
    Quote stamp(OffsetDateTime now, Long by, String reference) {
        if (status() != QuoteStatus.SIGNED) {
            throw new ConflictException("only a signed quote can be stamped", Map.of("status", row.getStatus()));
        }
        row.setStatus(QuoteStatus.STAMPED.name());
        row.setStampedAt(now);
        row.setStampedBy(by);
        row.setStampReference(reference);
        row.setUpdatedAt(now);
        return this;
    }

    /** Writes the changed columns if the row still has the version read; otherwise someone else changed it first. */
    Quote save(DSLContext db) {
        int read = row.getVersion();
        row.setVersion(read + 1);
        int updated = db.executeUpdate(row, QUOTES.ID.eq(row.getId()).and(QUOTES.VERSION.eq(read)));
        if (updated == 0) {
            row.setVersion(read);
            throw new OptimisticLockingFailureException("quote " + row.getId() + " was changed meanwhile");
        }
        row.changed(false);
        return this;
    }
}
