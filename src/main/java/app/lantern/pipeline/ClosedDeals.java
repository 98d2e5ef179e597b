package app.lantern.pipeline;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Won and lost opportunities of an owner (or several, added up) closed in a period: the funnel's end, cheaply. */
public record ClosedDeals(int won, int lost, BigDecimal wonAmount) {

    public static final ClosedDeals NONE = new ClosedDeals(0, 0, BigDecimal.ZERO);

    public ClosedDeals plus(ClosedDeals other) {
        return new ClosedDeals(won + other.won, lost + other.lost, wonAmount.add(other.wonAmount));
    }

    /** Won among closed, rounded as {@link Funnel#winRate()}; 0 when nothing closed. */
    public double winRate() {
        return won + lost == 0 ? 0 : Math.round((double) won / (won + lost) * 1000) / 1000.0;
    }

    /** As {@link Funnel#averageWonAmount()}: 0.00 when nothing was won. */
    public BigDecimal averageWonAmount() {
        return won == 0
                ? BigDecimal.ZERO.setScale(2)
                : wonAmount.divide(BigDecimal.valueOf(won), 2, RoundingMode.HALF_UP);
    }
}
