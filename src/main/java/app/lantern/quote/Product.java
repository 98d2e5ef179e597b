package app.lantern.quote;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * A catalog item: a product, a bundle (课程组合) or a service package. {@code cost} and {@code marginPercent} are null
 * for callers who may not see them (only managers, finance, executives and admins do).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Product(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long id,
        String sku,
        String name,
        ProductKind kind,
        String unit,
        BigDecimal listPrice,
        BigDecimal cost,
        BigDecimal marginPercent,
        BigDecimal taxRate,
        String productLine,
        String description,
        boolean active,
        List<BundleItem> items) {

    public record BundleItem(
            @JsonFormat(shape = JsonFormat.Shape.STRING) long productId,
            String sku,
            String name,
            BigDecimal quantity) {}

    public enum ProductKind {
        PRODUCT,
        BUNDLE,
        SERVICE
    }
}
