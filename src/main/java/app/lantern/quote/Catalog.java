package app.lantern.quote;

import static lantern.db.Tables.QUOTE_BUNDLE_ITEMS;
import static lantern.db.Tables.QUOTE_DISCOUNT_LIMITS;
import static lantern.db.Tables.QUOTE_PRICE_BOOKS;
import static lantern.db.Tables.QUOTE_PRICE_BOOK_ENTRIES;
import static lantern.db.Tables.QUOTE_PRODUCTS;

import app.lantern.audit.AuditLog;
import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.Role;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.ForbiddenException;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.Texts;
import app.lantern.shared.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lantern.db.tables.records.QuoteProductsRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog: products, bundles and service packages, price books by customer tier and discount limits by role.
 * Cost and margin leave this class only for managers, finance, executives and admins.
 */
@Service
@Transactional
public class Catalog {

    static final Set<BigDecimal> TAX_RATES =
            Set.of(new BigDecimal("6.00"), new BigDecimal("9.00"), new BigDecimal("13.00"));
    private static final Set<Role> COST_READERS = Set.of(Role.MANAGER, Role.FINANCE, Role.ADMIN, Role.EXECUTIVE);
    private static final Set<Role> CATALOG_EDITORS = Set.of(Role.FINANCE, Role.ADMIN);

    private final DSLContext db;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final Clock clock;

    Catalog(DSLContext db, CurrentActor currentActor, AuditLog audit, Clock clock) {
        this.db = db;
        this.currentActor = currentActor;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewProduct(
            String sku,
            String name,
            Product.ProductKind kind,
            String unit,
            BigDecimal listPrice,
            BigDecimal cost,
            BigDecimal taxRate,
            String productLine,
            String description,
            List<NewBundleItem> items) {}

    public record NewBundleItem(long productId, BigDecimal quantity) {}

    /** Whether the signed-in user may see cost and margin. */
    public boolean canSeeCost() {
        return currentActor.current().map(Catalog::canSeeCost).orElse(false);
    }

    static boolean canSeeCost(Actor actor) {
        return actor.roles().stream().anyMatch(COST_READERS::contains);
    }

    public boolean canEdit() {
        return currentActor
                .current()
                .map(a -> a.roles().stream().anyMatch(CATALOG_EDITORS::contains))
                .orElse(false);
    }

    @Transactional(readOnly = true)
    public List<Product> products(String productLine, Product.ProductKind kind, boolean includeInactive) {
        org.jooq.Condition condition = org.jooq.impl.DSL.trueCondition();
        if (!Texts.isBlank(productLine)) {
            condition = condition.and(QUOTE_PRODUCTS.PRODUCT_LINE.eq(productLine));
        }
        if (kind != null) {
            condition = condition.and(QUOTE_PRODUCTS.KIND.eq(kind.name()));
        }
        if (!includeInactive) {
            condition = condition.and(QUOTE_PRODUCTS.ACTIVE.isTrue());
        }
        var rows = db.selectFrom(QUOTE_PRODUCTS)
                .where(condition)
                .orderBy(QUOTE_PRODUCTS.PRODUCT_LINE, QUOTE_PRODUCTS.KIND, QUOTE_PRODUCTS.SKU)
                .fetch();
        boolean cost = canSeeCost();
        Map<Long, List<Product.BundleItem>> items = bundleItems();
        return rows.map(r -> toProduct(r, cost, items.getOrDefault(r.getId(), List.of())));
    }

    @Transactional(readOnly = true)
    public Product product(long id) {
        QuoteProductsRecord r = db.selectFrom(QUOTE_PRODUCTS)
                .where(QUOTE_PRODUCTS.ID.eq(id))
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("product", id));
        return toProduct(r, canSeeCost(), bundleItems().getOrDefault(id, List.of()));
    }

    @Transactional(readOnly = true)
    public List<String> productLines() {
        return db.selectDistinct(QUOTE_PRODUCTS.PRODUCT_LINE)
                .from(QUOTE_PRODUCTS)
                .orderBy(QUOTE_PRODUCTS.PRODUCT_LINE)
                .fetch(QUOTE_PRODUCTS.PRODUCT_LINE);
    }

