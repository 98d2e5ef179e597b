package app.lantern.customer;

import static lantern.db.Tables.CUSTOMERS;

import app.lantern.audit.AuditLog;
import app.lantern.customer.matching.InMemoryKeyIndex;
import app.lantern.customer.matching.MatchProfile;
import app.lantern.shared.Phrase;
import app.lantern.shared.UserRef;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * The customers the rows of a history import name, by external id or by name: an external id already stored names its
 * customer; a name is matched by the duplicate rules of the customer import (same credit code, same normalised full
 * name: certain), and a customer nobody has is created — on the duplicate review list when it only may duplicate one.
 * What one chunk learnt serves the next (a file names the same customers many times).
 */
final class ImportCustomers {

    /** A row's wish: the customer named (name and/or external id), the owner and creation time should it be new. */
    record Wanted(int rowNo, String name, String externalId, long ownerId, OffsetDateTime createdAt) {}

    /** The customer a row got, and a note when it was created for the row or could not be named. */
    record Found(Long id, Phrase note) {}

    private final DSLContext db;
    private final CustomerManagement customers;
    private final MatchIndex index;
    private final AuditLog audit;
    private final Clock clock;
    private final UserRef importer;
    private final Map<String, Object> source;
    private final ProfileCache cache;
    private final double threshold;
    private final Map<String, Long> byExternalId = new HashMap<>();
    private final Map<String, Long> byName = new HashMap<>();

    ImportCustomers(CustomerChunks.Context context, UserRef importer, Map<String, Object> source) {
        this.db = context.db();
        this.customers = context.customers();
        this.index = context.index();
        this.audit = context.audit();
        this.clock = context.clock();
        this.importer = importer;
        this.source = source;
        this.cache = new ProfileCache(index, ImportDuplicates.IMPORT_KEY_CAP);
        this.threshold = customers.threshold();
    }

    /** Every wish's customer by row number (a row naming none is absent), in the caller's transaction. */
    Map<Integer, Found> resolve(List<Wanted> wanted) {
        loadExternalIds(wanted);
        Map<Integer, Found> found = new HashMap<>();
        Map<String, Wanted> newNames = new LinkedHashMap<>();
        for (Wanted w : wanted) {
            Long id = w.externalId() == null ? null : byExternalId.get(w.externalId());
            if (id == null && w.name() != null) {
                id = byName.get(key(w.name()));
                if (id == null) {
                    newNames.putIfAbsent(key(w.name()), w);
                    continue;
                }
            }
            found.put(w.rowNo(), new Found(id, null));
        }
        Map<String, Phrase> created = match(new ArrayList<>(newNames.values()));
        for (Wanted w : wanted) {
            if (!found.containsKey(w.rowNo()) && w.name() != null) {
                String k = key(w.name());
                Long id = byName.get(k);
                found.put(w.rowNo(), new Found(id, newNames.get(k).rowNo() == w.rowNo() ? created.get(k) : null));
                if (w.externalId() != null) {
                    byExternalId.putIfAbsent(w.externalId(), id);
                }
            }
        }
        return found;
    }

    private void loadExternalIds(List<Wanted> wanted) {
        Set<String> unknown = wanted.stream()
                .map(Wanted::externalId)
                .filter(e -> e != null && !byExternalId.containsKey(e))
                .collect(Collectors.toSet());
        if (!unknown.isEmpty()) {
            db.select(CUSTOMERS.ID, CUSTOMERS.EXTERNAL_ID)
                    .from(CUSTOMERS)
                    .where(CUSTOMERS.EXTERNAL_ID.in(unknown))
                    .forEach(r -> byExternalId.putIfAbsent(r.value2(), r.value1()));
        }
    }

    /**
     * Names not met before, judged like import rows against the stored customers and each other: certain duplicates
     * take the customer they duplicate, the others become new customers (a possible duplicate flagged for review).
     * Returns the note of each created customer, by name key.
     */
    private Map<String, Phrase> match(List<Wanted> names) {
        List<ImportRows.Pending> pending = new ArrayList<>();
        for (Wanted w : names) {
            CustomerForm form = new CustomerForm(
                    w.name(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    String.valueOf(w.ownerId()));
            pending.add(new ImportRows.Pending(w.rowNo(), form, null, w.createdAt(), List.of()));
        }
        ImportDuplicates.lookUpStored(pending, cache);
        InMemoryKeyIndex fresh = new InMemoryKeyIndex();
        List<ImportRows.Pending> created = new ArrayList<>();
        List<String> createdExternalIds = new ArrayList<>();
        List<ImportDuplicates.Verdict> verdicts = new ArrayList<>();
        Map<String, Integer> chunkIndex = new HashMap<>();
        for (int i = 0; i < pending.size(); i++) {
            ImportRows.Pending row = pending.get(i);
            ImportDuplicates.Verdict v = ImportDuplicates.judge(row, cache, fresh, threshold);
            String k = key(names.get(i).name());
            if (v != null && v.certain() && !v.inChunk()) {
                byName.put(k, v.id());
            } else if (v != null && v.certain()) {
                chunkIndex.put(k, v.chunkIndex());
            } else {
                MatchProfile q = row.query;
                fresh.add(new MatchProfile(
                        ImportDuplicates.chunkId(created.size()), q.name(), q.phones(), q.emails(), q.creditCode()));
                chunkIndex.put(k, created.size());
                created.add(row);
                createdExternalIds.add(names.get(i).externalId());
                verdicts.add(v);
            }
        }
        List<Long> ids = customers.insertImported(
                created.stream()
                        .map(r -> new CustomerManagement.ImportedRow(r.form, null, r.createdAt))
                        .toList(),
                createdExternalIds,
                importer.userId());
        List<MatchProfile> profiles = new ArrayList<>();
        List<AuditLog.Fact> facts = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Phrase> notes = new HashMap<>();
        for (int i = 0; i < created.size(); i++) {
            long id = ids.get(i);
            profiles.addAll(created.get(i).profiles(id));
            facts.add(new AuditLog.Fact(String.valueOf(id), "imported", source));
            ImportDuplicates.Verdict v = verdicts.get(i);
            if (v != null) {
                index.flag(id, v.inChunk() ? ids.get(v.chunkIndex()) : v.id(), v.score(), now);
            }
            notes.put(
                    key(created.get(i).form.name()),
                    new Phrase(
                            "customer.import.row.customer-created",
                            created.get(i).form.name(),
                            id));
        }
        chunkIndex.forEach((k, i) -> byName.put(k, ids.get(i)));
        index.add(profiles);
        cache.added(profiles);
        audit.recordedAllBy(importer, "customer", facts);
        return notes;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
