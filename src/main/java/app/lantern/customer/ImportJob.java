package app.lantern.customer;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * An import as its owner sees it: the file, the mapping, the progress and the count of every outcome; {@code imported
 * + review + merged + skipped + rejected} is the number of rows processed. {@code rows} lists the rows worth a look
 * (all but plain imports), with their reasons in the reader's language. {@code kind} is customers, opportunities,
 * stage-history or activities; {@code stageMapping} maps a file's stage values to stage ids.
 */
public record ImportJob(
        String id,
        String ownerId,
        String kind,
        String fileName,
        String format,
        String encoding,
        String status,
        List<String> headers,
        Map<String, String> mapping,
        Map<String, String> stageMapping,
        String duplicatePolicy,
        String defaultOwnerId,
        int totalRows,
        int processedRows,
        int imported,
        int review,
        int merged,
        int skipped,
        int rejected,
        String message,
        OffsetDateTime createdAt,
        OffsetDateTime finishedAt,
        List<List<String>> preview,
        List<Row> rows) {

    /**
     * A row's outcome; {@code row} counts from 1 for the header, so the first data row is 2 as a spreadsheet shows.
     * {@code recordId} is the record the row created or updated (a customer, opportunity or activity, by the import's
     * kind); {@code customerId} is the same for customer imports.
     */
    public record Row(int row, String outcome, String customerId, String recordId, String message) {}

    /** A stage value of the file and the stage id it is (proposed to be) mapped to, or null. */
    public record StageValue(String value, String stageId) {}

    public int percent() {
        return totalRows == 0 ? ("DONE".equals(status) ? 100 : 0) : Math.min(100, processedRows * 100 / totalRows);
    }

    ImportJob withPreview(List<List<String>> head) {
        return new ImportJob(
                id,
                ownerId,
                kind,
                fileName,
                format,
                encoding,
                status,
                headers,
                mapping,
                stageMapping,
                duplicatePolicy,
                defaultOwnerId,
                totalRows,
                processedRows,
                imported,
                review,
                merged,
                skipped,
                rejected,
                message,
                createdAt,
                finishedAt,
                head,
                rows);
    }
}
