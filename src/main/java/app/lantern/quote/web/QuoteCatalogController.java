package app.lantern.quote.web;

import app.lantern.quote.Catalog;
import app.lantern.quote.Product;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The product catalog: products with their bundles, price books and discount limits; editors add products. */
@Controller
@RequestMapping("/quotes")
class QuoteCatalogController {

    private final Catalog catalog;

    QuoteCatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/catalog")
    String catalog(@RequestParam(required = false) String productLine, Model model) {
        model.addAttribute("products", catalog.products(productLine, null, true));
        model.addAttribute("productLines", catalog.productLines());
        model.addAttribute("productLine", productLine);
        model.addAttribute("canSeeCost", catalog.canSeeCost());
        model.addAttribute("canEdit", catalog.canEdit());
        model.addAttribute("priceBooks", catalog.priceBooks());
        model.addAttribute("limits", catalog.discountLimits());
        model.addAttribute("kinds", Product.ProductKind.values());
        return "quote/catalog";
    }

    @PostMapping("/catalog")
    String addProduct(
            @RequestParam String sku,
            @RequestParam String name,
            @RequestParam Product.ProductKind kind,
            @RequestParam String unit,
            @RequestParam BigDecimal listPrice,
            @RequestParam BigDecimal cost,
            @RequestParam BigDecimal taxRate,
            @RequestParam String productLine,
            @RequestParam(required = false) String description,
            @RequestParam(name = "itemId", required = false) List<Long> itemIds,
            RedirectAttributes redirect) {
        List<Catalog.NewBundleItem> items = new ArrayList<>();
        if (itemIds != null) {
            itemIds.forEach(id -> items.add(new Catalog.NewBundleItem(id, BigDecimal.ONE)));
        }
        return Flash.act(
                "/quotes/catalog",
                redirect,
                () -> catalog.create(new Catalog.NewProduct(
                        sku, name, kind, unit, listPrice, cost, taxRate, productLine, description, items)),
                "saved");
    }
}
