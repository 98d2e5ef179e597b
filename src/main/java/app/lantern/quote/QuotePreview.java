package app.lantern.quote;

import java.math.BigDecimal;
import java.util.List;

/**
 * A draft's figures before it is stored (live totals while editing).
 *
 * @param discountLimit the highest discount the owner may give without a manager's approval
 * @param approvalSteps the roles ({@code MANAGER}, {@code FINANCE}) that would approve on submit, in order; empty: none
 */
public record QuotePreview(
        List<Line> lines,
        BigDecimal listTotal,
        BigDecimal discountTotal,
        BigDecimal subtotal,
        BigDecimal taxTotal,
        BigDecimal total,
        String amountInWords,
        BigDecimal maxDiscount,
        BigDecimal discountLimit,
        String budgetWarning,
        List<String> approvalSteps) {

    public QuotePreview {
        lines = List.copyOf(lines);
        approvalSteps = List.copyOf(approvalSteps);
    }

    public record Line(String name, BigDecimal gross) {}

    public boolean aboveDiscountLimit() {
        return maxDiscount.compareTo(discountLimit) > 0;
    }
}