    public Product create(NewProduct p) {
        requireEditor();
        validate(p, null);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = db.insertInto(QUOTE_PRODUCTS)
                .set(QUOTE_PRODUCTS.SKU, p.sku().strip())
                .set(QUOTE_PRODUCTS.NAME, p.name().strip())
                .set(QUOTE_PRODUCTS.KIND, p.kind().name())
                .set(QUOTE_PRODUCTS.UNIT, p.unit().strip())
                .set(QUOTE_PRODUCTS.LIST_PRICE, QuoteCalculator.fen(p.listPrice()))
                .set(QUOTE_PRODUCTS.COST, QuoteCalculator.fen(p.cost()))
                .set(QUOTE_PRODUCTS.TAX_RATE, p.taxRate().setScale(2, RoundingMode.HALF_UP))
                .set(QUOTE_PRODUCTS.PRODUCT_LINE, p.productLine().strip())
                .set(QUOTE_PRODUCTS.DESCRIPTION, Texts.clean(p.description()))
                .set(QUOTE_PRODUCTS.CREATED_AT, now)
                .set(QUOTE_PRODUCTS.UPDATED_AT, now)
                .returning(QUOTE_PRODUCTS.ID)
                .fetchOne()
                .getId();
        saveItems(id, p);
        audit.created("product", id, fields(p));
        return product(id);
    }

    public Product update(long id, NewProduct p) {
        requireEditor();
        Product before = product(id);
        validate(p, id);
        db.update(QUOTE_PRODUCTS)
                .set(QUOTE_PRODUCTS.SKU, p.sku().strip())
                .set(QUOTE_PRODUCTS.NAME, p.name().strip())
                .set(QUOTE_PRODUCTS.KIND, p.kind().name())
                .set(QUOTE_PRODUCTS.UNIT, p.unit().strip())
                .set(QUOTE_PRODUCTS.LIST_PRICE, QuoteCalculator.fen(p.listPrice()))
                .set(QUOTE_PRODUCTS.COST, QuoteCalculator.fen(p.cost()))
                .set(QUOTE_PRODUCTS.TAX_RATE, p.taxRate().setScale(2, RoundingMode.HALF_UP))
                .set(QUOTE_PRODUCTS.PRODUCT_LINE, p.productLine().strip())
                .set(QUOTE_PRODUCTS.DESCRIPTION, Texts.clean(p.description()))
                .set(QUOTE_PRODUCTS.UPDATED_AT, OffsetDateTime.now(clock))
                .set(QUOTE_PRODUCTS.VERSION, QUOTE_PRODUCTS.VERSION.plus(1))
                .where(QUOTE_PRODUCTS.ID.eq(id))
                .execute();
        db.deleteFrom(QUOTE_BUNDLE_ITEMS)
                .where(QUOTE_BUNDLE_ITEMS.BUNDLE_ID.eq(id))
                .execute();
        saveItems(id, p);
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("sku", before.sku());
        old.put("name", before.name());
        old.put("kind", before.kind().name());
        old.put("unit", before.unit());
        old.put("listPrice", before.listPrice());
        old.put("cost", before.cost());
        old.put("taxRate", before.taxRate());
        old.put("productLine", before.productLine());
        old.put("description", before.description());
        audit.updated("product", id, old, fields(p));
        return product(id);
    }

    public void setActive(long id, boolean active) {
        requireEditor();
        Product before = product(id);
        db.update(QUOTE_PRODUCTS)
                .set(QUOTE_PRODUCTS.ACTIVE, active)
                .set(QUOTE_PRODUCTS.UPDATED_AT, OffsetDateTime.now(clock))
                .where(QUOTE_PRODUCTS.ID.eq(id))
                .execute();
        audit.updated("product", id, Map.of("active", before.active()), Map.of("active", active));
    }

    // ---- price books

