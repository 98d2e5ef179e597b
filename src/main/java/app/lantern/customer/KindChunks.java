package app.lantern.customer;

import app.lantern.shared.Phrase;
import app.lantern.shared.UserRef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chunks of a history import (any {@link ImportKind} but customers), each in one transaction: blank rows skipped,
 * the others handed to the kind by field, their outcomes stored with the import's counters.
 */
final class KindChunks implements ImportRun.ChunkProcessor {

    private final ImportKind kind;
    private final long importId;
    private final Map<Integer, String> columns = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final ImportOwners owners;
    private final ImportCustomers customers;
    private final Map<String, Long> stages;
    private final UserRef importer;
    private final Map<String, Object> source;
    private final DSLContext db;
    private final TransactionTemplate tx;
    private final Clock clock;

    KindChunks(
            CustomerChunks.Context context,
            ImportKind kind,
            long importId,
            String fileName,
            List<String> fileHeaders,
            Map<String, String> mapping,
            Map<String, Long> stages,
            ImportOwners owners,
            UserRef importer) {
        this.kind = kind;
        this.importId = importId;
        mapping.forEach((col, field) -> {
            int c = Integer.parseInt(col);
            columns.put(c, field);
            headers.put(field, c < fileHeaders.size() ? fileHeaders.get(c) : field);
        });
        this.stages = stages;
        this.owners = owners;
        this.importer = importer;
        this.source = new LinkedHashMap<>();
        source.put("importId", importId);
        source.put("file", fileName);
        this.customers = new ImportCustomers(context, importer, source);
        this.db = context.db();
        this.tx = context.tx();
        this.clock = context.clock();
    }

    @Override
    public void process(List<Map.Entry<Integer, List<String>>> rows) {
        tx.executeWithoutResult(s -> {
            List<ImportRowResult> outcomes = new ArrayList<>();
            List<ImportBatch.Row> valued = new ArrayList<>();
            for (var entry : rows) {
                Map<String, String> values = new LinkedHashMap<>();
                List<String> cells = entry.getValue();
                columns.forEach((c, field) -> {
                    String v = c < cells.size() ? cells.get(c) : null;
                    if (v != null && !v.isBlank()) {
                        values.put(field, v.strip());
                    }
                });
                if (values.isEmpty()) {
                    outcomes.add(ImportRowResult.of(
                            entry.getKey(), ImportOutcome.SKIPPED, null, new Phrase("customer.import.row.empty")));
                } else {
                    valued.add(new ImportBatch.Row(entry.getKey(), values));
                }
            }
            if (!valued.isEmpty()) {
                outcomes.addAll(kind.importRows(
                        new ImportBatch(valued, headers, owners, customers, stages, importer, source, clock)));
            }
            ImportTally.record(db, clock, importId, outcomes);
        });
    }
}
