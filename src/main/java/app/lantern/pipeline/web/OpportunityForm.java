package app.lantern.pipeline.web;

import app.lantern.pipeline.BudgetRange;
import app.lantern.pipeline.OpportunityInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The opportunity form as submitted. {@code contacts} has one row per contact of the customer; a row without a role
 * means the contact is not involved.
 */
record OpportunityForm(
        @Size(max = 200) String name,
        Long customerId,
        Long ownerId,
        Long pipelineId,
        @DecimalMin("0") BigDecimal amount,
        BudgetRange budgetRange,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expectedClose,
        @Size(max = 1000) String coreNeed,
        @Size(max = 1000) String blocker,
        @Size(max = 500) String competitors,
        @Size(max = 500) String nextStep,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate nextStepDue,
        @Size(max = 50) String source,
        @Valid @Size(max = 50) List<OpportunityInput.ContactRole> contacts) {

    OpportunityInput input() {
        return new OpportunityInput(
                name,
                customerId,
                ownerId,
                pipelineId,
                null,
                amount,
                budgetRange,
                expectedClose,
                coreNeed,
                blocker,
                competitors,
                nextStep,
                nextStepDue,
                source,
                contacts == null
                        ? List.of()
                        : contacts.stream()
                                .filter(c -> c != null
                                        && c.role() != null
                                        && !c.role().isBlank())
                                .toList());
    }
}
