package app.lantern.pipeline;

import static lantern.db.Tables.OPPORTUNITIES;
import static lantern.db.Tables.OPPORTUNITY_STAGE_HISTORY;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record;

/**
 * Derives the exits of imported stage history: each entry of an opportunity ends when the next one begins (MOVED); the
 * last one ends at the close of a won or lost deal (WON / LOST; not before it began) and is open otherwise, where the opportunity's
 * {@code stage_entered_at} follows it when it is the opportunity's current stage. Changed rows only, in one batch.
 */
final class StageDurations {

    private final DSLContext db;

    StageDurations(DSLContext db) {
        this.db = db;
    }

    void derive(List<Long> opportunityIds) {
        if (opportunityIds.isEmpty()) {
            return;
        }
        var h = OPPORTUNITY_STAGE_HISTORY;
        var o = OPPORTUNITIES;
        Map<Long, Record> opportunities = new HashMap<>();
        db.select(o.ID, o.STATUS, o.CLOSED_AT, o.STAGE_ID, o.STAGE_ENTERED_AT)
                .from(o)
                .where(o.ID.in(opportunityIds))
                .forEach(r -> opportunities.put(r.get(o.ID), r));
        Map<Long, List<Record>> history = new HashMap<>();
        db.select(h.ID, h.OPPORTUNITY_ID, h.STAGE_ID, h.ENTERED_AT, h.EXITED_AT, h.EXIT_KIND)
                .from(h)
                .where(h.OPPORTUNITY_ID.in(opportunityIds))
                .orderBy(h.OPPORTUNITY_ID, h.ENTERED_AT, h.ID)
                .forEach(r -> history.computeIfAbsent(r.get(h.OPPORTUNITY_ID), k -> new ArrayList<>())
                        .add(r));
        List<Query> updates = new ArrayList<>();
        history.forEach((id, entries) -> {
            Record opp = opportunities.get(id);
            String status = opp.get(o.STATUS);
            for (int i = 0; i < entries.size(); i++) {
                Record e = entries.get(i);
                boolean last = i == entries.size() - 1;
                OffsetDateTime exit = !last
                        ? entries.get(i + 1).get(h.ENTERED_AT)
                        : OpportunityStatus.OPEN.name().equals(status)
                                ? null
                                : closed(opp.get(o.CLOSED_AT), e.get(h.ENTERED_AT));
                String kind = !last ? StageExit.MOVED.name() : exit == null ? null : status;
                if (!same(exit, e.get(h.EXITED_AT)) || !Objects.equals(kind, e.get(h.EXIT_KIND))) {
                    updates.add(db.update(h)
                            .set(h.EXITED_AT, exit)
                            .set(h.EXIT_KIND, kind)
                            .where(h.ID.eq(e.get(h.ID))));
                }
            }
            Record current = entries.getLast();
            if (current.get(h.STAGE_ID).equals(opp.get(o.STAGE_ID))
                    && !same(current.get(h.ENTERED_AT), opp.get(o.STAGE_ENTERED_AT))) {
                updates.add(db.update(o)
                        .set(o.STAGE_ENTERED_AT, current.get(h.ENTERED_AT))
                        .where(o.ID.eq(id)));
            }
        });
        if (!updates.isEmpty()) {
            db.batch(updates).execute();
        }
    }

    /** The close, or the entry itself when the close is a date without time (start of day) before the entry. */
    private static OffsetDateTime closed(OffsetDateTime closedAt, OffsetDateTime enteredAt) {
        return closedAt == null || closedAt.isAfter(enteredAt) ? closedAt : enteredAt;
    }

    private static boolean same(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b == null : b != null && a.toInstant().equals(b.toInstant());
    }
}
