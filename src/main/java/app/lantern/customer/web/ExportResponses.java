package app.lantern.customer.web;

import app.lantern.customer.CustomerExport;
import app.lantern.customer.CustomerManagement;
import app.lantern.shared.ValidationException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A download of the filtered customer list. The scope is captured now, before the response streams. */
final class ExportResponses {

    private ExportResponses() {}

    static ResponseEntity<byte[]> of(CustomerExport export, CustomerManagement.Filter filter, String format) {
        if (!"xlsx".equals(format) && !"csv".equals(format)) {
            throw ValidationException.field("format", "must be xlsx or csv");
        }
        var buffer = new java.io.ByteArrayOutputStream();
        export.export(filter, format, buffer);
        byte[] bytes = buffer.toByteArray();
        String name = export.fileName(format);
        MediaType type = "csv".equals(format)
                ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .contentType(type)
                .contentLength(bytes.length)
                .body(bytes);
    }
}
