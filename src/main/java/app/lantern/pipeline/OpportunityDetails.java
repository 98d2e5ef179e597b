package app.lantern.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Everything the detail page and the API show about one opportunity. */
public record OpportunityDetails(
        long id,
        String name,
        long customerId,
        String customerName,
        long ownerId,
        String ownerName,
        long pipelineId,
        String pipelineName,
        String productLine,
        long stageId,
        String stageName,
        int stagePosition,
        int winProbability,
        OpportunityStatus status,
        BigDecimal amount,
        BudgetRange budgetRange,
        LocalDate expectedClose,
        String coreNeed,
        String blocker,
        String competitors,
        String competitorDoc,
        String nextStep,
        LocalDate nextStepDue,
        String source,
        String lossReason,
        OffsetDateTime lastContactAt,
        OffsetDateTime stageEnteredAt,
        Integer healthScore,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime closedAt,
        int version,
        List<Contact> contacts,
        List<StageHistoryEntry> history) {

    /** A contact on the opportunity with its decision-chain role. */
    public record Contact(long contactId, String name, String title, String role) {}
}
