package app.lantern.customer;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * An import as its owner sees it: the file, the mapping, the progress and the count of every outcome; {@code imported
 * + review + merged + skipped + rejected} is the number of rows processed. {@code rows} lists the rows worth a look
 * (all but plain imports), with their reasons in the reader's language.
 */
public record ImportJob(
        String id,
        String ownerId,
        String fileName,
        String format,
        String encoding,
        String status,
        List<String> headers,
        Map<String, String> mapping,
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

    /** A row's outcome; {@code row} counts from 1 for the header, so the first data row is 2 as a spreadsheet shows. */
    public record Row(int row, String outcome, String customerId, String message) {}

    public int percent() {
        return totalRows == 0 ? ("DONE".equals(status) ? 100 : 0) : Math.min(100, processedRows * 100 / totalRows);
    }

    ImportJob withPreview(List<List<String>> head) {
        return new ImportJob(
                id,
                ownerId,
                fileName,
                format,
                encoding,
                status,
                headers,
                mapping,
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
