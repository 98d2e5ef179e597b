package app.lantern.customer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import lantern.db.tables.records.CustomerImportsRecord;

/** The distinct values of one column of a stored import file: the stage values the importer maps to stages. */
final class ImportStageValues {

    static final int MAX_VALUES = 200;

    private ImportStageValues() {}

    static List<String> read(AttachmentStorage storage, CustomerImportsRecord job, int column) {
        byte[] content;
        try (InputStream in = storage.open(job.getStorageKey())) {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Charset charset = job.getEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(job.getEncoding());
        Set<String> values = new LinkedHashSet<>();
        boolean[] header = {true};
        SheetReader.read(job.getFormat(), content, charset, row -> {
            if (header[0]) {
                header[0] = false;
                return true;
            }
            String v = column < row.size() ? row.get(column) : null;
            if (v != null && !v.isBlank()) {
                values.add(v.strip());
            }
            return values.size() < MAX_VALUES;
        });
        return new ArrayList<>(values);
    }
}
