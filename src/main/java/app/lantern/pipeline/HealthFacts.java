package app.lantern.pipeline;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The stored facts one health score is computed from (no queries during scoring, so a full recompute is a scan).
 *
 * @param stagePosition        1-based position of the current stage
 * @param budgetRequiredFrom   position from which the budget range is required
 * @param decisionChainRoles   bit set of the roles present in the opportunity's contacts (see {@link HealthModel#ROLE_BITS})
 * @param requiredFilled       required fields (of the current and earlier stages plus core fields) that are filled
 * @param requiredTotal        required fields counted
 * @param stageWorkingDays     working days spent in the current stage so far
 * @param slaDays              SLA of the current stage in working days (0 = none)
 * @param quote                latest quote signal, or null (neutral)
 */
public record HealthFacts(
        OffsetDateTime createdAt,
        OffsetDateTime lastContactAt,
        OffsetDateTime lastDecisionMakerContactAt,
        int decisionMakerContacts,
        int decisionChainRoles,
        boolean budgetConfirmed,
        int stagePosition,
        int budgetRequiredFrom,
        boolean competitorsKnown,
        String competitorDocName,
        OffsetDateTime competitorDocUploadedAt,
        boolean nextStepSet,
        LocalDate nextStepDue,
        int stageWorkingDays,
        int slaDays,
        int requiredFilled,
        int requiredTotal,
        int twoWayInteractions,
        OffsetDateTime lastTwoWayAt,
        boolean demoDelivered,
        boolean proposalDelivered,
        QuoteSignal quote,
        LocalDate expectedClose,
        int closeDateChanges) {

    /** Whether a competitor comparison document was uploaded (a typed name does not count). */
    public boolean competitorDocUploaded() {
        return competitorDocUploadedAt != null;
    }
}
