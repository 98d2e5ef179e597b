package app.lantern.activity;

import static lantern.db.Tables.ACTIVITIES;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Activity lookups for other modules (unscoped: callers pass owner ids they may see). */
@Service
@Transactional(readOnly = true)
public class Activities {

    private final DSLContext db;

    Activities(DSLContext db) {
        this.db = db;
    }

    /** The activities logged on the given opportunities, newest first (evidence for reviews of a stage move). */
    public List<ActivityRef> onOpportunities(java.util.Collection<Long> opportunityIds) {
        if (opportunityIds == null || opportunityIds.isEmpty()) {
            return List.of();
        }
        return db.selectFrom(ACTIVITIES)
                .where(ACTIVITIES.OPPORTUNITY_ID.in(opportunityIds))
                .orderBy(ACTIVITIES.OCCURRED_AT.desc(), ACTIVITIES.ID.desc())
                .fetch(Activities::ref);
    }

    /** Activities of the owners that occurred in {@code [from, to)}, oldest first. */
    public List<ActivityRef> between(Set<Long> ownerIds, OffsetDateTime from, OffsetDateTime to) {
        if (ownerIds == null || ownerIds.isEmpty()) {
            return List.of();
        }
        return db.selectFrom(ACTIVITIES)
                .where(ACTIVITIES.OWNER_ID.in(ownerIds))
                .and(ACTIVITIES.OCCURRED_AT.ge(from))
                .and(ACTIVITIES.OCCURRED_AT.lt(to))
                .orderBy(ACTIVITIES.OCCURRED_AT, ACTIVITIES.ID)
                .fetch(Activities::ref);
    }

    public Map<ActivityType, Long> countsByType(long ownerId, OffsetDateTime from, OffsetDateTime to) {
        Map<ActivityType, Long> result = new EnumMap<>(ActivityType.class);
        db.select(ACTIVITIES.TYPE, DSL.count())
                .from(ACTIVITIES)
                .where(ACTIVITIES.OWNER_ID.eq(ownerId))
                .and(ACTIVITIES.OCCURRED_AT.ge(from))
                .and(ACTIVITIES.OCCURRED_AT.lt(to))
                .groupBy(ACTIVITIES.TYPE)
                .forEach(r ->
                        result.put(ActivityType.valueOf(r.value1()), r.value2().longValue()));
        return result;
    }

    /** When the owner's latest activity occurred. */
    public Optional<OffsetDateTime> lastActivityAt(long ownerId) {
        return Optional.ofNullable(db.select(DSL.max(ACTIVITIES.OCCURRED_AT))
                .from(ACTIVITIES)
                .where(ACTIVITIES.OWNER_ID.eq(ownerId))
                .fetchOne(0, OffsetDateTime.class));
    }

    static ActivityRef ref(Record r) {
        return new ActivityRef(
                r.get(ACTIVITIES.ID),
                ActivityType.valueOf(r.get(ACTIVITIES.TYPE)),
                r.get(ACTIVITIES.OWNER_ID),
                r.get(ACTIVITIES.CUSTOMER_ID),
                r.get(ACTIVITIES.OPPORTUNITY_ID),
                r.get(ACTIVITIES.OCCURRED_AT),
                r.get(ACTIVITIES.CREATED_AT),
                r.get(ACTIVITIES.DURATION_MINUTES),
                r.get(ACTIVITIES.OUTCOME));
    }
}