    @Transactional(readOnly = true)
    public List<PriceBook> priceBooks() {
        Map<Long, Map<Long, BigDecimal>> entries = new HashMap<>();
        db.selectFrom(QUOTE_PRICE_BOOK_ENTRIES)
                .forEach(e -> entries.computeIfAbsent(e.getPriceBookId(), k -> new HashMap<>())
                        .put(e.getProductId(), e.getPrice()));
        return db.selectFrom(QUOTE_PRICE_BOOKS)
                .orderBy(QUOTE_PRICE_BOOKS.NAME)
                .fetch(r -> new PriceBook(
                        r.getId(),
                        r.getName(),
                        r.getCustomerTier(),
                        r.getActive(),
                        Map.copyOf(entries.getOrDefault(r.getId(), Map.of()))));
    }

    @Transactional(readOnly = true)
    public Optional<PriceBook> priceBook(long id) {
        return priceBooks().stream().filter(b -> b.id() == id).findFirst();
    }

    /** The active price book for a customer tier (A–D), if one exists. */
    @Transactional(readOnly = true)
    public Optional<PriceBook> priceBookForTier(String tier) {
        return tier == null
                ? Optional.empty()
                : priceBooks().stream()
                        .filter(b -> b.active() && tier.equals(b.customerTier()))
                        .findFirst();
    }

    public PriceBook createPriceBook(String name, String customerTier) {
        requireEditor();
        FieldErrors errors = new FieldErrors();
        Texts.require(errors, "name", name, 100);
        errors.addIf(
                customerTier != null && !customerTier.isBlank() && !customerTier.matches("[ABCD]"),
                "customerTier",
                "must be one of A, B, C, D");
        errors.throwIfAny();
        if (db.fetchExists(QUOTE_PRICE_BOOKS, QUOTE_PRICE_BOOKS.NAME.eq(name.strip()))) {
            throw ValidationException.field("name", "a price book with this name exists");
        }
        long id = db.insertInto(QUOTE_PRICE_BOOKS)
                .set(QUOTE_PRICE_BOOKS.NAME, name.strip())
                .set(QUOTE_PRICE_BOOKS.CUSTOMER_TIER, Texts.clean(customerTier))
                .set(QUOTE_PRICE_BOOKS.CREATED_AT, OffsetDateTime.now(clock))
                .returning(QUOTE_PRICE_BOOKS.ID)
                .fetchOne()
                .getId();
        audit.created(
                "price-book",
                id,
                Map.of("name", name.strip(), "customerTier", String.valueOf(Texts.clean(customerTier))));
        return priceBook(id).orElseThrow();
    }

    public void setPrice(long priceBookId, long productId, BigDecimal price) {
        requireEditor();
        priceBook(priceBookId).orElseThrow(() -> NotFoundException.of("price book", priceBookId));
        product(productId);
        if (price == null || price.signum() < 0 || price.scale() > 2) {
            throw ValidationException.field("price", "must be 0 or more with at most 2 decimals");
        }
        BigDecimal old = db.select(QUOTE_PRICE_BOOK_ENTRIES.PRICE)
                .from(QUOTE_PRICE_BOOK_ENTRIES)
                .where(QUOTE_PRICE_BOOK_ENTRIES
                        .PRICE_BOOK_ID
                        .eq(priceBookId)
                        .and(QUOTE_PRICE_BOOK_ENTRIES.PRODUCT_ID.eq(productId)))
                .fetchOptional(QUOTE_PRICE_BOOK_ENTRIES.PRICE)
                .orElse(null);
        db.deleteFrom(QUOTE_PRICE_BOOK_ENTRIES)
                .where(QUOTE_PRICE_BOOK_ENTRIES
                        .PRICE_BOOK_ID
                        .eq(priceBookId)
                        .and(QUOTE_PRICE_BOOK_ENTRIES.PRODUCT_ID.eq(productId)))
                .execute();
        db.insertInto(QUOTE_PRICE_BOOK_ENTRIES)
                .set(QUOTE_PRICE_BOOK_ENTRIES.PRICE_BOOK_ID, priceBookId)
                .set(QUOTE_PRICE_BOOK_ENTRIES.PRODUCT_ID, productId)
                .set(QUOTE_PRICE_BOOK_ENTRIES.PRICE, QuoteCalculator.fen(price))
                .execute();
        Map<String, Object> before = new HashMap<>();
        before.put("price." + productId, old);
        audit.updated("price-book", priceBookId, before, Map.of("price." + productId, QuoteCalculator.fen(price)));
    }

