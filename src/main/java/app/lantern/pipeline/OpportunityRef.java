package app.lantern.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What other modules may know about an opportunity. {@code healthScore} is null before the first computation. */
public record OpportunityRef(
        long id,
        String name,
        long customerId,
        long ownerId,
        long pipelineId,
        String productLine,
        long stageId,
        String stageName,
        int stageOrder,
        BigDecimal amount,
        BudgetRange budgetRange,
        OpportunityStatus status,
        LocalDate expectedClose,
        OffsetDateTime createdAt,
        OffsetDateTime closedAt,
        Integer healthScore) {}
