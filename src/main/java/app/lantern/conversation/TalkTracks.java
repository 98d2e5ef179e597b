package app.lantern.conversation;

import static lantern.db.Tables.TALK_TRACKS;
import static lantern.db.Tables.TALK_TRACK_USES;

import app.lantern.audit.AuditLog;
import app.lantern.customer.CustomerRef;
import app.lantern.customer.Customers;
import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.Role;
import app.lantern.pipeline.ClosedDeals;
import app.lantern.pipeline.FunnelMetrics;
import app.lantern.pipeline.Opportunities;
import app.lantern.pipeline.OpportunityDetails;
import app.lantern.pipeline.OpportunityQueries;
import app.lantern.pipeline.OpportunityRef;
import app.lantern.pipeline.OpportunityStatus;
import app.lantern.shared.ForbiddenException;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lantern.db.tables.records.TalkTracksRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The talk-track library (P6): the three best packs for what the customer said on a deal, ranked by relevance (the
 * objection category the text is about, plus shared words), effectiveness (the Wilson lower bound of the win rate of
 * closed deals the pack was used on, against the same reps' win rate over two years) and industry fit; reps mark a
 * pack used and rate it, managers edit the library.
 */
@Service
@Transactional
public class TalkTracks {

    /** Closed deals a pack needs before its effectiveness can be "已验证". */
    public static final int MIN_CLOSED_USES = 5;

    private static final double Z = 1.645;

    private final DSLContext db;
    private final ConversationExtraction extraction;
    private final OpportunityQueries opportunityQueries;
    private final Opportunities opportunities;
    private final FunnelMetrics funnels;
    private final Customers customers;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final Clock clock;

    TalkTracks(
            DSLContext db,
            ConversationExtraction extraction,
            OpportunityQueries opportunityQueries,
            Opportunities opportunities,
            FunnelMetrics funnels,
            Customers customers,
            CurrentActor currentActor,
            AuditLog audit,
            Clock clock) {
        this.db = db;
        this.extraction = extraction;
        this.opportunityQueries = opportunityQueries;
        this.opportunities = opportunities;
        this.funnels = funnels;
        this.customers = customers;
        this.currentActor = currentActor;
        this.audit = audit;
        this.clock = clock;
    }

    /** The best {@code limit} packs for {@code said} on a deal the signed-in user may see. */
    @Transactional(readOnly = true)
    public List<TalkTrack> recommend(long opportunityId, String said, int limit) {
        if (said == null || said.isBlank() || said.length() > 500) {
            throw ValidationException.field("q", "say what the customer said (1 to 500 characters)");
        }
        OpportunityDetails o = opportunityQueries.visible(opportunityId);
        String industry =
                customers.find(o.customerId()).map(CustomerRef::industry).orElse(null);
        Set<ObjectionCategory> categories = extraction.categoriesOf("客户：" + said);
        Set<String> words = new HashSet<>(Tokens.words(said));
        List<TalkTrack> ranked = new ArrayList<>();
        for (TalkTracksRecord t :
                db.selectFrom(TALK_TRACKS).where(TALK_TRACKS.ACTIVE.isTrue()).fetch()) {
            ranked.add(score(t, categories, words, industry));
        }
        ranked.sort(Comparator.comparingDouble(TalkTrack::score).reversed().thenComparing(TalkTrack::id));
        return ranked.subList(0, Math.min(limit, ranked.size()));
    }

    private TalkTrack score(TalkTracksRecord t, Set<ObjectionCategory> categories, Set<String> words, String industry) {
        ObjectionCategory category = ObjectionCategory.valueOf(t.getCategory());
        Set<String> trackWords = new HashSet<>(Tokens.words(t.getTitle() + t.getScript()));
        long shared = words.stream()
                .filter(w -> w.length() > 1 && trackWords.contains(w))
                .count();
        double relevance = (categories.contains(category) ? 0.7 : 0) + Math.min(0.3, 0.1 * shared);
        List<OpportunityRef> closed = new ArrayList<>();
        for (Long id : db.selectDistinct(TALK_TRACK_USES.OPPORTUNITY_ID)
                .from(TALK_TRACK_USES)
                .where(TALK_TRACK_USES.TRACK_ID.eq(t.getId()))
                .fetch(TALK_TRACK_USES.OPPORTUNITY_ID)) {
            opportunities
                    .find(id)
                    .filter(r -> r.status() != OpportunityStatus.OPEN)
                    .ifPresent(closed::add);
        }
        int won = (int)
                closed.stream().filter(r -> r.status() == OpportunityStatus.WON).count();
        double lower = wilsonLower(won, closed.size());
        double baseline = baseline(closed, won);
        boolean verified = closed.size() >= MIN_CLOSED_USES && baseline >= 0 && lower > baseline;
        double fit = t.getIndustry() == null ? 0.5 : t.getIndustry().equals(industry) ? 1 : 0;
        double score = 0.6 * relevance + 0.25 * (closed.isEmpty() ? 0 : lower) + 0.15 * fit;
        return new TalkTrack(
                t.getId(),
                category,
                t.getIndustry(),
                t.getTitle(),
                t.getScript(),
                t.getCaseStudy(),
                t.getRoiTemplate(),
                t.getAlternativePlan(),
                relevance,
                closed.size(),
                won,
                lower,
                baseline,
                verified,
                fit,
                score);
    }

    /**
     * The win rate of comparable deals: the same reps' deals closed in the last two years on which the pack was not
     * used; -1 when there are none (then nothing can be verified).
     */
    private double baseline(List<OpportunityRef> closed, int won) {
        if (closed.isEmpty()) {
            return -1;
        }
        Set<Long> owners = new HashSet<>();
        closed.forEach(r -> owners.add(r.ownerId()));
        LocalDate today = LocalDate.now(clock);
        ClosedDeals all = funnels.closedByOwner(owners, today.minusYears(2), today).values().stream()
                .reduce(ClosedDeals.NONE, ClosedDeals::plus);
        int otherWon = Math.max(0, all.won() - won);
        int otherClosed = Math.max(0, all.won() + all.lost() - closed.size());
        return otherClosed == 0 ? -1 : otherWon / (double) otherClosed;
    }

    /** Lower bound of the one-sided 95% Wilson score interval of {@code wins} out of {@code n}. */
    static double wilsonLower(int wins, int n) {
        if (n == 0) {
            return 0;
        }
        double p = wins / (double) n;
        double z2 = Z * Z;
        double centre = p + z2 / (2 * n);
        double margin = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return Math.max(0, (centre - margin) / (1 + z2 / n));
    }

    /** Marks the pack used on a deal the signed-in user may see, with an optional 1–5 rating (again: updates it). */
    public void markUsed(long trackId, long opportunityId, Integer rating) {
        if (rating != null && (rating < 1 || rating > 5)) {
            throw ValidationException.field("rating", "must be 1 to 5");
        }
        require(trackId);
        opportunityQueries.visible(opportunityId);
        Actor actor = currentActor.require();
        OffsetDateTime now = OffsetDateTime.now(clock);
        int updated = db.update(TALK_TRACK_USES)
                .set(TALK_TRACK_USES.RATING, rating)
                .set(TALK_TRACK_USES.USED_AT, now)
                .where(TALK_TRACK_USES.TRACK_ID.eq(trackId))
                .and(TALK_TRACK_USES.OPPORTUNITY_ID.eq(opportunityId))
                .and(TALK_TRACK_USES.USER_ID.eq(actor.userId()))
                .execute();
        if (updated == 0) {
            db.insertInto(TALK_TRACK_USES)
                    .set(TALK_TRACK_USES.TRACK_ID, trackId)
                    .set(TALK_TRACK_USES.OPPORTUNITY_ID, opportunityId)
                    .set(TALK_TRACK_USES.USER_ID, actor.userId())
                    .set(TALK_TRACK_USES.RATING, rating)
                    .set(TALK_TRACK_USES.USED_AT, now)
                    .onConflictDoNothing()
                    .execute();
        }
        audit.recorded(
                "talkTrack",
                trackId,
                "used",
                Map.of("opportunityId", opportunityId, "rating", rating == null ? "" : rating));
    }

    /** Adds a pack (managers and admins). */
    public long create(TalkTrackInput in) {
        Actor actor = requireEditor();
        in.validate();
        long id = db.insertInto(TALK_TRACKS)
                .set(fields(in, actor))
                .returning(TALK_TRACKS.ID)
                .fetchOne()
                .getId();
        audit.created(
                "talkTrack",
                id,
                Map.of("title", in.title(), "category", in.category().name()));
        return id;
    }

    /** Replaces a pack's texts (managers and admins). */
    public void update(long id, TalkTrackInput in) {
        Actor actor = requireEditor();
        in.validate();
        TalkTracksRecord before = require(id);
        db.update(TALK_TRACKS)
                .set(fields(in, actor))
                .where(TALK_TRACKS.ID.eq(id))
                .execute();
        audit.updated(
                "talkTrack",
                id,
                Map.of("title", before.getTitle(), "script", before.getScript()),
                Map.of("title", in.title(), "script", in.script()));
    }

    private Map<org.jooq.Field<?>, Object> fields(TalkTrackInput in, Actor actor) {
        Map<org.jooq.Field<?>, Object> f = new java.util.LinkedHashMap<>();
        f.put(TALK_TRACKS.CATEGORY, in.category().name());
        f.put(TALK_TRACKS.INDUSTRY, blankToNull(in.industry()));
        f.put(TALK_TRACKS.TITLE, in.title().strip());
        f.put(TALK_TRACKS.SCRIPT, in.script().strip());
        f.put(TALK_TRACKS.CASE_STUDY, blankToNull(in.caseStudy()));
        f.put(TALK_TRACKS.ROI_TEMPLATE, blankToNull(in.roiTemplate()));
        f.put(TALK_TRACKS.ALTERNATIVE_PLAN, blankToNull(in.alternativePlan()));
        f.put(TALK_TRACKS.UPDATED_BY, actor.userId());
        f.put(TALK_TRACKS.UPDATED_AT, OffsetDateTime.now(clock));
        return f;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private TalkTracksRecord require(long id) {
        return db.selectFrom(TALK_TRACKS)
                .where(TALK_TRACKS.ID.eq(id))
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("talkTrack", id));
    }

    private Actor requireEditor() {
        Actor actor = currentActor.require();
        if (!actor.has(Role.MANAGER) && !actor.has(Role.ADMIN)) {
            throw new ForbiddenException("only managers edit the talk-track library");
        }
        return actor;
    }
}
