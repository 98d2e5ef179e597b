package app.lantern.goal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitTest {

    @Test
    void equalSplitAddsUpToTheFen() {
        List<BigDecimal> parts = Split.equal(new BigDecimal("1000000.00"), 3);
        assertThat(parts)
                .containsExactly(new BigDecimal("333333.33"), new BigDecimal("333333.33"), new BigDecimal("333333.34"));
    }

    @Test
    void weightedSplitFollowsTheRegionPotential() {
        List<BigDecimal> parts = Split.proportional(
                new BigDecimal("12000000.00"),
                List.of(new BigDecimal("1.5"), BigDecimal.ONE, new BigDecimal("0.5"), BigDecimal.ZERO));
        assertThat(parts)
                .containsExactly(
                        new BigDecimal("6000000.00"),
                        new BigDecimal("4000000.00"),
                        new BigDecimal("2000000.00"),
                        new BigDecimal("0.00"));
        assertThat(parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("12000000");
    }
}
