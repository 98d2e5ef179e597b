package app.lantern.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Fields of an opportunity as a user edits them. Create: {@code stageId} null means the first stage, {@code ownerId}
 * null means the signed-in user. Update replaces every field (except stage, status and owner-derived facts).
 */
public record OpportunityInput(
        String name,
        Long customerId,
        Long ownerId,
        Long pipelineId,
        Long stageId,
        BigDecimal amount,
        BudgetRange budgetRange,
        LocalDate expectedClose,
        String coreNeed,
        String blocker,
        String competitors,
        String nextStep,
        LocalDate nextStepDue,
        String source,
        List<ContactRole> contacts) {

    /** A contact in the opportunity's decision chain. */
    public record ContactRole(Long contactId, String role) {}
}
