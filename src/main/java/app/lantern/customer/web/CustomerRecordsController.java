package app.lantern.customer.web;

import app.lantern.customer.ContactForm;
import app.lantern.customer.CustomerManagement;
import app.lantern.customer.CustomerTimeline;
import app.lantern.shared.ValidationException;
import app.lantern.shared.web.Downloads;
import java.io.IOException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the customer page adds to a customer: contacts and their status, notes on the timeline, attachments. */
@Controller
@RequestMapping("/customers/{id}")
class CustomerRecordsController {

    private final CustomerManagement customers;
    private final CustomerTimeline timeline;

    CustomerRecordsController(CustomerManagement customers, CustomerTimeline timeline) {
        this.customers = customers;
        this.timeline = timeline;
    }

    @PostMapping("/contacts")
    String addContact(@PathVariable long id, @ModelAttribute ContactForm form, RedirectAttributes redirect) {
        try {
            customers.addContact(id, form);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("contactErrors", e.errors());
            redirect.addFlashAttribute("contactDraft", form);
        }
        return "redirect:/customers/" + id + "#contacts";
    }

    @PostMapping("/contacts/{contactId}/status")
    String contactStatus(@PathVariable long id, @PathVariable long contactId, @RequestParam String status) {
        customers.updateContact(id, contactId, new ContactForm(null, null, null, null, null, null, null, status, null));
        return "redirect:/customers/" + id + "#contacts";
    }

    @PostMapping("/notes")
    String note(
            @PathVariable long id,
            @RequestParam String text,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model,
            RedirectAttributes redirect) {
        try {
            timeline.addNote(id, text);
        } catch (ValidationException e) {
            if (htmx == null) {
                redirect.addFlashAttribute("error", e.errors().getFirst().message());
            }
            model.addAttribute("noteError", e.errors().getFirst().message());
        }
        if (htmx != null) {
            model.addAttribute("c", customers.get(id));
            model.addAttribute("timeline", timeline.feed(id, 100));
            return "customer/detail :: timeline";
        }
        return "redirect:/customers/" + id + "#timeline";
    }

    @PostMapping("/attachments")
    String upload(@PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        try {
            timeline.upload(
                    id, file.getOriginalFilename(), file.getContentType(), file.getSize(), file.getInputStream());
            redirect.addFlashAttribute("message", "uploaded");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", e.errors().getFirst().message());
        }
        return "redirect:/customers/" + id + "#attachments";
    }

    @GetMapping("/attachments/{attachmentId}")
    ResponseEntity<InputStreamResource> download(@PathVariable long id, @PathVariable long attachmentId) {
        CustomerTimeline.Download d = timeline.download(id, attachmentId);
        return Downloads.attachment(d.attachment().fileName(), d.attachment().sizeBytes(), d.content());
    }
}
