package app.lantern.quote;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The pricing rule, in one place. Prices are tax-exclusive (不含税). Per line: unit price = list price × (1 − discount%)
 * rounded HALF_UP to the fen; net = quantity × unit price rounded HALF_UP to the fen; VAT = net × rate rounded HALF_UP
 * to the fen (VAT is computed per line, as on a VAT invoice); gross = net + VAT. Quote totals are sums of the rounded
 * line figures, so subtotal + tax = total always holds to the fen.
 */
final class QuoteCalculator {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private QuoteCalculator() {}

    record PricedInput(
            long productId,
            String sku,
            String name,
            String unit,
            BigDecimal quantity,
            BigDecimal listPrice,
            BigDecimal discount,
            BigDecimal taxRate,
            BigDecimal unitCost) {}

    record PricedLine(
            PricedInput input,
            BigDecimal unitPrice,
            BigDecimal net,
            BigDecimal tax,
            BigDecimal gross,
            BigDecimal listAmount) {}

    record Totals(
            List<PricedLine> lines,
            BigDecimal listTotal,
            BigDecimal subtotal,
            BigDecimal discountTotal,
            BigDecimal taxTotal,
            BigDecimal total,
            BigDecimal maxDiscount,
            BigDecimal costTotal) {

        /** Gross margin on the net (tax-exclusive) amount, in percent; null without revenue. */
        BigDecimal marginPercent() {
            return subtotal.signum() == 0
                    ? null
                    : subtotal.subtract(costTotal).multiply(HUNDRED).divide(subtotal, 1, RoundingMode.HALF_UP);
        }
    }

    static BigDecimal fen(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    static PricedLine price(PricedInput in) {
        BigDecimal factor = BigDecimal.ONE.subtract(in.discount().divide(HUNDRED, 6, RoundingMode.HALF_UP));
        BigDecimal unitPrice = fen(in.listPrice().multiply(factor));
        BigDecimal net = fen(in.quantity().multiply(unitPrice));
        BigDecimal tax = fen(net.multiply(in.taxRate()).divide(HUNDRED, 6, RoundingMode.HALF_UP));
        BigDecimal listAmount = fen(in.quantity().multiply(in.listPrice()));
        return new PricedLine(in, unitPrice, net, tax, net.add(tax), listAmount);
    }

    static Totals total(List<PricedInput> inputs) {
        List<PricedLine> lines = new ArrayList<>();
        BigDecimal list = BigDecimal.ZERO.setScale(2);
        BigDecimal sub = list;
        BigDecimal tax = list;
        BigDecimal cost = list;
        BigDecimal maxDiscount = BigDecimal.ZERO.setScale(2);
        for (PricedInput in : inputs) {
            PricedLine line = price(in);
            lines.add(line);
            list = list.add(line.listAmount());
            sub = sub.add(line.net());
            tax = tax.add(line.tax());
            cost = cost.add(fen(in.quantity().multiply(in.unitCost())));
            if (in.discount().compareTo(maxDiscount) > 0) {
                maxDiscount = in.discount().setScale(2, RoundingMode.HALF_UP);
            }
        }
        return new Totals(List.copyOf(lines), list, sub, list.subtract(sub), tax, sub.add(tax), maxDiscount, cost);
    }
}
