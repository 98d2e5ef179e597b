package app.lantern.quote;

import static lantern.db.Tables.QUOTE_APPROVAL_RULES;

import app.lantern.identity.Directory;
import app.lantern.identity.UserSummary;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import lantern.db.tables.records.QuotesRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Which approval steps a quote needs: the manager when its largest discount is above the owner's role limit, and the
 * steps of every active rule its discount or total meets, always manager before finance.
 */
@Component
class ApprovalRules {

    private final DSLContext db;
    private final Catalog catalog;
    private final Directory directory;

    ApprovalRules(DSLContext db, Catalog catalog, Directory directory) {
        this.db = db;
        this.catalog = catalog;
        this.directory = directory;
    }

    List<String> requiredSteps(QuotesRecord r) {
        return requiredSteps(r.getOwnerId(), r.getMaxDiscount(), r.getTotal());
    }

    List<String> requiredSteps(long ownerId, BigDecimal maxDiscount, BigDecimal total) {
        Set<String> steps = new LinkedHashSet<>();
        BigDecimal ownerLimit = catalog.discountLimitOf(
                directory.user(ownerId).map(UserSummary::roles).orElse(Set.of()));
        if (maxDiscount.compareTo(ownerLimit) > 0) {
            steps.add(ApprovalRole.MANAGER.name());
        }
        db.selectFrom(QUOTE_APPROVAL_RULES)
                .where(QUOTE_APPROVAL_RULES.ACTIVE.isTrue())
                .forEach(rule -> {
                    boolean discountHit =
                            rule.getMinDiscount() != null && maxDiscount.compareTo(rule.getMinDiscount()) > 0;
                    boolean totalHit = rule.getMinTotal() != null && total.compareTo(rule.getMinTotal()) >= 0;
                    if (discountHit || totalHit) {
                        steps.addAll(List.of(rule.getSteps().split(",")));
                    }
                });
        List<String> ordered = new ArrayList<>();
        if (steps.contains(ApprovalRole.MANAGER.name())
                && directory.directManagerOf(ownerId).isPresent()) {
            ordered.add(ApprovalRole.MANAGER.name());
        }
        if (steps.contains(ApprovalRole.FINANCE.name())) {
            ordered.add(ApprovalRole.FINANCE.name());
        }
        return ordered;
    }
}
