package app.lantern.pipeline.web;

import app.lantern.pipeline.BudgetRange;
import app.lantern.pipeline.OpportunityCard;
import app.lantern.pipeline.OpportunityDetails;
import app.lantern.pipeline.OpportunityStatus;
import app.lantern.pipeline.StageHistoryEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** An opportunity as the API returns it (ids as strings). */
record OpportunityJson(
        String id,
        String name,
        String customerId,
        String customerName,
        String ownerId,
        String ownerName,
        String pipelineId,
        String pipelineName,
        String productLine,
        String stageId,
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
        List<ContactJson> contacts,
        List<HistoryJson> stageHistory) {

    record ContactJson(String contactId, String name, String title, String role) {}

    record HistoryJson(
            String stageId,
            String stageName,
            OffsetDateTime enteredAt,
            OffsetDateTime exitedAt,
            String exitKind,
            double durationDays,
            int workingDays) {

        static HistoryJson of(StageHistoryEntry h) {
            return new HistoryJson(
                    String.valueOf(h.stageId()),
                    h.stageName(),
                    h.enteredAt(),
                    h.exitedAt(),
                    h.exitKind(),
                    h.days(),
                    h.workingDays());
        }
    }

    /** A list row. */
    record CardJson(
            String id,
            String name,
            String customerId,
            String customerName,
            String ownerId,
            String ownerName,
            String pipelineId,
            String stageId,
            String stageName,
            OpportunityStatus status,
            BigDecimal amount,
            LocalDate expectedClose,
            Integer healthScore,
            OffsetDateTime lastContactAt,
            OffsetDateTime updatedAt,
            int version) {

        static CardJson of(OpportunityCard c) {
            return new CardJson(
                    String.valueOf(c.id()),
                    c.name(),
                    String.valueOf(c.customerId()),
                    c.customerName(),
                    String.valueOf(c.ownerId()),
                    c.ownerName(),
                    String.valueOf(c.pipelineId()),
                    String.valueOf(c.stageId()),
                    c.stageName(),
                    c.status(),
                    c.amount(),
                    c.expectedClose(),
                    c.healthScore(),
                    c.lastContactAt(),
                    c.updatedAt(),
                    c.version());
        }
    }

    static OpportunityJson of(OpportunityDetails d) {
        return new OpportunityJson(
                String.valueOf(d.id()),
                d.name(),
                String.valueOf(d.customerId()),
                d.customerName(),
                String.valueOf(d.ownerId()),
                d.ownerName(),
                String.valueOf(d.pipelineId()),
                d.pipelineName(),
                d.productLine(),
                String.valueOf(d.stageId()),
                d.stageName(),
                d.stagePosition(),
                d.winProbability(),
                d.status(),
                d.amount(),
                d.budgetRange(),
                d.expectedClose(),
                d.coreNeed(),
                d.blocker(),
                d.competitors(),
                d.competitorDoc(),
                d.nextStep(),
                d.nextStepDue(),
                d.source(),
                d.lossReason(),
                d.lastContactAt(),
                d.stageEnteredAt(),
                d.healthScore(),
                d.createdAt(),
                d.updatedAt(),
                d.closedAt(),
                d.version(),
                d.contacts().stream()
                        .map(c -> new ContactJson(String.valueOf(c.contactId()), c.name(), c.title(), c.role()))
                        .toList(),
                d.history().stream().map(HistoryJson::of).toList());
    }
}
