package app.lantern.customer;

import app.lantern.audit.AuditLog;
import app.lantern.identity.UserSummary;
import app.lantern.shared.ValidationException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lantern.db.tables.records.CustomerImportsRecord;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The kinds an import can be of: {@code customers} (this module's own) and every {@link ImportKind} other modules
 * provide; the fields, proposed and confirmed mappings and stage mappings of each.
 */
@Component
class ImportKinds {

    static final String CUSTOMERS = "customers";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectProvider<ImportKind> provided;
    private final DSLContext db;
    private final CustomerManagement customers;
    private final MatchIndex index;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    ImportKinds(
            ObjectProvider<ImportKind> provided,
            DSLContext db,
            CustomerManagement customers,
            MatchIndex index,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock) {
        this.provided = provided;
        this.db = db;
        this.customers = customers;
        this.index = index;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** Every kind's code, customers first. */
    List<String> codes() {
        List<String> codes = new ArrayList<>(List.of(CUSTOMERS));
        provided.orderedStream().forEach(k -> codes.add(k.code()));
        return codes;
    }

    /** The kind a request names (blank: customers); null for customers, which this module imports itself. */
    ImportKind kind(String code) {
        if (code == null || code.isBlank() || code.strip().equals(CUSTOMERS)) {
            return null;
        }
        return provided.orderedStream()
                .filter(k -> k.code().equals(code.strip()))
                .findFirst()
                .orElseThrow(() -> ValidationException.field("kind", "must be one of " + codes()));
    }

    static String code(ImportKind kind) {
        return kind == null ? CUSTOMERS : kind.code();
    }

    List<String> fields(ImportKind kind) {
        return kind == null ? ImportFields.FIELDS : kind.fields();
    }

    Map<String, String> propose(ImportKind kind, List<String> headers) {
        if (kind == null) {
            return ImportFields.propose(headers);
        }
        Map<String, String> names = new HashMap<>();
        kind.headers().forEach((field, list) -> list.forEach(h -> names.put(ImportFields.normalize(h), field)));
        return ImportFields.propose(headers, h -> names.get(ImportFields.normalize(h)));
    }

    Map<String, String> confirm(ImportKind kind, Map<String, String> mapping, int columns) {
        return kind == null
                ? ImportFields.confirm(mapping, columns)
                : ImportFields.confirm(mapping, columns, kind.fields(), kind.required());
    }

    /** A stage mapping {file value → stage id} checked against the kind's stages. */
    Map<String, String> confirmStages(ImportKind kind, Map<String, String> stages) {
        Map<String, String> m = new LinkedHashMap<>();
        if (kind == null || stages == null) {
            return m;
        }
        List<String> known =
                kind.stageChoices().stream().map(c -> String.valueOf(c.id())).toList();
        stages.forEach((value, stage) -> {
            if (value == null || value.isBlank() || stage == null || stage.isBlank()) {
                return;
            }
            if (!known.contains(stage.strip())) {
                throw ValidationException.field(
                        "stageMapping", "stage " + stage + " (for " + value + ") is not a stage of an active pipeline");
            }
            m.put(value.strip(), stage.strip());
        });
        return m;
    }

    /** The chunks of a stored history import. */
    ImportRun.ChunkProcessor chunks(
            CustomerImportsRecord job, UserSummary owner, ImportOwners owners, Map<String, String> mapping) {
        ImportKind kind = kind(job.getKind());
        Map<String, String> stored = job.getStageMapping() == null
                ? Map.of()
                : JSON.readValue(job.getStageMapping(), new TypeReference<Map<String, String>>() {});
        Map<String, Long> stages = new HashMap<>();
        stored.forEach((value, stage) -> {
            stages.put(value, Long.parseLong(stage));
            stages.putIfAbsent(value.toLowerCase(Locale.ROOT), Long.parseLong(stage));
        });
        return new KindChunks(
                new CustomerChunks.Context(db, customers, index, audit, tx, clock),
                kind,
                job.getId(),
                job.getFileName(),
                JSON.readValue(job.getHeaders(), new TypeReference<List<String>>() {}),
                mapping,
                stages,
                owners,
                new ImportRun.JobActor(owner.id(), owner.username()));
    }
}
