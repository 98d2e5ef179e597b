package app.lantern.pipeline;

import app.lantern.shared.FieldErrors;
import app.lantern.shared.ValidationException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An opportunity's lifecycle: OPEN → (stage moves) → WON | LOST → (reopen) → OPEN. Each transition checks its own
 * rule, takes the time and the actor and returns the event to publish; the store persists the new state only if
 * nobody changed the opportunity since {@link #version()} (optimistic locking).
 */
final class Opportunity {

    private final long id;
    private final long ownerId;
    private final long pipelineId;
    private final int version;
    private long stageId;
    private OpportunityStatus status;
    private BigDecimal amount;
    private String lossReason;
    private OffsetDateTime closedAt;
    private OffsetDateTime stageEnteredAt;

    Opportunity(
            long id,
            long ownerId,
            long pipelineId,
            long stageId,
            OpportunityStatus status,
            BigDecimal amount,
            String lossReason,
            OffsetDateTime closedAt,
            OffsetDateTime stageEnteredAt,
            int version) {
        this.id = id;
        this.ownerId = ownerId;
        this.pipelineId = pipelineId;
        this.stageId = stageId;
        this.status = status;
        this.amount = amount;
        this.lossReason = lossReason;
        this.closedAt = closedAt;
        this.stageEnteredAt = stageEnteredAt;
        this.version = version;
    }

    /**
     * Enters {@code target}, a stage of the same pipeline, when the evidence meets its entry criteria; otherwise a 422
     * naming every missing field.
     */
    OpportunityStageChanged moveTo(
            StageView target,
            List<OpportunityField> entryCriteria,
            StageEvidence evidence,
            OffsetDateTime at,
            long actorId) {
        requireOpen();
        if (target.pipelineId() != pipelineId) {
            throw ValidationException.unprocessable("stageId", "not a stage of this opportunity's pipeline");
        }
        if (target.id() == stageId) {
            throw ValidationException.unprocessable("stageId", "the opportunity is already in this stage");
        }
        List<OpportunityField> missing = evidence.missing(entryCriteria);
        if (!missing.isEmpty()) {
            throw gate(target, missing);
        }
        long from = stageId;
        stageId = target.id();
        stageEnteredAt = at;
        return new OpportunityStageChanged(id, ownerId, from, stageId, at, actorId);
    }

    /** Closes as won; {@code signedAmount} (optional) replaces the amount, and a won deal needs one. */
    OpportunityWon win(BigDecimal signedAmount, OffsetDateTime at, long actorId) {
        requireOpen();
        FieldErrors e = new FieldErrors();
        e.addIf(
                signedAmount != null
                        && (signedAmount.signum() <= 0
                                || signedAmount.scale() > 2
                                || signedAmount.precision() - signedAmount.scale() > 12),
                "amount",
                "must be a positive amount in yuan with at most 2 decimals");
        BigDecimal finalAmount = signedAmount != null ? signedAmount : amount;
        e.addIf(finalAmount == null || finalAmount.signum() <= 0, "amount", "a won opportunity needs an amount");
        e.throwIfAny();
        status = OpportunityStatus.WON;
        amount = finalAmount;
        closedAt = at;
        return new OpportunityWon(id, ownerId, finalAmount, at, actorId);
    }

    /** Closes as lost; the reason is required. */
    OpportunityLost lose(String reason, OffsetDateTime at, long actorId) {
        requireOpen();
        if (reason == null || reason.isBlank()) {
            throw ValidationException.field("reason", "must not be blank");
        }
        if (reason.strip().length() > 500) {
            throw ValidationException.field("reason", "at most 500 characters");
        }
        status = OpportunityStatus.LOST;
        lossReason = reason.strip();
        closedAt = at;
        return new OpportunityLost(id, ownerId, lossReason, at, actorId);
    }

    /** Opens a won or lost opportunity again, in the stage it was closed from. */
    OpportunityReopened reopen(OffsetDateTime at, long actorId) {
        if (status == OpportunityStatus.OPEN) {
            throw ValidationException.unprocessable("status", "the opportunity is open already");
        }
        OpportunityStatus previous = status;
        status = OpportunityStatus.OPEN;
        lossReason = null;
        closedAt = null;
        stageEnteredAt = at;
        return new OpportunityReopened(id, ownerId, previous, stageId, at, actorId);
    }

    private void requireOpen() {
        if (status != OpportunityStatus.OPEN) {
            throw ValidationException.unprocessable("status", "the opportunity is closed (" + status + ")");
        }
    }

    static ValidationException gate(StageView stage, List<OpportunityField> missing) {
        return new ValidationException(
                missing.stream()
                        .map(f -> new FieldErrors.FieldError(f.key(), "required to enter stage " + stage.name()))
                        .toList(),
                422);
    }

    long id() {
        return id;
    }

    long ownerId() {
        return ownerId;
    }

    long pipelineId() {
        return pipelineId;
    }

    long stageId() {
        return stageId;
    }

    OpportunityStatus status() {
        return status;
    }

    BigDecimal amount() {
        return amount;
    }

    String lossReason() {
        return lossReason;
    }

    OffsetDateTime closedAt() {
        return closedAt;
    }

    OffsetDateTime stageEnteredAt() {
        return stageEnteredAt;
    }

    int version() {
        return version;
    }
}
