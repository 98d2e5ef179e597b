package app.lantern.quote;

import static lantern.db.Tables.QUOTE_PRICE_BOOK_ENTRIES;
import static lantern.db.Tables.QUOTE_PRODUCTS;

import app.lantern.customer.CustomerRef;
import app.lantern.customer.Customers;
import app.lantern.pipeline.BudgetRange;
import app.lantern.pipeline.Opportunities;
import app.lantern.pipeline.OpportunityRef;
import app.lantern.pipeline.OpportunityStatus;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.Texts;
import app.lantern.shared.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lantern.db.tables.records.QuoteProductsRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The checks every draft passes before anything is stored or previewed: the opportunity (visible, open, budget range
 * set), the lines (active products, quantities, discounts), the price book (it must fit the customer) and the total the
 * client expected. A {@link ValidationException} names the bad field.
 */
@Component
class QuotePricing {

    private final DSLContext db;
    private final Catalog catalog;
    private final Customers customers;
    private final Opportunities opportunities;
    private final Quotes quotes;

    QuotePricing(DSLContext db, Catalog catalog, Customers customers, Opportunities opportunities, Quotes quotes) {
        this.db = db;
        this.catalog = catalog;
        this.customers = customers;
        this.opportunities = opportunities;
        this.quotes = quotes;
    }

    /** A draft that passed every check, with its opportunity, customer and totals. */
    record Checked(
            QuoteDrafting.QuoteDraft draft,
            OpportunityRef opportunity,
            CustomerRef customer,
            QuoteCalculator.Totals totals) {}

    /** Checks and prices a draft; without a price book, the one for the customer's tier applies. */
    Checked check(QuoteDrafting.QuoteDraft draft) {
        return check(draft, true);
    }

    /** Checks and prices a draft with exactly the price book it names (a revision keeps its quote's book). */
    Checked checkAsGiven(QuoteDrafting.QuoteDraft draft) {
        return check(draft, false);
    }

    private Checked check(QuoteDrafting.QuoteDraft draft, boolean tierBook) {
        validateHeader(draft);
        OpportunityRef opportunity = quotableOpportunity(draft);
        CustomerRef customer = customers
                .find(opportunity.customerId())
                .orElseThrow(() -> NotFoundException.of("customer", opportunity.customerId()));
        QuoteDrafting.QuoteDraft effective = tierBook ? withDefaultPriceBook(draft, customer) : draft;
        return new Checked(effective, opportunity, customer, price(effective, customer));
    }

    int validDays(Integer requested) {
        int days = requested == null ? quotes.defaultValidDays() : requested;
        if (days < 1 || days > 180) {
            throw ValidationException.field("validDays", "must be between 1 and 180");
        }
        return days;
    }

    private void validateHeader(QuoteDrafting.QuoteDraft d) {
        FieldErrors errors = new FieldErrors();
        errors.addIf(
                d.opportunityId() == null || d.opportunityId() <= 0,
                "opportunityId",
                "is required: quotes are made from an opportunity");
        Texts.maxLength(errors, "title", d.title(), 200);
        Texts.maxLength(errors, "terms", d.terms(), 4000);
        errors.addIf(d.lines() == null || d.lines().isEmpty(), "lines", "add at least one product, bundle or service");
        errors.addIf(
                d.lines() != null && d.lines().size() > QuoteDrafting.MAX_LINES,
                "lines",
                "at most " + QuoteDrafting.MAX_LINES + " lines");
        errors.throwIfAny();
    }

