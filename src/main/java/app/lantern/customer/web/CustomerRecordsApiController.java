package app.lantern.customer.web;

import app.lantern.customer.ContactForm;
import app.lantern.customer.ContactView;
import app.lantern.customer.CustomerManagement;
import app.lantern.customer.CustomerTimeline;
import app.lantern.customer.TimelineEntryView;
import app.lantern.customer.TimelineIngest;
import app.lantern.customer.TimelineItem;
import java.net.URI;
import java.util.List;
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

/** A customer's contacts, timeline and notes over REST. */
@RestController
@RequestMapping("/api/v1/customers")
class CustomerRecordsApiController {

    private final CustomerManagement customers;
    private final CustomerTimeline timeline;

    CustomerRecordsApiController(CustomerManagement customers, CustomerTimeline timeline) {
        this.customers = customers;
        this.timeline = timeline;
    }

    record Note(String text) {}

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
}
