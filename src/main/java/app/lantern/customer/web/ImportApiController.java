package app.lantern.customer.web;

import app.lantern.customer.CustomerImports;
import app.lantern.customer.ImportJob;
import app.lantern.shared.ValidationException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports over REST: upload a file and the import starts, with the headers' proposed mapping or an explicit
 * {@code mapping} {"column index": "field"} (any header row will do then), and an optional default owner. {@code kind}
 * is customers (default), opportunities, stage-history or activities (administrators); {@code stageMapping} {"stage
 * in the file": "stage id"} maps stage values to a pipeline's stages (unmapped values match a stage of the same name).
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportApiController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final CustomerImports imports;

    ImportApiController(CustomerImports imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportJob> start(
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String encoding,
            @RequestParam(required = false) String duplicatePolicy,
            @RequestParam(required = false) String mapping,
            @RequestParam(required = false) String defaultOwner,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String stageMapping)
            throws IOException {
        Map<String, String> m = json("mapping", mapping, "{\"column index\": \"field\"}");
        Map<String, String> stages = json("stageMapping", stageMapping, "{\"stage in the file\": \"stage id\"}");
        ImportJob started = imports.submit(
                file.getOriginalFilename(), file.getBytes(), encoding, duplicatePolicy, m, defaultOwner, kind, stages);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/imports/" + started.id()))
                .body(started);
    }

    private static Map<String, String> json(String field, String value, String shape) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(value, new TypeReference<Map<String, String>>() {});
        } catch (RuntimeException e) {
            throw ValidationException.field(field, "must be a JSON object " + shape);
        }
    }

    @GetMapping("/{id}")
    ImportJob get(@PathVariable long id) {
        return imports.get(id);
    }

    /** Every row's outcome in file order (line 2 is the first data row), a page of at most 1,000 after {@code after}. */
    @GetMapping("/{id}/rows")
    List<ImportJob.Row> rows(
            @PathVariable long id,
            @RequestParam(defaultValue = "1") int after,
            @RequestParam(defaultValue = "1000") int limit) {
        return imports.rows(id, after, limit);
    }

    @GetMapping("/{id}/errors")
    ResponseEntity<byte[]> errors(@PathVariable long id) {
        return errorReport(imports, id);
    }

    static ResponseEntity<byte[]> errorReport(CustomerImports imports, long id) {
        byte[] bytes = imports.errorReport(id).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("import-" + id + "-errors.csv")
                                .build()
                                .toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(bytes);
    }
}
