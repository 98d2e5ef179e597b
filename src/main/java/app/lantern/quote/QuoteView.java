package app.lantern.quote;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A quote as callers see it. {@code cost} and {@code marginPercent} (and line unit costs) are null for users who may
 * not see cost.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuoteView(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long id,
        String number,
        int revision,
        String displayNumber,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long ownerId,
        String ownerName,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long customerId,
        String customerName,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Long opportunityId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Long priceBookId,
        QuoteStatus status,
        String title,
        String terms,
        int validDays,
        LocalDate validUntil,
        BigDecimal listTotal,
        BigDecimal discountTotal,
        BigDecimal subtotal,
        BigDecimal taxTotal,
        BigDecimal total,
        String amountInWords,
        BigDecimal maxDiscount,
        String budgetWarning,
        BigDecimal cost,
        BigDecimal marginPercent,
        OffsetDateTime createdAt,
        OffsetDateTime submittedAt,
        OffsetDateTime approvedAt,
        OffsetDateTime sentAt,
        OffsetDateTime signedAt,
        OffsetDateTime stampDueAt,
        OffsetDateTime stampedAt,
        String stampReference,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Long supersededBy,
        String feedbackTag,
        String feedbackLabel,
        String feedbackNote,
        OffsetDateTime feedbackAt,
        List<Line> lines,
        List<Approval> approvals,
        Signature signature) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(
            int position,
            @JsonFormat(shape = JsonFormat.Shape.STRING) long productId,
            String sku,
            String name,
            String unit,
            BigDecimal quantity,
            BigDecimal listPrice,
            BigDecimal discount,
            BigDecimal unitPrice,
            BigDecimal taxRate,
            BigDecimal netAmount,
            BigDecimal taxAmount,
            BigDecimal grossAmount,
            BigDecimal unitCost) {}

    public record Approval(
            @JsonFormat(shape = JsonFormat.Shape.STRING) long id,
            int step,
            String role,
            @JsonFormat(shape = JsonFormat.Shape.STRING) Long approverId,
            String approverName,
            String status,
            OffsetDateTime requestedAt,
            OffsetDateTime decidedAt,
            String decidedByName,
            String comment,
            boolean overdue) {}

    public record Signature(
            String signerName, String ip, String userAgent, OffsetDateTime signedAt, String documentSha256) {}

    public boolean isSigned() {
        return signedAt != null;
    }
}
