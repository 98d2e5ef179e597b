package app.lantern.quote;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Prices that replace list prices for some customers, e.g. A-tier customers. {@code prices} maps product id → price. A
 * book with a tier is the agreed price of that tier's customers only; a book without a tier applies to every customer.
 */
public record PriceBook(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long id,
        String name,
        String customerTier,
        boolean active,
        Map<Long, BigDecimal> prices) {

    /** Whether a quote for a customer of this tier (null: not yet scored) may use the book's prices. */
    public boolean fits(String tier) {
        return active && (customerTier == null || customerTier.equals(tier));
    }
}
