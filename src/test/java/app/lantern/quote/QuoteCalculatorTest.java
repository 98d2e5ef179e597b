package app.lantern.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteCalculatorTest {

    private static QuoteCalculator.PricedInput line(String qty, String list, String discount, String rate) {
        return new QuoteCalculator.PricedInput(
                1,
                "SKU",
                "课程",
                "套",
                new BigDecimal(qty),
                new BigDecimal(list),
                new BigDecimal(discount),
                new BigDecimal(rate),
                new BigDecimal("10.00"));
    }

    @Test
    void roundsDiscountedUnitPriceAndVatPerLineHalfUpToTheFen() {
        // 33.33 × (1 − 12.5%) = 29.16375 → 29.16; × 3 = 87.48; VAT 6% = 5.2488 → 5.25
        QuoteCalculator.PricedLine l = QuoteCalculator.price(line("3", "33.33", "12.5", "6"));
        assertThat(l.unitPrice()).isEqualByComparingTo("29.16");
        assertThat(l.net()).isEqualByComparingTo("87.48");
        assertThat(l.tax()).isEqualByComparingTo("5.25");
        assertThat(l.gross()).isEqualByComparingTo("92.73");
    }

    @Test
    void roundsHalfUpAtExactlyHalfAFen() {
        // 0.25 × 13% = 0.0325 → 0.03; 0.50 × 9% = 0.045 → 0.05 (HALF_UP, not banker's rounding)
        assertThat(QuoteCalculator.price(line("1", "0.50", "0", "9")).tax()).isEqualByComparingTo("0.05");
        assertThat(QuoteCalculator.price(line("1", "0.25", "0", "13")).tax()).isEqualByComparingTo("0.03");
    }

    @Test
    void totalsAreSumsOfRoundedLinesAndAlwaysAddUp() {
        QuoteCalculator.Totals t = QuoteCalculator.total(List.of(
                line("3", "33.33", "12.5", "6"), line("2", "19999.99", "0", "13"), line("1.5", "800", "5", "9")));
        assertThat(t.subtotal())
                .isEqualByComparingTo(
                        new BigDecimal("87.48").add(new BigDecimal("39999.98")).add(new BigDecimal("1140.00")));
        assertThat(t.taxTotal())
                .isEqualByComparingTo(
                        new BigDecimal("5.25").add(new BigDecimal("5200.00")).add(new BigDecimal("102.60")));
        assertThat(t.total()).isEqualByComparingTo(t.subtotal().add(t.taxTotal()));
        assertThat(t.maxDiscount()).isEqualByComparingTo("12.5");
        assertThat(t.discountTotal()).isEqualByComparingTo(t.listTotal().subtract(t.subtotal()));
    }

    @Test
    void marginIsNetRevenueLessCostOverNetRevenue() {
        QuoteCalculator.Totals t = QuoteCalculator.total(List.of(line("10", "100", "0", "6")));
        // revenue 1000, cost 100 → 90.0 %
        assertThat(t.marginPercent()).isEqualByComparingTo("90.0");
    }
}
