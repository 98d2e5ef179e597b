package app.lantern.quote;

import static lantern.db.Tables.QUOTES;

import app.lantern.pipeline.Opportunities;
import app.lantern.pipeline.QuoteSignal;
import app.lantern.pipeline.QuoteSignals;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import lantern.db.tables.records.QuotesRecord;
import org.jooq.DSLContext;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the opportunity health factor "quote status and feedback": the latest live quote of an opportunity as a
 * {@link QuoteSignal}, and a recomputation of the opportunity's health after every quote change (after commit).
 */
@Component
class QuoteHealthLink implements QuoteSignals {

    private final DSLContext db;
    private final Opportunities opportunities;
    private final Clock clock;

    QuoteHealthLink(DSLContext db, Opportunities opportunities, Clock clock) {
        this.db = db;
        this.opportunities = opportunities;
        this.clock = clock;
    }

    @Override
    public Optional<QuoteSignal> latestFor(long opportunityId) {
        return db.selectFrom(QUOTES)
                .where(QUOTES.OPPORTUNITY_ID.eq(opportunityId))
                .and(QUOTES.STATUS.ne(QuoteStatus.SUPERSEDED.name()))
                .orderBy(QUOTES.CREATED_AT.desc(), QUOTES.ID.desc())
                .limit(1)
                .fetchOptional()
                .map(this::signal);
    }

    /** One query per chunk for the nightly health recompute: the newest live quote per opportunity wins. */
    @Override
    public Map<Long, QuoteSignal> latestFor(Collection<Long> opportunityIds) {
        Map<Long, QuoteSignal> signals = new HashMap<>();
        db.selectFrom(QUOTES)
                .where(QUOTES.OPPORTUNITY_ID.in(opportunityIds))
                .and(QUOTES.STATUS.ne(QuoteStatus.SUPERSEDED.name()))
                .orderBy(QUOTES.OPPORTUNITY_ID, QUOTES.CREATED_AT.desc(), QUOTES.ID.desc())
                .forEach(r -> signals.putIfAbsent(r.getOpportunityId(), signal(r)));
        return signals;
    }

    private QuoteSignal signal(QuotesRecord r) {
        boolean accepted = "ACCEPTED".equals(r.getFeedbackTag());
        String status = switch (r.getStatus()) {
            case "STAMPED", "SIGNED" -> "SIGNED";
            case "SENT" ->
                accepted ? "ACCEPTED" : r.getValidUntil().isBefore(LocalDate.now(clock)) ? "EXPIRED" : "SENT";
            default -> r.getStatus();
        };
        String feedback = r.getFeedbackTag() == null ? null : accepted ? "POSITIVE" : r.getFeedbackTag();
        return new QuoteSignal(status, feedback, r.getSentAt(), r.getValidUntil());
    }

    @ApplicationModuleListener
    void on(QuoteChanged changed) {
        if (changed.opportunityId() != null
                && opportunities.find(changed.opportunityId()).isPresent()) {
            opportunities.recomputeHealth(changed.opportunityId());
        }
    }
}
