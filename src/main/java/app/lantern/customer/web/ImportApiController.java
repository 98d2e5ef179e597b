package app.lantern.customer.web;

import app.lantern.customer.CustomerImports;
import app.lantern.shared.ValidationException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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

/** Customer imports over REST: upload a file and the import starts (auto-mapped headers unless a mapping is given). */
@RestController
@RequestMapping("/api/v1/imports")
class ImportApiController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final CustomerImports imports;

    ImportApiController(CustomerImports imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<CustomerImports.ImportJob> start(
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String encoding,
            @RequestParam(required = false) String duplicatePolicy,
            @RequestParam(required = false) String mapping)
            throws IOException {
        Map<String, String> m = null;
        if (mapping != null && !mapping.isBlank()) {
            try {
                m = JSON.readValue(mapping, new TypeReference<Map<String, String>>() {});
            } catch (RuntimeException e) {
                throw ValidationException.field("mapping", "must be a JSON object {\"column index\": \"field\"}");
            }
        }
        CustomerImports.ImportJob job =
                imports.upload(file.getOriginalFilename(), file.getBytes(), encoding, duplicatePolicy);
        CustomerImports.ImportJob started = imports.start(Long.parseLong(job.id()), m, duplicatePolicy);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/imports/" + started.id()))
                .body(started);
    }

    @GetMapping("/{id}")
    CustomerImports.ImportJob get(@PathVariable long id) {
        return imports.get(id);
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
