package app.lantern.pipeline;

import static lantern.db.Tables.OPPORTUNITIES;

import app.lantern.identity.DataScopes;
import app.lantern.identity.RecordKind;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.PageQuery;
import app.lantern.shared.PageResult;
import app.lantern.shared.Texts;
import app.lantern.shared.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lantern.db.tables.records.OpportunitiesRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of opportunities for the pages and the API, within the reader's data scope. */
@Service
@Transactional(readOnly = true)
public class OpportunityQueries {

    /** Cards a board column shows; its badge counts all of the stage's open opportunities. */
    public static final int CARDS_PER_COLUMN = 50;

    public static final Set<String> SORT_FIELDS =
            Set.of("name", "amount", "expectedClose", "updatedAt", "createdAt", "healthScore");

    private final DSLContext db;
    private final OpportunityStore store;
    private final Pipelines pipelines;
    private final DataScopes scopes;
    private final HealthEngine health;

    OpportunityQueries(
            DSLContext db, OpportunityStore store, Pipelines pipelines, DataScopes scopes, HealthEngine health) {
        this.db = db;
        this.store = store;
        this.pipelines = pipelines;
        this.scopes = scopes;
        this.health = health;
    }

    /** Filters of the list view and the API. */
    public record Filter(
            Long pipelineId,
            Long stageId,
            OpportunityStatus status,
            Long ownerId,
            Long customerId,
            String q,
            Integer healthBelow) {}

    /** The opportunity if the signed-in user may see it; 404 otherwise. */
    public OpportunityDetails visible(long id) {
        OpportunityDetails d = store.detailsOrNull(id);
        if (d == null) {
            throw NotFoundException.of("opportunity", id);
        }
        scopes.current(RecordKind.OPPORTUNITY).require(d.ownerId(), "opportunity", id);
        return d;
    }

    OpportunityDetails requireOpen(long id) {
        OpportunityDetails d = visible(id);
        if (d.status() != OpportunityStatus.OPEN) {
            throw ValidationException.unprocessable("status", "the opportunity is closed (" + d.status() + ")");
        }
        return d;
    }

    public HealthReport health(long id) {
        visible(id);
        return health.explain(id);
    }

    public OpportunityCard card(long id) {
        visible(id);
        return store.cards(db.selectFrom(OPPORTUNITIES)
                        .where(OPPORTUNITIES.ID.eq(id))
                        .fetch())
                .getFirst();
    }

    public PageResult<OpportunityCard> list(Filter f, PageQuery page) {
        Condition c = scopes.current(RecordKind.OPPORTUNITY).condition(OPPORTUNITIES.OWNER_ID);
        if (f.pipelineId() != null) {
            c = c.and(OPPORTUNITIES.PIPELINE_ID.eq(f.pipelineId()));
        }
        if (f.stageId() != null) {
            c = c.and(OPPORTUNITIES.STAGE_ID.eq(f.stageId()));
        }
        if (f.status() != null) {
            c = c.and(OPPORTUNITIES.STATUS.eq(f.status().name()));
        }
        if (f.ownerId() != null) {
            c = c.and(OPPORTUNITIES.OWNER_ID.eq(f.ownerId()));
        }
        if (f.customerId() != null) {
            c = c.and(OPPORTUNITIES.CUSTOMER_ID.eq(f.customerId()));
        }
        if (f.healthBelow() != null) {
            c = c.and(OPPORTUNITIES.HEALTH_SCORE.lt(f.healthBelow()));
        }
        if (!Texts.isBlank(f.q())) {
            String pattern = "%"
                    + f.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            c = c.and(OPPORTUNITIES.NAME.likeIgnoreCase(pattern, '\\'));
        }
        Field<?> sortField = switch (page.sortField()) {
            case "name" -> OPPORTUNITIES.NAME;
            case "amount" -> OPPORTUNITIES.AMOUNT;
            case "expectedClose" -> OPPORTUNITIES.EXPECTED_CLOSE;
            case "createdAt" -> OPPORTUNITIES.CREATED_AT;
            case "healthScore" -> OPPORTUNITIES.HEALTH_SCORE;
            default -> OPPORTUNITIES.UPDATED_AT;
        };
        long total = db.fetchCount(db.selectOne().from(OPPORTUNITIES).where(c).limit(PageResult.COUNT_LIMIT + 1));
        var rows = db.selectFrom(OPPORTUNITIES)
                .where(c)
                .orderBy(page.descending() ? sortField.desc() : sortField.asc(), OPPORTUNITIES.ID.desc())
                .limit(page.size())
                .offset(page.offset())
                .fetch();
        return PageResult.counted(store.cards(rows), page, total);
    }

