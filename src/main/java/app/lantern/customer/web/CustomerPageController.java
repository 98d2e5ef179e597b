package app.lantern.customer.web;

import app.lantern.customer.ContactForm;
import app.lantern.customer.CustomerExport;
import app.lantern.customer.CustomerManagement;
import app.lantern.customer.CustomerMerging;
import app.lantern.customer.CustomerTimeline;
import app.lantern.customer.CustomerValue;
import app.lantern.customer.CustomerView;
import app.lantern.customer.DuplicateQuery;
import app.lantern.shared.PageQuery;
import app.lantern.shared.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Customer pages to read: the list with filters and its export, and a customer's detail with timeline and 疑似重复. */
@Controller
@RequestMapping("/customers")
class CustomerPageController {

    private final CustomerManagement customers;
    private final CustomerMerging merging;
    private final CustomerTimeline timeline;
    private final CustomerValue value;
    private final CustomerExport export;

    CustomerPageController(
            CustomerManagement customers,
            CustomerMerging merging,
            CustomerTimeline timeline,
            CustomerValue value,
            CustomerExport export) {
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
}
