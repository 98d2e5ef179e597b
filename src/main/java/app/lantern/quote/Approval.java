package app.lantern.quote;

import app.lantern.identity.Actor;
import app.lantern.identity.Role;
import app.lantern.shared.ConflictException;
import app.lantern.shared.ForbiddenException;
import app.lantern.shared.Texts;
import java.time.OffsetDateTime;
import java.util.Map;
import lantern.db.tables.records.QuoteApprovalsRecord;

/**
 * One approval step of a quote over its row: WAITING → PENDING (opened) → APPROVED or REJECTED, or CANCELLED. Who may
 * decide it is its own rule: never the quote's owner; finance steps by finance; manager steps by the named manager, an
 * executive or an administrator.
 */
final class Approval {

    private final QuoteApprovalsRecord row;

    private Approval(QuoteApprovalsRecord row) {
        this.row = row;
    }

    static Approval of(QuoteApprovalsRecord row) {
        return new Approval(row);
    }

    ApprovalStatus status() {
        return ApprovalStatus.valueOf(row.getStatus());
    }

    boolean mayBeDecidedBy(Actor actor, long ownerId) {
        if (actor.userId() == ownerId) {
            return false;
        }
        if (ApprovalRole.FINANCE.name().equals(row.getRole())) {
            return actor.has(Role.FINANCE);
        }
        return (row.getApproverId() != null && row.getApproverId() == actor.userId())
                || actor.has(Role.EXECUTIVE)
                || actor.has(Role.ADMIN);
    }

    /** The actor approves or rejects this open step of a quote owned by {@code ownerId}. */
    Approval decide(Actor actor, long ownerId, boolean approve, String comment, OffsetDateTime now) {
        if (status() != ApprovalStatus.PENDING) {
            throw new ConflictException("this approval step is not open", Map.of("status", row.getStatus()));
        }
        if (!mayBeDecidedBy(actor, ownerId)) {
            throw new ForbiddenException(
                    "this approval step waits for " + row.getRole().toLowerCase() + " approval");
        }
        row.setStatus((approve ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED).name());
        row.setDecidedAt(now);
        row.setDecidedBy(actor.userId());
        row.setComment(Texts.clean(comment));
        return this;
    }

    /** The previous step was approved: this one waits for its approver from now on. */
    Approval open(OffsetDateTime now) {
        if (status() != ApprovalStatus.WAITING) {
            throw new ConflictException("only a waiting approval step opens", Map.of("status", row.getStatus()));
        }
        row.setStatus(ApprovalStatus.PENDING.name());
        row.setRequestedAt(now);
        return this;
    }
}
