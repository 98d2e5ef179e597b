package app.lantern.pipeline;

import static lantern.db.Tables.OPPORTUNITIES;
import static lantern.db.Tables.OPPORTUNITY_STAGE_HISTORY;
import static lantern.db.Tables.PIPELINE_STAGES;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How well open opportunities are kept, for the process diagnostic (P8): missing key fields in one aggregate query,
 * the stage moves of a window, and the status of given deals. Callers pass owner ids they are allowed to see.
 */
@Service
@Transactional(readOnly = true)
public class RecordQuality {

    /** Open opportunities and how many lack each key field (last contact, core need, current blocker). */
    public record Completeness(int open, int missingLastContact, int missingCoreNeed, int missingBlocker) {}

    /** A stage move: the deal entered {@code stageName} at {@code enteredAt}. */
    public record StageEntry(
            long opportunityId, String name, long ownerId, String stageName, OffsetDateTime enteredAt) {}

    private final DSLContext db;

    RecordQuality(DSLContext db) {
        this.db = db;
    }

    public Completeness completeness(Set<Long> ownerIds) {
        if (ownerIds.isEmpty()) {
            return new Completeness(0, 0, 0, 0);
        }
        var r = db.select(
                        DSL.count(),
                        DSL.count().filterWhere(OPPORTUNITIES.LAST_CONTACT_AT.isNull()),
                        DSL.count()
                                .filterWhere(DSL.coalesce(OPPORTUNITIES.CORE_NEED, "")
                                        .eq("")),
                        DSL.count()
                                .filterWhere(
                                        DSL.coalesce(OPPORTUNITIES.BLOCKER, "").eq("")))
                .from(OPPORTUNITIES)
                .where(OPPORTUNITIES.OWNER_ID.in(ownerIds))
                .and(OPPORTUNITIES.STATUS.eq(OpportunityStatus.OPEN.name()))
                .fetchOne();
        return new Completeness(r.value1(), r.value2(), r.value3(), r.value4());
    }

    /** Moves into a stage at {@code position} or later in {@code [from, to)}, oldest first. */
    public List<StageEntry> entries(Set<Long> ownerIds, int position, OffsetDateTime from, OffsetDateTime to) {
        if (ownerIds.isEmpty()) {
            return List.of();
        }
        return db.select(
                        OPPORTUNITIES.ID,
                        OPPORTUNITIES.NAME,
                        OPPORTUNITIES.OWNER_ID,
                        PIPELINE_STAGES.NAME,
                        OPPORTUNITY_STAGE_HISTORY.ENTERED_AT)
                .from(OPPORTUNITY_STAGE_HISTORY)
                .join(OPPORTUNITIES)
                .on(OPPORTUNITIES.ID.eq(OPPORTUNITY_STAGE_HISTORY.OPPORTUNITY_ID))
                .join(PIPELINE_STAGES)
                .on(PIPELINE_STAGES.ID.eq(OPPORTUNITY_STAGE_HISTORY.STAGE_ID))
                .where(OPPORTUNITIES.OWNER_ID.in(ownerIds))
                .and(PIPELINE_STAGES.POSITION.ge(position))
                .and(OPPORTUNITY_STAGE_HISTORY.ENTERED_AT.ge(from))
                .and(OPPORTUNITY_STAGE_HISTORY.ENTERED_AT.lt(to))
                .orderBy(OPPORTUNITY_STAGE_HISTORY.ENTERED_AT, OPPORTUNITY_STAGE_HISTORY.ID)
                .fetch(r -> new StageEntry(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** Status and name of each of the given opportunities. */
    public Map<Long, Map.Entry<String, OpportunityStatus>> statuses(Collection<Long> ids) {
        Map<Long, Map.Entry<String, OpportunityStatus>> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        db.select(OPPORTUNITIES.ID, OPPORTUNITIES.NAME, OPPORTUNITIES.STATUS)
                .from(OPPORTUNITIES)
                .where(OPPORTUNITIES.ID.in(ids))
                .forEach(r -> result.put(r.value1(), Map.entry(r.value2(), OpportunityStatus.valueOf(r.value3()))));
        return result;
    }
}
