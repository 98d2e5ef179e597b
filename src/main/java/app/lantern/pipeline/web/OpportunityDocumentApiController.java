package app.lantern.pipeline.web;

import app.lantern.pipeline.DocumentKind;
import app.lantern.pipeline.OpportunityDocument;
import app.lantern.pipeline.OpportunityDocumentService;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/v1/opportunities/{id}/documents}: multipart upload with a kind, list and download. */
@RestController
@RequestMapping("/api/v1/opportunities/{id}/documents")
class OpportunityDocumentApiController {

    private final OpportunityDocumentService documents;

    OpportunityDocumentApiController(OpportunityDocumentService documents) {
        this.documents = documents;
    }

    record DocumentJson(
            String id,
            String opportunityId,
            DocumentKind kind,
            String fileName,
            long sizeBytes,
            String uploadedBy,
            OffsetDateTime uploadedAt) {}

    static DocumentJson json(OpportunityDocument d) {
        return new DocumentJson(
                String.valueOf(d.id()),
                String.valueOf(d.opportunityId()),
                d.kind(),
                d.fileName(),
                d.sizeBytes(),
                d.uploadedBy(),
                d.uploadedAt());
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    DocumentJson upload(@PathVariable long id, @RequestParam("file") MultipartFile file, @RequestParam String kind)
            throws IOException {
        return json(documents.upload(
                id,
                DocumentKind.parse(kind),
                file.getOriginalFilename(),
                file.getContentType(),
                file.getSize(),
                file.getInputStream()));
    }

    @GetMapping
    List<DocumentJson> list(@PathVariable long id) {
        return documents.of(id).stream()
                .map(OpportunityDocumentApiController::json)
                .toList();
    }

    @GetMapping("/{documentId}")
    ResponseEntity<InputStreamResource> download(@PathVariable long id, @PathVariable long documentId) {
        return OpportunityDocumentController.file(documents.download(id, documentId));
    }
}