    // ---- discount limits

    @Transactional(readOnly = true)
    public Map<String, BigDecimal> discountLimits() {
        Map<String, BigDecimal> limits = new LinkedHashMap<>();
        db.selectFrom(QUOTE_DISCOUNT_LIMITS)
                .orderBy(QUOTE_DISCOUNT_LIMITS.MAX_DISCOUNT)
                .forEach(r -> limits.put(r.getRole(), r.getMaxDiscount()));
        return limits;
    }

    /** The highest discount (percent) the user may give without approval: the most generous of their roles. */
    @Transactional(readOnly = true)
    public BigDecimal discountLimitOf(Set<Role> roles) {
        Map<String, BigDecimal> limits = discountLimits();
        return roles.stream()
                .map(r -> limits.getOrDefault(r.name(), BigDecimal.ZERO))
                .max(BigDecimal::compareTo)
                .orElse(BigDecimal.ZERO);
    }

    public void setDiscountLimit(Role role, BigDecimal maxDiscount) {
        Actor actor = currentActor.require();
        if (!actor.has(Role.ADMIN)) {
            throw new ForbiddenException("only administrators change discount limits");
        }
        if (maxDiscount == null || maxDiscount.signum() < 0 || maxDiscount.compareTo(QuoteCalculator.HUNDRED) > 0) {
            throw ValidationException.field("maxDiscount", "must be between 0 and 100");
        }
        BigDecimal old = discountLimits().get(role.name());
        db.deleteFrom(QUOTE_DISCOUNT_LIMITS)
                .where(QUOTE_DISCOUNT_LIMITS.ROLE.eq(role.name()))
                .execute();
        db.insertInto(QUOTE_DISCOUNT_LIMITS)
                .set(QUOTE_DISCOUNT_LIMITS.ROLE, role.name())
                .set(QUOTE_DISCOUNT_LIMITS.MAX_DISCOUNT, maxDiscount.setScale(2, RoundingMode.HALF_UP))
                .execute();
        Map<String, Object> before = new HashMap<>();
        before.put(role.name(), old);
        audit.updated(
                "discount-limit",
                role.name(),
                before,
                Map.of(role.name(), maxDiscount.setScale(2, RoundingMode.HALF_UP)));
    }

    // ---- internals

    private void requireEditor() {
        if (!canEdit()) {
            throw new ForbiddenException("only finance and administrators maintain the catalog");
        }
    }

    private void validate(NewProduct p, Long id) {
        FieldErrors errors = new FieldErrors();
        Texts.require(errors, "sku", p.sku(), 40);
        if (p.sku() != null && !p.sku().strip().matches("[A-Za-z0-9._-]+")) {
            errors.add("sku", "may contain letters, digits, dot, dash and underscore only");
        }
        Texts.require(errors, "name", p.name(), 200);
        Texts.require(errors, "unit", p.unit(), 20);
        Texts.require(errors, "productLine", p.productLine(), 50);
        Texts.maxLength(errors, "description", p.description(), 1000);
        errors.addIf(p.kind() == null, "kind", "must be one of PRODUCT, BUNDLE, SERVICE");
        money(errors, "listPrice", p.listPrice());
        money(errors, "cost", p.cost());
        if (p.taxRate() == null || TAX_RATES.stream().noneMatch(r -> r.compareTo(p.taxRate()) == 0)) {
            errors.add("taxRate", "must be 6, 9 or 13");
        }
        List<NewBundleItem> items = p.items() == null ? List.of() : p.items();
        if (p.kind() == Product.ProductKind.BUNDLE && items.isEmpty()) {
            errors.add("items", "a bundle lists at least one product");
        }
        for (int i = 0; i < items.size(); i++) {
            NewBundleItem item = items.get(i);
            if (item.quantity() == null || item.quantity().signum() <= 0) {
                errors.add("items[" + i + "].quantity", "must be more than 0");
            }
            if (id != null && item.productId() == id) {
                errors.add("items[" + i + "].productId", "a bundle cannot contain itself");
            } else if (!db.fetchExists(
                    QUOTE_PRODUCTS, QUOTE_PRODUCTS.ID.eq(item.productId()).and(QUOTE_PRODUCTS.KIND.ne("BUNDLE")))) {
                errors.add("items[" + i + "].productId", "no such product (bundles cannot be nested)");
            }
        }
        errors.throwIfAny();
        var clash = QUOTE_PRODUCTS.SKU.eq(p.sku().strip());
        if (id != null) {
            clash = clash.and(QUOTE_PRODUCTS.ID.ne(id));
        }
        if (db.fetchExists(QUOTE_PRODUCTS, clash)) {
            throw ValidationException.field("sku", "another product has this SKU");
        }
    }

