package app.lantern.quote.web;

import app.lantern.identity.Role;
import app.lantern.quote.Catalog;
import app.lantern.quote.PriceBook;
import app.lantern.quote.Product;
import app.lantern.shared.PageQuery;
import app.lantern.shared.PageResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Catalog API: products, bundles and services; price books; discount limits. Cost and margin only for privileged roles. */
@RestController
@RequestMapping("/api/v1")
class CatalogApiController {

    private final Catalog catalog;

    CatalogApiController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/products")
    PageResult<Product> products(
            @RequestParam(required = false) String productLine,
            @RequestParam(required = false) Product.ProductKind kind,
            @RequestParam(defaultValue = "false") boolean includeInactive,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageQuery q = PageQuery.of(page, size, null, Set.of("sku"), "sku");
        List<Product> all = catalog.products(productLine, kind, includeInactive);
        List<Product> slice =
                all.subList(Math.min(q.offset(), all.size()), Math.min(q.offset() + q.size(), all.size()));
        return PageResult.of(slice, q, all.size());
    }

    @GetMapping("/products/{id}")
    Product product(@PathVariable long id) {
        return catalog.product(id);
    }

    @PostMapping("/products")
    @ResponseStatus(HttpStatus.CREATED)
    Product create(@RequestBody Catalog.NewProduct body) {
        return catalog.create(body);
    }

    @PutMapping("/products/{id}")
    Product update(@PathVariable long id, @RequestBody Catalog.NewProduct body) {
        return catalog.update(id, body);
    }

    record ActiveBody(boolean active) {}

    @PutMapping("/products/{id}/active")
    Product active(@PathVariable long id, @RequestBody ActiveBody body) {
        catalog.setActive(id, body.active());
        return catalog.product(id);
    }

    @GetMapping("/price-books")
    List<PriceBook> priceBooks() {
        return catalog.priceBooks();
    }

    record NewPriceBook(String name, String customerTier) {}

    @PostMapping("/price-books")
    @ResponseStatus(HttpStatus.CREATED)
    PriceBook createPriceBook(@RequestBody NewPriceBook body) {
        return catalog.createPriceBook(body.name(), body.customerTier());
    }

    record PriceBody(BigDecimal price) {}

    @PutMapping("/price-books/{id}/prices/{productId}")
    PriceBook setPrice(@PathVariable long id, @PathVariable long productId, @RequestBody PriceBody body) {
        catalog.setPrice(id, productId, body.price());
        return catalog.priceBook(id).orElseThrow();
    }

    @GetMapping("/discount-limits")
    Map<String, BigDecimal> discountLimits() {
        return catalog.discountLimits();
    }

    record LimitBody(BigDecimal maxDiscount) {}

    @PutMapping("/discount-limits/{role}")
    Map<String, BigDecimal> setLimit(@PathVariable Role role, @RequestBody LimitBody body) {
        catalog.setDiscountLimit(role, body.maxDiscount());
        return catalog.discountLimits();
    }
}