    /**
     * Kanban columns of one pipeline: per stage the first {@link #CARDS_PER_COLUMN} open opportunities in scope (the
     * closest expected close first) with the stage's true count and amount, from one grouped query.
     */
    public List<BoardColumn> board(long pipelineId, Long ownerId) {
        PipelineView p = pipelines.require(pipelineId);
        Condition c = boardCondition(pipelineId, ownerId);
        Map<Long, Record3<Long, Integer, BigDecimal>> totals = db.select(
                        OPPORTUNITIES.STAGE_ID, DSL.count(), DSL.sum(OPPORTUNITIES.AMOUNT))
                .from(OPPORTUNITIES)
                .where(c)
                .groupBy(OPPORTUNITIES.STAGE_ID)
                .fetchMap(OPPORTUNITIES.STAGE_ID);
        List<OpportunitiesRecord> rows = new ArrayList<>();
        for (StageView s : p.stages()) {
            if (totals.containsKey(s.id())) {
                rows.addAll(columnRows(c, s.id(), 0));
            }
        }
        Map<Long, List<OpportunityCard>> cards =
                store.cards(rows).stream().collect(Collectors.groupingBy(OpportunityCard::stageId));
        return p.stages().stream()
                .map(s -> {
                    var t = totals.get(s.id());
                    return new BoardColumn(
                            s,
                            cards.getOrDefault(s.id(), List.of()),
                            t == null ? 0 : t.value2(),
                            t == null || t.value3() == null ? BigDecimal.ZERO : t.value3());
                })
                .toList();
    }

    /** The next cards of one board column after the first {@code offset} (scrolling down a column). */
    public List<OpportunityCard> column(long pipelineId, long stageId, Long ownerId, int offset) {
        if (offset < 0) {
            throw ValidationException.field("offset", "must be 0 or more");
        }
        pipelines.require(pipelineId).stage(stageId).orElseThrow(() -> NotFoundException.of("stage", stageId));
        return store.cards(columnRows(boardCondition(pipelineId, ownerId), stageId, offset));
    }

    private Condition boardCondition(long pipelineId, Long ownerId) {
        Condition c = scopes.current(RecordKind.OPPORTUNITY)
                .condition(OPPORTUNITIES.OWNER_ID)
                .and(OPPORTUNITIES.PIPELINE_ID.eq(pipelineId))
                .and(OPPORTUNITIES.STATUS.eq(OpportunityStatus.OPEN.name()));
        return ownerId == null ? c : c.and(OPPORTUNITIES.OWNER_ID.eq(ownerId));
    }

    private List<OpportunitiesRecord> columnRows(Condition board, long stageId, int offset) {
        return db.selectFrom(OPPORTUNITIES)
                .where(board)
                .and(OPPORTUNITIES.STAGE_ID.eq(stageId))
                .orderBy(OPPORTUNITIES.EXPECTED_CLOSE.asc().nullsLast(), OPPORTUNITIES.ID)
                .limit(CARDS_PER_COLUMN)
                .offset(offset)
                .fetch();
    }

    /** The entry-criteria fields still missing for a stage (empty when the move would pass). */
    public List<OpportunityField> missingFor(long id, long stageId) {
        OpportunityDetails d = visible(id);
        PipelineView p = pipelines.require(d.pipelineId());
        StageView stage = p.stage(stageId).orElseThrow(() -> NotFoundException.of("stage", stageId));
        return store.evidence(id).missing(p.entryCriteria(stage));
    }

    /** Full recompute of every open opportunity (admins; the nightly job does the same). */
    @Transactional
    public int recomputeAllHealth() {
        return health.recomputeAll().scanned();
    }
}
