package app.lantern.pipeline.web;

import app.lantern.pipeline.BudgetRange;
import app.lantern.pipeline.OpportunityInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The JSON body of creating or replacing an opportunity ({@code version} required on replace). */
record OpportunityBody(
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
        List<OpportunityInput.ContactRole> contacts,
        Integer version) {

    OpportunityInput input() {
        return new OpportunityInput(
                name,
                customerId,
                ownerId,
                pipelineId,
                stageId,
                amount,
                budgetRange,
                expectedClose,
                coreNeed,
                blocker,
                competitors,
                nextStep,
                nextStepDue,
                source,
                contacts);
    }
}
