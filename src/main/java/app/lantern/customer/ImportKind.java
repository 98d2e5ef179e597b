package app.lantern.customer;

import java.util.List;
import java.util.Map;

/**
 * SPI: a kind of history an import brings in besides customers (opportunities, their stage history, activities),
 * implemented by the module that owns the records. The import engine here reads the file, proposes and checks the
 * column mapping, resolves owners and customers, runs the rows in chunks and records every row's outcome, progress and
 * error report; the kind turns a chunk of mapped rows into its records, in the chunk's transaction, and audits them.
 */
public interface ImportKind {

    /** The {@code kind} parameter naming it, e.g. {@code opportunities}. */
    String code();

    /** The fields a column can fill, in the order the mapping step lists them. */
    List<String> fields();

    /**
     * Header names proposing each field, as exports write them (Chinese, English and the column names of Salesforce,
     * HubSpot, Zoho and Pipedrive exports); compared without case, spaces and punctuation.
     */
    Map<String, List<String>> headers();

    /** Fields a mapping must map (the import cannot identify a row without them). */
    List<String> required();

    /** The field whose distinct values the importer maps to pipeline stages in the mapping step; null for none. */
    default String stageField() {
        return null;
    }

    /** The stages a stage value may be mapped to (every active pipeline's stages), in the mapping step's order. */
    default List<StageChoice> stageChoices() {
        return List.of();
    }

    /**
     * Writes one chunk of rows (none of them blank) in the caller's transaction and returns one outcome per row:
     * IMPORTED (created), MERGED (an external id already known: updated in place), SKIPPED or REJECTED (with a reason
     * naming the column, see {@link ImportBatch#problem}). Called with at most a few thousand rows.
     */
    List<ImportRowResult> importRows(ImportBatch batch);

    /** A stage a file's stage value can be mapped to: its id and a label naming its pipeline. */
    record StageChoice(long id, long pipelineId, String pipeline, String stage) {}
}
