package app.lantern.insight.sandbox;

import app.lantern.identity.Directory;
import app.lantern.identity.Role;
import app.lantern.identity.UserSummary;
import app.lantern.pipeline.Opportunities;
import app.lantern.pipeline.OpportunityRef;
import app.lantern.pipeline.OpportunityStatus;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Reads what the models are fitted from through the pipeline and identity facades, three statements per fit. */
@Component
class SandboxData {

    private final Directory directory;
    private final Opportunities opportunities;

    SandboxData(Directory directory, Opportunities opportunities) {
        this.directory = directory;
        this.opportunities = opportunities;
    }

    /** Every active rep of the organisation with a team → that team. */
    Map<Long, Long> organisation() {
        Map<Long, Long> teamOf = new LinkedHashMap<>();
        for (UserSummary u : directory.usersWithRole(Role.REP)) {
            if (u.active() && u.teamId() != null) {
                teamOf.put(u.id(), u.teamId());
            }
        }
        return teamOf;
    }

    /**
     * The facts as of now for a window that opened at {@code windowStart}: the organisation's closed deals of the last
     * 12 months and new opportunities of the last 12 weeks, the reps' open deals and what they signed since the window
     * opened.
     */
    ModelFitting.Facts now(OffsetDateTime now, OffsetDateTime windowStart, List<Long> reps) {
        Map<Long, Long> org = organisation();
        Set<Long> owners = new HashSet<>(org.keySet());
        owners.addAll(reps);
        List<OpportunityRef> closed = opportunities.closedBetween(owners, now.minusMonths(12), now);
        Set<Long> chosen = new HashSet<>(reps);
        Map<Long, BigDecimal> signed = new HashMap<>();
        for (OpportunityRef o : closed) {
            if (o.status() == OpportunityStatus.WON
                    && chosen.contains(o.ownerId())
                    && o.amount() != null
                    && !o.closedAt().isBefore(windowStart)) {
                signed.merge(o.ownerId(), o.amount(), BigDecimal::add);
            }
        }
        return new ModelFitting.Facts(
                now,
                org,
                closed,
                opportunities.createdBetween(owners, now.minusDays(ModelFitting.LEAD_WINDOW_DAYS), now),
                opportunities.openFor(chosen),
                signed);
    }

    /** Every opportunity of the organisation's reps created since {@code from}, for backtests. */
    List<OpportunityRef> history(OffsetDateTime from, OffsetDateTime to) {
        return opportunities.createdBetween(organisation().keySet(), from, to);
    }
}
