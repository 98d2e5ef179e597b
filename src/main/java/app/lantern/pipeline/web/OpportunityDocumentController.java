package app.lantern.pipeline.web;

import app.lantern.customer.CustomerTimeline;
import app.lantern.pipeline.DocumentKind;
import app.lantern.pipeline.OpportunityDocumentService;
import app.lantern.shared.ValidationException;
import app.lantern.shared.web.Downloads;
import java.io.IOException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Uploading and downloading opportunity documents from the detail page. */
@Controller
class OpportunityDocumentController {

    private final OpportunityDocumentService documents;

    OpportunityDocumentController(OpportunityDocumentService documents) {
        this.documents = documents;
    }

    @PostMapping("/opportunities/{id}/documents")
    String upload(
            @PathVariable long id,
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String kind,
            RedirectAttributes redirect)
            throws IOException {
        try {
            documents.upload(
                    id,
                    DocumentKind.parse(kind),
                    file.getOriginalFilename(),
                    file.getContentType(),
                    file.getSize(),
                    file.getInputStream());
            redirect.addFlashAttribute("documentMessage", "uploaded");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("documentError", e.errors().getFirst().message());
        }
        return "redirect:/opportunities/" + id + "#documents";
    }

    @GetMapping("/opportunities/{id}/documents/{documentId}")
    ResponseEntity<InputStreamResource> download(@PathVariable long id, @PathVariable long documentId) {
        return file(documents.download(id, documentId));
    }

    static ResponseEntity<InputStreamResource> file(CustomerTimeline.Download d) {
        return Downloads.attachment(d.attachment().fileName(), d.attachment().sizeBytes(), d.content());
    }
}