    private QuoteCalculator.Totals price(QuoteDrafting.QuoteDraft d, CustomerRef customer) {
        FieldErrors errors = new FieldErrors();
        Map<Long, BigDecimal> bookPrices = Map.of();
        if (d.priceBookId() != null) {
            Optional<PriceBook> book = catalog.priceBook(d.priceBookId()).filter(PriceBook::active);
            if (book.isEmpty()) {
                errors.add("priceBookId", "no such active price book");
            } else if (!book.get().fits(customer.tier())) {
                // a tier's agreed prices are a discount off list that no approval rule sees: refused, not routed
                errors.add(
                        "priceBookId",
                        "the price book is for tier " + book.get().customerTier() + " customers");
            } else {
                bookPrices = new HashMap<>();
                for (var e : db.selectFrom(QUOTE_PRICE_BOOK_ENTRIES)
                        .where(QUOTE_PRICE_BOOK_ENTRIES.PRICE_BOOK_ID.eq(d.priceBookId()))
                        .fetch()) {
                    bookPrices.put(e.getProductId(), e.getPrice());
                }
            }
        }
        List<QuoteCalculator.PricedInput> inputs = new ArrayList<>();
        for (int i = 0; i < d.lines().size(); i++) {
            QuoteDrafting.LineInput in = d.lines().get(i);
            String f = "lines[" + i + "]";
            if (in == null || in.productId() == null) {
                errors.add(f + ".productId", "is required");
                continue;
            }
            QuoteProductsRecord p = db.selectFrom(QUOTE_PRODUCTS)
                    .where(QUOTE_PRODUCTS.ID.eq(in.productId()))
                    .fetchOptional()
                    .orElse(null);
            if (p == null || !p.getActive()) {
                errors.add(f + ".productId", "no such active product");
                continue;
            }
            BigDecimal qty = in.quantity();
            if (qty == null || qty.signum() <= 0 || qty.scale() > 2 || qty.compareTo(new BigDecimal("1000000")) > 0) {
                errors.add(f + ".quantity", "must be more than 0 and at most 1000000, with at most 2 decimals");
                continue;
            }
            BigDecimal discount = in.discount() == null ? BigDecimal.ZERO : in.discount();
            if (discount.signum() < 0 || discount.compareTo(QuoteCalculator.HUNDRED) >= 0 || discount.scale() > 2) {
                errors.add(f + ".discount", "must be a percentage from 0 to below 100, with at most 2 decimals");
                continue;
            }
            BigDecimal list = bookPrices.getOrDefault(p.getId(), p.getListPrice());
            inputs.add(new QuoteCalculator.PricedInput(
                    p.getId(), p.getSku(), p.getName(), p.getUnit(), qty, list, discount, p.getTaxRate(), p.getCost()));
        }
        errors.throwIfAny();
        QuoteCalculator.Totals totals = QuoteCalculator.total(inputs);
        if (d.expectedTotal() != null && d.expectedTotal().compareTo(totals.total()) != 0) {
            throw new ValidationException(
                    List.of(new FieldErrors.FieldError(
                            "expectedTotal",
                            "does not add up: the lines total " + totals.total().toPlainString())),
                    422);
        }
        return totals;
    }

    /**
     * The opportunity a quote is made from: visible to the caller, open, with its budget range set (Q3), and of the
     * customer named in the draft if one is named.
     */
    private OpportunityRef quotableOpportunity(QuoteDrafting.QuoteDraft d) {
        OpportunityRef o = opportunities.requireVisible(d.opportunityId());
        if (d.customerId() != null && d.customerId() != o.customerId()) {
            throw ValidationException.field("customerId", "is not the opportunity's customer");
        }
        if (o.status() != OpportunityStatus.OPEN) {
            throw ValidationException.unprocessable("opportunityId", "the opportunity is closed (" + o.status() + ")");
        }
        if (o.budgetRange() == null) {
            throw ValidationException.unprocessable(
                    "opportunityId", "set the opportunity's budget range (客户预算区间) before quoting");
        }
        return o;
    }

    /** A warning when the total lies above the customer's budget range (quoting below it is fine). */
    static String budgetWarning(BudgetRange range, BigDecimal total) {
        if (range == null || range.contains(total) || BudgetRange.of(total).ordinal() <= range.ordinal()) {
            return null;
        }
        return "报价总额 ¥" + QuotePdf.money(total) + " 高于客户预算区间 " + range.label();
    }

    private QuoteDrafting.QuoteDraft withDefaultPriceBook(QuoteDrafting.QuoteDraft d, CustomerRef customer) {
        if (d.priceBookId() != null) {
            return d;
        }
        return catalog.priceBookForTier(customer.tier())
                .map(book -> new QuoteDrafting.QuoteDraft(
                        d.customerId(),
                        d.opportunityId(),
                        book.id(),
                        d.title(),
                        d.terms(),
                        d.validDays(),
                        d.lines(),
                        d.expectedTotal()))
                .orElse(d);
    }
}
