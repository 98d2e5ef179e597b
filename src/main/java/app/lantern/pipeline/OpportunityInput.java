package app.lantern.pipeline;

import app.lantern.shared.FieldErrors;
import app.lantern.shared.Texts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
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

    /** A contact in the opportunity's decision chain; {@code role} is a {@link DecisionRole} name. */
    public record ContactRole(Long contactId, String role) {}

    /** The field errors of this input as of {@code today} (empty when valid). */
    FieldErrors validate(LocalDate today) {
        FieldErrors e = new FieldErrors();
        Texts.require(e, "name", name, 200);
        e.addIf(
                amount != null
                        && (amount.signum() < 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 12),
                "amount",
                "must be 0 or more yuan with at most 2 decimals");
        Texts.maxLength(e, "coreNeed", coreNeed, 1000);
        Texts.maxLength(e, "blocker", blocker, 1000);
        Texts.maxLength(e, "competitors", competitors, 500);
        Texts.maxLength(e, "nextStep", nextStep, 500);
        Texts.maxLength(e, "source", source, 50);
        e.addIf(
                expectedClose != null
                        && (expectedClose.isBefore(today.minusYears(5)) || expectedClose.isAfter(today.plusYears(10))),
                "expectedClose",
                "must be a plausible date");
        e.addIf(
                nextStepDue != null
                        && (nextStepDue.isBefore(today.minusYears(5)) || nextStepDue.isAfter(today.plusYears(5))),
                "nextStepDue",
                "must be a plausible date");
        if (contacts != null) {
            e.addIf(contacts.size() > 50, "contacts", "at most 50 contacts");
            for (int i = 0; i < contacts.size(); i++) {
                ContactRole c = contacts.get(i);
                e.addIf(c == null || c.contactId() == null, "contacts[" + i + "].contactId", "must not be null");
                e.addIf(
                        c == null || DecisionRole.of(c.role()).isEmpty(),
                        "contacts[" + i + "].role",
                        "must be one of " + Arrays.toString(DecisionRole.values()));
            }
        }
        return e;
    }
}
