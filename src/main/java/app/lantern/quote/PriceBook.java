package app.lantern.quote;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.util.Map;

/** Prices that replace list prices for some customers, e.g. A-tier customers. {@code prices} maps product id → price. */
public record PriceBook(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long id,
        String name,
        String customerTier,
        boolean active,
        Map<Long, BigDecimal> prices) {}
