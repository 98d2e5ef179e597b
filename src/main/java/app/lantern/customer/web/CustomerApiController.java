package app.lantern.customer.web;

import app.lantern.customer.CustomerForm;
import app.lantern.customer.CustomerManagement;
import app.lantern.customer.CustomerView;
import app.lantern.shared.Ids;
import app.lantern.shared.PageQuery;
import app.lantern.shared.PageResult;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Customers over REST: list, create, export, read, change and hand over; same rules and scopes as the pages. */
@RestController
@RequestMapping("/api/v1/customers")
class CustomerApiController {

    private final CustomerManagement customers;
    private final app.lantern.customer.CustomerExport export;

    CustomerApiController(CustomerManagement customers, app.lantern.customer.CustomerExport export) {
        this.export = export;
        this.customers = customers;
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

    record OwnerChange(String ownerId) {}

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
        return customers.transferOwner(id, Ids.parse("ownerId", body.ownerId()));
    }
}
