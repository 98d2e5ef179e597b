package app.lantern.quote.web;

import app.lantern.quote.QuoteDrafting;
import app.lantern.quote.QuoteView;
import app.lantern.shared.FieldErrors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The quote form as the user typed it: header fields and the line editor's parallel columns (one entry per row, blank
 * product rows ignored). Turns itself into the draft the drafting service takes, and back into editor rows when the
 * page is shown again with errors.
 */
record QuoteForm(
        Long quoteId,
        Long opportunityId,
        Long priceBookId,
        String title,
        String terms,
        Integer validDays,
        List<String> productId,
        List<String> quantity,
        List<String> discount) {

    /** Rows the editor shows at least, so a new quote has room for several lines. */
    static final int FORM_LINES = 8;

    /** One row of the line editor as the user typed it. */
    record FormLine(String productId, String quantity, String discount) {}

    /** The form of a saved quote, for its edit page. */
    static QuoteForm of(QuoteView q) {
        List<String> products = new ArrayList<>();
        List<String> quantities = new ArrayList<>();
        List<String> discounts = new ArrayList<>();
        q.lines().forEach(l -> {
            products.add(String.valueOf(l.productId()));
            quantities.add(l.quantity().stripTrailingZeros().toPlainString());
            discounts.add(l.discount().stripTrailingZeros().toPlainString());
        });
        return new QuoteForm(
                q.id(),
                q.opportunityId(),
                q.priceBookId(),
                q.title(),
                q.terms(),
                q.validDays(),
                products,
                quantities,
                discounts);
    }

    /** The draft for {@code opportunity} (a saved quote keeps its own, whatever the form says). */
    QuoteDrafting.QuoteDraft draft(Long opportunity) {
        return new QuoteDrafting.QuoteDraft(null, opportunity, priceBookId, title, terms, validDays, lines(), null);
    }

    /** The filled lines; a quantity or discount that is not a number is a field error naming the line. */
    List<QuoteDrafting.LineInput> lines() {
        List<QuoteDrafting.LineInput> lines = new ArrayList<>();
        FieldErrors errors = new FieldErrors();
        for (int i = 0; productId != null && i < productId.size(); i++) {
            String p = productId.get(i);
            if (p == null || p.isBlank()) {
                continue;
            }
            try {
                BigDecimal qty = new BigDecimal(at(quantity, i, "1"));
                BigDecimal off = new BigDecimal(at(discount, i, "0"));
                lines.add(new QuoteDrafting.LineInput(Long.parseLong(p.strip()), qty, off));
            } catch (NumberFormatException e) {
                errors.add("lines[" + lines.size() + "]", "quantity and discount must be numbers");
            }
        }
        errors.throwIfAny();
        return lines;
    }

    /** The rows as typed, plus enough blank rows to add more. */
    List<FormLine> rows() {
        List<FormLine> rows = new ArrayList<>();
        for (int i = 0; productId != null && i < productId.size(); i++) {
            if (productId.get(i) != null && !productId.get(i).isBlank()) {
                rows.add(new FormLine(productId.get(i), at(quantity, i, "1"), at(discount, i, "0")));
            }
        }
        while (rows.size() < FORM_LINES || rows.size() < countFilled() + 3) {
            rows.add(new FormLine("", "1", "0"));
        }
        return rows;
    }

    private long countFilled() {
        return productId == null
                ? 0
                : productId.stream().filter(p -> p != null && !p.isBlank()).count();
    }

    private static String at(List<String> list, int i, String fallback) {
        return list == null
                        || i >= list.size()
                        || list.get(i) == null
                        || list.get(i).isBlank()
                ? fallback
                : list.get(i).strip();
    }
}
