package app.lantern.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The stage-gate form: the fields a blocked stage move asked for. Blank values keep what the opportunity has;
 * {@code decisionMakerContactId} names one of the customer's contacts as decision maker.
 */
public record GateInput(
        BigDecimal amount,
        BudgetRange budgetRange,
        LocalDate expectedClose,
        String coreNeed,
        String blocker,
        String competitors,
        String nextStep,
        LocalDate nextStepDue,
        String source,
        Long decisionMakerContactId) {

    OpportunityInput over(OpportunityDetails b, List<OpportunityInput.ContactRole> contacts) {
        return new OpportunityInput(
                b.name(),
                b.customerId(),
                b.ownerId(),
                b.pipelineId(),
                null,
                amount != null ? amount : b.amount(),
                budgetRange != null ? budgetRange : b.budgetRange(),
                expectedClose != null ? expectedClose : b.expectedClose(),
                or(coreNeed, b.coreNeed()),
                or(blocker, b.blocker()),
                or(competitors, b.competitors()),
                or(nextStep, b.nextStep()),
                nextStepDue != null ? nextStepDue : b.nextStepDue(),
                or(source, b.source()),
                contacts);
    }

    private static String or(String value, String current) {
        return value == null || value.isBlank() ? current : value.strip();
    }
}
