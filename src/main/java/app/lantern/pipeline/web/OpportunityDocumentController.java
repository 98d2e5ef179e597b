package app.lantern.pipeline.web;

import app.lantern.customer.CustomerTimeline;
import app.lantern.pipeline.DocumentKind;
import app.lantern.pipeline.OpportunityDocument;
import app.lantern.pipeline.OpportunityDocumentService;
import app.lantern.shared.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Uploading and downloading opportunity documents, from the detail page and through {@code /api/v1}. */
@Controller
class OpportunityDocumentController {

    private final OpportunityDocumentService documents;

    OpportunityDocumentController(OpportunityDocumentService documents) {
        this.documents = documents;
    }

    record DocumentJson(String id, String opportunityId, DocumentKind kind, String fileName, long sizeBytes, String uploadedBy,
            OffsetDateTime uploadedAt) {}

    static DocumentJson json(OpportunityDocument d) {
        return new DocumentJson(String.valueOf(d.id()), String.valueOf(d.opportunityId()), d.kind(), d.fileName(), d.sizeBytes(),
                d.uploadedBy(), d.uploadedAt());
    }

    @PostMapping("/opportunities/{id}/documents")
    String upload(@PathVariable long id, @RequestParam("file") MultipartFile file, @RequestParam(required = false) String kind,
            RedirectAttributes redirect) throws IOException {
        try {
            documents.upload(id, kind(kind), file.getOriginalFilename(), file.getContentType(), file.getSize(), file.getInputStream());
            redirect.addFlashAttribute("documentMessage", "uploaded");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("documentError", e.errors().getFirst().message());
        }
        return "redirect:/opportunities/" + id + "#documents";
    }

    @GetMapping({"/opportunities/{id}/documents/{documentId}", "/api/v1/opportunities/{id}/documents/{documentId}"})
    ResponseEntity<InputStreamResource> download(@PathVariable long id, @PathVariable long documentId) {
        CustomerTimeline.Download d = documents.download(id, documentId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(d.attachment().fileName(), StandardCharsets.UTF_8)
                        .build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(d.attachment().sizeBytes())
                .body(new InputStreamResource(d.content()));
    }

    @PostMapping(path = "/api/v1/opportunities/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @ResponseBody
    DocumentJson uploadApi(@PathVariable long id, @RequestParam("file") MultipartFile file, @RequestParam String kind) throws IOException {
        return json(documents.upload(id, kind(kind), file.getOriginalFilename(), file.getContentType(), file.getSize(), file.getInputStream()));
    }

    @GetMapping("/api/v1/opportunities/{id}/documents")
    @ResponseBody
    List<DocumentJson> list(@PathVariable long id) {
        return documents.of(id).stream().map(OpportunityDocumentController::json).toList();
    }

    private static DocumentKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return DocumentKind.COMPETITOR_COMPARISON;
        }
        try {
            return DocumentKind.valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
            throw ValidationException.field("kind", "must be one of COMPETITOR_COMPARISON, PROPOSAL, OTHER");
        }
    }
}
