package app.lantern.customer;

import app.lantern.identity.CurrentActor;
import app.lantern.identity.Role;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the upload and mapping pages offer: the kinds of import the user may start, the fields of each, and for deal
 * files the stage values found in the file with the pipeline stages they can be mapped to.
 */
@Service
public class ImportMappingStep {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CustomerImports imports;
    private final ImportKinds kinds;
    private final AttachmentStorage storage;
    private final CurrentActor currentActor;

    ImportMappingStep(
            CustomerImports imports, ImportKinds kinds, AttachmentStorage storage, CurrentActor currentActor) {
        this.imports = imports;
        this.kinds = kinds;
        this.storage = storage;
        this.currentActor = currentActor;
    }

    /** The kinds of import the signed-in user may start (history kinds for administrators). */
    public List<String> kinds() {
        return currentActor.require().has(Role.ADMIN) ? kinds.codes() : List.of(ImportKinds.CUSTOMERS);
    }

    /** The fields a column of an import of {@code kind} can fill. */
    public List<String> fields(String kind) {
        return kinds.fields(kinds.kind(kind));
    }

    /** The stages a stage value of an import of {@code kind} can be mapped to (none for customers). */
    public List<ImportKind.StageChoice> stageChoices(String kind) {
        ImportKind k = kinds.kind(kind);
        return k == null ? List.of() : k.stageChoices();
    }

    /**
     * The distinct values (at most 200, in file order) of the column the import's mapping gives its kind's stage field,
     * each with the stage proposed for it (the one already chosen, else a stage of the same name), for the stage
     * mapping step; empty when the kind has none or no column is mapped to it.
     */
    public List<ImportJob.StageValue> stageValues(long id) {
        var r = imports.visible(id);
        ImportKind k = kinds.kind(r.getKind());
        Map<String, String> mapping = JSON.readValue(r.getMapping(), new TypeReference<Map<String, String>>() {});
        String column = k == null || k.stageField() == null
                ? null
                : mapping.entrySet().stream()
                        .filter(e -> e.getValue().equals(k.stageField()))
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElse(null);
        if (column == null) {
            return List.of();
        }
        Map<String, String> chosen = r.getStageMapping() == null
                ? Map.of()
                : JSON.readValue(r.getStageMapping(), new TypeReference<Map<String, String>>() {});
        List<ImportKind.StageChoice> choices = k.stageChoices();
        return ImportStageValues.read(storage, r, Integer.parseInt(column)).stream()
                .map(v -> new ImportJob.StageValue(
                        v,
                        chosen.getOrDefault(
                                v,
                                choices.stream()
                                        .filter(c -> c.stage().equalsIgnoreCase(v))
                                        .map(c -> String.valueOf(c.id()))
                                        .findFirst()
                                        .orElse(null))))
                .toList();
    }
}
