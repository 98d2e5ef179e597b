package app.lantern.customer;

import static lantern.db.Tables.CUSTOMER_IMPORTS;
import static lantern.db.Tables.CUSTOMER_IMPORT_ROWS;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;

/**
 * Stores a chunk's row outcomes (one statement) and adds them to the import's counters, in the chunk's transaction: an
 * interrupted import resumes after the last row stored here.
 */
final class ImportTally {

    private ImportTally() {}

    static void record(DSLContext db, Clock clock, long importId, Collection<ImportRowResult> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        Map<ImportOutcome, Integer> counts = new TreeMap<>();
        var insert = db.insertInto(
                CUSTOMER_IMPORT_ROWS,
                CUSTOMER_IMPORT_ROWS.IMPORT_ID,
                CUSTOMER_IMPORT_ROWS.ROW_NO,
                CUSTOMER_IMPORT_ROWS.OUTCOME,
                CUSTOMER_IMPORT_ROWS.RECORD_ID,
                CUSTOMER_IMPORT_ROWS.MESSAGE);
        for (ImportRowResult o : outcomes) {
            counts.merge(o.outcome(), 1, Integer::sum);
            insert = insert.values(
                    importId, o.row(), o.outcome().name(), o.recordId(), ImportMessages.encode(o.notes()));
        }
        insert.execute();
        var i = CUSTOMER_IMPORTS;
        db.update(i)
                .set(i.PROCESSED_ROWS, i.PROCESSED_ROWS.plus(outcomes.size()))
                .set(i.IMPORTED, i.IMPORTED.plus(counts.getOrDefault(ImportOutcome.IMPORTED, 0)))
                .set(i.REVIEW, i.REVIEW.plus(counts.getOrDefault(ImportOutcome.REVIEW, 0)))
                .set(i.MERGED, i.MERGED.plus(counts.getOrDefault(ImportOutcome.MERGED, 0)))
                .set(i.SKIPPED, i.SKIPPED.plus(counts.getOrDefault(ImportOutcome.SKIPPED, 0)))
                .set(i.REJECTED, i.REJECTED.plus(counts.getOrDefault(ImportOutcome.REJECTED, 0)))
                .set(i.UPDATED_AT, OffsetDateTime.now(clock))
                .where(i.ID.eq(importId))
                .execute();
    }
}
