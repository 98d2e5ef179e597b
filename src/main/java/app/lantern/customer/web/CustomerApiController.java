package app.lantern.customer.web;

import app.lantern.customer.ContactForm;
import app.lantern.customer.ContactView;
import app.lantern.customer.CustomerForm;
import app.lantern.customer.CustomerManagement;
import app.lantern.customer.CustomerMerging;
import app.lantern.customer.CustomerTimeline;
import app.lantern.customer.CustomerView;
import app.lantern.customer.DuplicateCandidate;
import app.lantern.customer.DuplicateQuery;
import app.lantern.customer.TimelineEntryView;
import app.lantern.customer.TimelineIngest;
import app.lantern.customer.TimelineItem;
import app.lantern.shared.PageQuery;
import app.lantern.shared.PageResult;
import app.lantern.shared.ValidationException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Customers, contacts, duplicates, merge and timeline over REST; same rules and scopes as the pages. */
@RestController
@RequestMapping("/api/v1/customers")
class CustomerApiController {

    private final CustomerManagement customers;
    private final CustomerMerging merging;
    private final CustomerTimeline timeline;
    private final app.lantern.customer.CustomerExport export;
    private final app.lantern.customer.CustomerValue value;
    private final app.lantern.identity.CurrentActor currentActor;

    CustomerApiController(
            CustomerManagement customers,
            CustomerMerging merging,
            CustomerTimeline timeline,
            app.lantern.customer.CustomerExport export,
            app.lantern.customer.CustomerValue value,
            app.lantern.identity.CurrentActor currentActor) {
        this.export = export;
        this.value = value;
        this.currentActor = currentActor;
        this.customers = customers;
        this.merging = merging;
        this.timeline = timeline;
    }

    record CreateCustomer(
            String name,
            String shortName,
            String creditCode,
            String industry,
            String province,
            String city,
            String address,
            String size,
            String source,
            String tags,
            String status,
            String phone,
            String email,
            String website,
            String ownerId,
            Boolean confirmNotDuplicate) {

        CustomerForm form() {
            return new CustomerForm(
                    name,
                    shortName,
                    creditCode,
                    industry,
                    province,
                    city,
                    address,
                    size,
                    source,
                    tags,
                    status,
                    phone,
                    email,
                    website,
                    ownerId);
        }
    }

    record DuplicateCheck(String name, String phone, String email, String creditCode, String excludeId) {}

    record Candidates(List<DuplicateCandidate> candidates, double threshold) {}

    record OwnerChange(String ownerId) {}

    record MergeRequest(String duplicateId) {}

    record Note(String text) {}

