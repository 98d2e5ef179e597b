package app.lantern.customer.web;

import app.lantern.customer.CustomerManagement;
import app.lantern.customer.CustomerMerging;
import app.lantern.customer.CustomerView;
import app.lantern.customer.DuplicateCandidate;
import app.lantern.customer.DuplicateQuery;
import app.lantern.shared.Ids;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Duplicates over REST: the check while typing, the merge preview and merge, "not a duplicate", and the report of clusters. */
@RestController
@RequestMapping("/api/v1/customers")
class CustomerDuplicateApiController {

    private final CustomerManagement customers;
    private final CustomerMerging merging;

    CustomerDuplicateApiController(CustomerManagement customers, CustomerMerging merging) {
        this.customers = customers;
        this.merging = merging;
    }

    record DuplicateCheck(String name, String phone, String email, String creditCode, String excludeId) {}

    record Candidates(List<DuplicateCandidate> candidates, double threshold) {}

    record MergeRequest(String duplicateId) {}

    @PostMapping("/duplicate-check")
    Candidates duplicateCheck(@RequestBody DuplicateCheck body) {
        Long exclude = Ids.parseOptional("excludeId", body.excludeId());
        return new Candidates(
                customers.duplicates(
                        new DuplicateQuery(body.name(), body.phone(), body.email(), body.creditCode(), exclude)),
                customers.threshold());
    }

    @GetMapping("/{id}/merge-preview")
    CustomerMerging.MergePreview mergePreview(@PathVariable long id, @RequestParam String duplicateId) {
        return merging.preview(id, Ids.parse("duplicateId", duplicateId));
    }

    @PostMapping("/{id}/merge")
    CustomerView merge(@PathVariable long id, @RequestBody MergeRequest body) {
        return merging.merge(id, Ids.parse("duplicateId", body.duplicateId()));
    }

    @PostMapping("/{id}/not-duplicate")
    ResponseEntity<Void> notDuplicate(@PathVariable long id, @RequestBody MergeRequest body) {
        customers.confirmDistinct(id, Ids.parse("duplicateId", body.duplicateId()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/duplicate-clusters")
    List<CustomerMerging.Cluster> clusters(@RequestParam(defaultValue = "100") int limit) {
        return merging.clusters(Math.min(Math.max(limit, 1), 1000));
    }
}
