package app.lantern.customer.web;

import app.lantern.customer.ContactForm;
import app.lantern.customer.CustomerForm;
import app.lantern.customer.CustomerManagement;
import app.lantern.customer.CustomerMerging;
import app.lantern.customer.CustomerTimeline;
import app.lantern.customer.CustomerValue;
import app.lantern.customer.CustomerView;
import app.lantern.customer.DuplicateCandidate;
import app.lantern.customer.DuplicateQuery;
import app.lantern.shared.ConflictException;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.PageQuery;
import app.lantern.shared.PageResult;
import app.lantern.shared.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

/** Customer pages: list with filters, create/edit with inline checks and 疑似重复, detail with timeline, merge. */
@Controller
@RequestMapping("/customers")
class CustomerPageController {

    private final CustomerManagement customers;
    private final CustomerMerging merging;
    private final CustomerTimeline timeline;
    private final CustomerValue value;
    private final app.lantern.customer.CustomerExport export;

    CustomerPageController(
            CustomerManagement customers,
            CustomerMerging merging,
            CustomerTimeline timeline,
            CustomerValue value,
            app.lantern.customer.CustomerExport export) {
        this.export = export;
        this.customers = customers;
        this.merging = merging;
        this.timeline = timeline;
        this.value = value;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String tier,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String industry,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) String sort,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        var filter = new CustomerManagement.Filter(q, tier, province, industry, status, null);
        PageResult<CustomerView> result =
                customers.list(filter, PageQuery.of(page, 50, sort, CustomerManagement.SORT_FIELDS, "updatedAt,desc"));
        model.addAttribute("result", result);
        model.addAttribute("filter", filter);
        model.addAttribute("sort", sort);
        if (htmx != null) {
            return "customer/list :: rows";
        }
        model.addAttribute("facets", customers.facets());
        return "customer/list";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        model.addAttribute("form", CustomerForm.named(""));
        return form(model, null);
    }

    private String form(Model model, CustomerView existing) {
        model.addAttribute("existing", existing);
        model.addAttribute("sizes", CustomerForm.SIZES);
        model.addAttribute("statuses", CustomerForm.STATUSES);
        model.addAttribute("threshold", customers.threshold());
        return "customer/form";
    }

    /** Inline checks while typing: field errors and 疑似重复 candidates, as a fragment. */
    @PostMapping("/check")
    String check(@ModelAttribute CustomerForm form, @RequestParam(required = false) Long id, Model model) {
        model.addAttribute("errors", errorMap(customers.validate(form, id == null)));
        List<DuplicateCandidate> candidates = List.of();
        if (!isBlank(form.name()) || !isBlank(form.phone()) || !isBlank(form.email()) || !isBlank(form.creditCode())) {
            candidates =
                    customers
                            .duplicates(
                                    new DuplicateQuery(form.name(), form.phone(), form.email(), form.creditCode(), id))
                            .stream()
                            .filter(c -> c.score() >= customers.threshold())
                            .toList();
        }
        model.addAttribute("candidates", candidates);
        model.addAttribute("existingId", id);
        return "customer/form :: checks";
    }

    @PostMapping
    String create(
            @ModelAttribute CustomerForm form,
            @RequestParam(defaultValue = "false") boolean confirmNotDuplicate,
            Model model) {
        try {
            CustomerView created = customers.create(form, confirmNotDuplicate);
            return "redirect:/customers/" + created.id() + "?created";
        } catch (ValidationException e) {
            model.addAttribute("errors", errorMap(e.errors()));
        } catch (ConflictException e) {
            model.addAttribute("candidates", e.properties().get("candidates"));
            model.addAttribute("duplicateBlocked", true);
        }
        model.addAttribute("form", form);
        return form(model, null);
    }

    /** "合并到该客户" from the 疑似重复 prompt: first what the merge keeps from which side, then {@link #mergeInto}. */
    @PostMapping("/merge-into/preview")
    String mergeIntoPreview(@ModelAttribute CustomerForm form, @RequestParam long targetId, Model model) {
        model.addAttribute("preview", merging.previewInto(targetId, form));
        model.addAttribute("form", form);
        return "customer/merge-into";
    }

    /** The confirmed "合并到该客户": fills the existing customer's blank fields from the form. */
    @PostMapping("/merge-into")
    String mergeInto(@ModelAttribute CustomerForm form, @RequestParam long targetId, RedirectAttributes redirect) {
        CustomerView target = customers.get(targetId);
        CustomerForm fill = new CustomerForm(
                null,
                blankOr(target.shortName(), form.shortName()),
                blankOr(target.creditCode(), form.creditCode()),
                blankOr(target.industry(), form.industry()),
                blankOr(target.province(), form.province()),
                blankOr(target.city(), form.city()),
                blankOr(target.address(), form.address()),
                blankOr(target.size(), form.size()),
                blankOr(target.source(), form.source()),
                null,
                null,
                blankOr(target.phone(), form.phone()),
                blankOr(target.email(), form.email()),
                blankOr(target.website(), form.website()),
                null);
        try {
            customers.update(targetId, fill, null);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        redirect.addFlashAttribute("message", "mergedInto");
        return "redirect:/customers/" + targetId;
    }

    private static String blankOr(String existing, String incoming) {
        return existing == null && !isBlank(incoming) ? incoming : null;
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        CustomerView c = customers.get(id);
        model.addAttribute("c", c);
        model.addAttribute("contacts", customers.contacts(id));
        model.addAttribute("timeline", timeline.feed(id, 100));
        model.addAttribute("attachments", timeline.attachments(id));
        model.addAttribute("history", merging.history(id));
        model.addAttribute("merged", merging.mergedInto(id));
        model.addAttribute("owners", customers.assignableOwners());
        model.addAttribute("roles", ContactForm.ROLES);
        model.addAttribute("value", value.latest(id).orElse(null));
        model.addAttribute("tierHistory", value.history(id));
        model.addAttribute("maxUploadMb", timeline.maxAttachmentBytes() / 1024 / 1024);
        model.addAttribute(
                "duplicates",
                customers.duplicates(new DuplicateQuery(c.name(), c.phone(), c.email(), c.creditCode(), id)).stream()
                        .filter(d -> d.score() >= customers.threshold())
                        .toList());
        return "customer/detail";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        CustomerView c = customers.get(id);
        model.addAttribute(
                "form",
                new CustomerForm(
                        c.name(),
                        c.shortName(),
                        c.creditCode(),
                        c.industry(),
                        c.province(),
                        c.city(),
                        c.address(),
                        c.size(),
                        c.source(),
                        c.tags(),
                        c.status(),
                        c.phone(),
                        c.email(),
                        c.website(),
                        c.ownerId()));
        model.addAttribute("version", c.version());
        return form(model, c);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute CustomerForm form,
            @RequestParam(required = false) Integer version,
            Model model) {
        CustomerForm changes = new CustomerForm(
                nz(form.name()),
                nz(form.shortName()),
                nz(form.creditCode()),
                nz(form.industry()),
                nz(form.province()),
                nz(form.city()),
                nz(form.address()),
                nz(form.size()),
                nz(form.source()),
                nz(form.tags()),
                form.status(),
                nz(form.phone()),
                nz(form.email()),
                nz(form.website()),
                null);
        try {
            customers.update(id, changes, version);
            return "redirect:/customers/" + id;
        } catch (ValidationException e) {
            model.addAttribute("errors", errorMap(e.errors()));
        } catch (ConflictException e) {
            model.addAttribute("error", e.getMessage());
        }
        model.addAttribute("form", form);
        model.addAttribute("version", version);
        return form(model, customers.get(id));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @PostMapping("/{id}/owner")
    String transfer(@PathVariable long id, @RequestParam long ownerId, RedirectAttributes redirect) {
        try {
            customers.transferOwner(id, ownerId);
            redirect.addFlashAttribute("message", "transferred");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", e.errors().getFirst().message());
        }
        return "redirect:/customers/" + id;
    }

    @PostMapping("/{id}/contacts")
    String addContact(@PathVariable long id, @ModelAttribute ContactForm form, RedirectAttributes redirect) {
        try {
            customers.addContact(id, form);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("contactErrors", e.errors());
            redirect.addFlashAttribute("contactDraft", form);
        }
        return "redirect:/customers/" + id + "#contacts";
    }

    @PostMapping("/{id}/contacts/{contactId}/status")
    String contactStatus(@PathVariable long id, @PathVariable long contactId, @RequestParam String status) {
        customers.updateContact(id, contactId, new ContactForm(null, null, null, null, null, null, null, status, null));
        return "redirect:/customers/" + id + "#contacts";
    }

    @PostMapping("/{id}/notes")
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

    @PostMapping("/{id}/attachments")
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

    @GetMapping("/{id}/attachments/{attachmentId}")
    ResponseEntity<InputStreamResource> download(@PathVariable long id, @PathVariable long attachmentId) {
        CustomerTimeline.Download d = timeline.download(id, attachmentId);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(d.attachment().fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(d.attachment().sizeBytes())
                .body(new InputStreamResource(d.content()));
    }

    @GetMapping("/{id}/merge")
    String mergePreview(@PathVariable long id, @RequestParam long duplicateId, Model model) {
        model.addAttribute("preview", merging.preview(id, duplicateId));
        return "customer/merge";
    }

    @PostMapping("/{id}/merge")
    String merge(@PathVariable long id, @RequestParam long duplicateId, RedirectAttributes redirect) {
        merging.merge(id, duplicateId);
        redirect.addFlashAttribute("message", "merged");
        return "redirect:/customers/" + id;
    }

    @PostMapping("/{id}/not-duplicate")
    String notDuplicate(@PathVariable long id, @RequestParam long duplicateId, RedirectAttributes redirect) {
        customers.confirmDistinct(id, duplicateId);
        redirect.addFlashAttribute("message", "distinct");
        return "redirect:/customers/" + id;
    }

    @GetMapping("/export")
    ResponseEntity<byte[]> export(
            @RequestParam(defaultValue = "xlsx") String format,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String tier,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String industry,
            @RequestParam(required = false) String status) {
        return ExportResponses.of(
                export, new CustomerManagement.Filter(q, tier, province, industry, status, null), format);
    }

    @GetMapping("/duplicates")
    String duplicates(Model model) {
        model.addAttribute("clusters", merging.clusters(200));
        return "customer/duplicates";
    }

    static Map<String, String> errorMap(List<FieldErrors.FieldError> errors) {
        return errors.stream()
                .collect(Collectors.toMap(FieldErrors.FieldError::field, FieldErrors.FieldError::message, (a, b) -> a));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