    private static void money(FieldErrors errors, String field, BigDecimal v) {
        if (v == null || v.signum() < 0 || v.scale() > 2 || v.compareTo(new BigDecimal("999999999999")) > 0) {
            errors.add(field, "must be an amount of 0 or more with at most 2 decimals");
        }
    }

    private void saveItems(long bundleId, NewProduct p) {
        if (p.items() == null) {
            return;
        }
        for (NewBundleItem item : p.items()) {
            db.insertInto(QUOTE_BUNDLE_ITEMS)
                    .set(QUOTE_BUNDLE_ITEMS.BUNDLE_ID, bundleId)
                    .set(QUOTE_BUNDLE_ITEMS.PRODUCT_ID, item.productId())
                    .set(QUOTE_BUNDLE_ITEMS.QUANTITY, item.quantity())
                    .execute();
        }
    }

    private Map<Long, List<Product.BundleItem>> bundleItems() {
        Map<Long, List<Product.BundleItem>> result = new HashMap<>();
        db.select(
                        QUOTE_BUNDLE_ITEMS.BUNDLE_ID,
                        QUOTE_BUNDLE_ITEMS.PRODUCT_ID,
                        QUOTE_PRODUCTS.SKU,
                        QUOTE_PRODUCTS.NAME,
                        QUOTE_BUNDLE_ITEMS.QUANTITY)
                .from(QUOTE_BUNDLE_ITEMS)
                .join(QUOTE_PRODUCTS)
                .on(QUOTE_PRODUCTS.ID.eq(QUOTE_BUNDLE_ITEMS.PRODUCT_ID))
                .orderBy(QUOTE_PRODUCTS.SKU)
                .forEach(r -> result.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(new Product.BundleItem(r.value2(), r.value3(), r.value4(), r.value5())));
        return result;
    }

    static Product toProduct(QuoteProductsRecord r, boolean cost, List<Product.BundleItem> items) {
        BigDecimal margin = null;
        if (cost && r.getListPrice().signum() > 0) {
            margin = r.getListPrice()
                    .subtract(r.getCost())
                    .multiply(QuoteCalculator.HUNDRED)
                    .divide(r.getListPrice(), 1, RoundingMode.HALF_UP);
        }
        return new Product(
                r.getId(),
                r.getSku(),
                r.getName(),
                Product.ProductKind.valueOf(r.getKind()),
                r.getUnit(),
                r.getListPrice(),
                cost ? r.getCost() : null,
                margin,
                r.getTaxRate(),
                r.getProductLine(),
                r.getDescription(),
                r.getActive(),
                items);
    }

    private static Map<String, Object> fields(NewProduct p) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("sku", p.sku().strip());
        f.put("name", p.name().strip());
        f.put("kind", p.kind().name());
        f.put("unit", p.unit().strip());
        f.put("listPrice", QuoteCalculator.fen(p.listPrice()));
        f.put("cost", QuoteCalculator.fen(p.cost()));
        f.put("taxRate", p.taxRate().setScale(2, RoundingMode.HALF_UP));
        f.put("productLine", p.productLine().strip());
        f.put("description", Texts.clean(p.description()));
        return f;
    }
}