    @GetMapping
    PageResult<CustomerView> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String tier,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String industry,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Long ownerId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        return customers.list(
                new CustomerManagement.Filter(q, tier, province, industry, status, ownerId),
                PageQuery.of(page, size, sort, CustomerManagement.SORT_FIELDS, "updatedAt,desc"));
    }

    @PostMapping
    ResponseEntity<CustomerView> create(@RequestBody CreateCustomer body) {
        CustomerView created = customers.create(body.form(), Boolean.TRUE.equals(body.confirmNotDuplicate()));
        return ResponseEntity.created(URI.create("/api/v1/customers/" + created.id()))
                .body(created);
    }

    @GetMapping("/export")
    ResponseEntity<byte[]> export(
            @RequestParam(defaultValue = "xlsx") String format,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String tier,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String industry,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Long ownerId) {
        return ExportResponses.of(
                export, new CustomerManagement.Filter(q, tier, province, industry, status, ownerId), format);
    }

    @GetMapping("/{id}")
    CustomerView get(@PathVariable long id) {
        return customers.get(id);
    }

    @PatchMapping("/{id}")
    CustomerView update(@PathVariable long id, @RequestBody CustomerForm body) {
        return customers.update(id, body, null);
    }

    @PostMapping("/{id}/owner")
    CustomerView transfer(@PathVariable long id, @RequestBody OwnerChange body) {
        return customers.transferOwner(id, parseId("ownerId", body.ownerId()));
    }

    @PostMapping("/duplicate-check")
    Candidates duplicateCheck(@RequestBody DuplicateCheck body) {
        Long exclude = body.excludeId() == null ? null : parseId("excludeId", body.excludeId());
        return new Candidates(
                customers.duplicates(
                        new DuplicateQuery(body.name(), body.phone(), body.email(), body.creditCode(), exclude)),
                customers.threshold());
    }

    @GetMapping("/{id}/merge-preview")
    CustomerMerging.MergePreview mergePreview(@PathVariable long id, @RequestParam String duplicateId) {
        return merging.preview(id, parseId("duplicateId", duplicateId));
    }

    @PostMapping("/{id}/merge")
    CustomerView merge(@PathVariable long id, @RequestBody MergeRequest body) {
        return merging.merge(id, parseId("duplicateId", body.duplicateId()));
    }

    @PostMapping("/{id}/not-duplicate")
    ResponseEntity<Void> notDuplicate(@PathVariable long id, @RequestBody MergeRequest body) {
        customers.confirmDistinct(id, parseId("duplicateId", body.duplicateId()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/duplicate-clusters")
    List<CustomerMerging.Cluster> clusters(@RequestParam(defaultValue = "100") int limit) {
        return merging.clusters(Math.min(Math.max(limit, 1), 1000));
    }

    @GetMapping("/{id}/contacts")
    List<ContactView> contacts(@PathVariable long id) {
        return customers.contacts(id);
    }

    @PostMapping("/{id}/contacts")
    ResponseEntity<ContactView> addContact(@PathVariable long id, @RequestBody ContactForm body) {
        ContactView c = customers.addContact(id, body);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + id + "/contacts/" + c.id()))
                .body(c);
    }

    @PatchMapping("/{id}/contacts/{contactId}")
    ContactView updateContact(@PathVariable long id, @PathVariable long contactId, @RequestBody ContactForm body) {
        return customers.updateContact(id, contactId, body);
    }

    @GetMapping("/{id}/timeline")
    List<TimelineItem> feed(@PathVariable long id, @RequestParam(defaultValue = "100") int limit) {
        return timeline.feed(id, Math.min(Math.max(limit, 1), 500));
    }

    @PostMapping("/{id}/timeline")
    ResponseEntity<TimelineEntryView> ingest(@PathVariable long id, @RequestBody TimelineIngest body) {
        CustomerTimeline.Ingested result = timeline.ingest(id, body);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(result.entry());
    }

    @PostMapping("/{id}/notes")
    ResponseEntity<TimelineEntryView> note(@PathVariable long id, @RequestBody Note body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(timeline.addNote(id, body.text()));
    }

    @GetMapping("/value-weights")
    Map<app.lantern.customer.CustomerValue.Dimension, Double> weights() {
        return value.weights();
    }

    @org.springframework.web.bind.annotation.PutMapping("/value-weights")
    Map<app.lantern.customer.CustomerValue.Dimension, Double> setWeights(
            @RequestBody Map<app.lantern.customer.CustomerValue.Dimension, Double> body) {
        value.setWeights(body);
        return value.weights();
    }

    @PostMapping("/value-scores/recompute")
    app.lantern.customer.CustomerValue.RunResult recompute() {
        if (!currentActor.require().has(app.lantern.identity.Role.ADMIN)) {
            throw new app.lantern.shared.ForbiddenException("only administrators recompute value tiers");
        }
        return value.recompute();
    }

    @GetMapping("/{id}/value")
    app.lantern.customer.CustomerValue.ValueScore valueOf(@PathVariable long id) {
        customers.get(id);
        return value.latest(id).orElseThrow(() -> app.lantern.shared.NotFoundException.of("value score", id));
    }

    static long parseId(String field, String value) {
        try {
            return Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw ValidationException.field(field, "must be an id");
        }
    }

    static Map<String, Object> none() {
        return Map.of();
    }
}
