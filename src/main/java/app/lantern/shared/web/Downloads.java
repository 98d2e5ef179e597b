package app.lantern.shared.web;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A stored file handed back to the user: always as a download under its (UTF-8) name, never rendered inline, and never
 * sniffed into something the browser would run.
 */
public final class Downloads {

    private Downloads() {}

    public static ResponseEntity<InputStreamResource> attachment(String fileName, long sizeBytes, InputStream content) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(sizeBytes)
                .body(new InputStreamResource(content));
    }
}
