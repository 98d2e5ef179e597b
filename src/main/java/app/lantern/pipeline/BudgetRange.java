package app.lantern.pipeline;

import java.math.BigDecimal;

/** The customer's budget band (客户预算区间), required from a configurable stage of each pipeline. */
public enum BudgetRange {
    UP_TO_50K("≤5万", null, new BigDecimal("50000")),
    FROM_50K_TO_200K("5–20万", new BigDecimal("50000"), new BigDecimal("200000")),
    FROM_200K_TO_500K("20–50万", new BigDecimal("200000"), new BigDecimal("500000")),
    ABOVE_500K("≥50万", new BigDecimal("500000"), null);

    private final String label;
    private final BigDecimal lower;
    private final BigDecimal upper;

    BudgetRange(String label, BigDecimal lower, BigDecimal upper) {
        this.label = label;
        this.lower = lower;
        this.upper = upper;
    }

    public String label() {
        return label;
    }

    /** Whether the amount (yuan) lies in the band; lower bound exclusive except for the first band, upper inclusive. */
    public boolean contains(BigDecimal amount) {
        if (amount == null || amount.signum() < 0) {
            return false;
        }
        boolean aboveLower = lower == null || amount.compareTo(lower) > 0;
        boolean belowUpper = upper == null || amount.compareTo(upper) <= 0;
        return aboveLower && belowUpper;
    }

    /** The band containing the amount. */
    public static BudgetRange of(BigDecimal amount) {
        for (BudgetRange r : values()) {
            if (r.contains(amount)) {
                return r;
            }
        }
        return UP_TO_50K;
    }
}
