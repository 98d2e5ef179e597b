package app.lantern.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An opportunity as a Kanban card or list row. */
public record OpportunityCard(
        long id,
        String name,
        long customerId,
        String customerName,
        long ownerId,
        String ownerName,
        long pipelineId,
        long stageId,
        String stageName,
        OpportunityStatus status,
        BigDecimal amount,
        LocalDate expectedClose,
        Integer healthScore,
        OffsetDateTime lastContactAt,
        OffsetDateTime stageEnteredAt,
        OffsetDateTime updatedAt,
        int version) {}
