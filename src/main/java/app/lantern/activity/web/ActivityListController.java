package app.lantern.activity.web;

import app.lantern.activity.ActivityInput;
import app.lantern.activity.ActivityService;
import app.lantern.activity.ActivityType;
import app.lantern.customer.ContactRef;
import app.lantern.customer.CustomerRef;
import app.lantern.customer.Customers;
import app.lantern.pipeline.Opportunities;
import app.lantern.pipeline.OpportunityRef;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.PageQuery;
import app.lantern.shared.ValidationException;
import app.lantern.shared.web.FormErrors;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The activity list (with its htmx rows) and the quick-log form for phones. */
@Controller
class ActivityListController {

    private final ActivityService activities;
    private final Customers customers;
    private final Opportunities opportunities;
    private final Clock clock;

    ActivityListController(ActivityService activities, Customers customers, Opportunities opportunities, Clock clock) {
        this.activities = activities;
        this.customers = customers;
        this.opportunities = opportunities;
        this.clock = clock;
    }

    @GetMapping("/activities")
    String list(@ModelAttribute("f") ActivityListFilter f, Model model) {
        model.addAttribute(
                "result",
                activities.list(
                        f.filter(clock),
                        PageQuery.of(f.page(), 50, null, ActivityService.SORT_FIELDS, "occurredAt,desc")));
        model.addAttribute("types", ActivityType.values());
        return "activity/list";
    }

    @HxRequest
    @GetMapping("/activities")
    String rows(@ModelAttribute("f") ActivityListFilter f, Model model) {
        list(f, model);
        return "activity/list :: rows";
    }

    @GetMapping("/activities/new")
    String quickLog(
            @RequestParam(required = false) Long customerId,
            @RequestParam(required = false) Long opportunityId,
            Model model) {
        Long customer = customerId;
        if (opportunityId != null) {
            customer = opportunities.requireVisible(opportunityId).customerId();
        }
        model.addAttribute("form", Map.of());
        model.addAttribute("errors", Map.of());
        quickModel(model, customer, opportunityId);
        return "activity/quick";
    }

    /** Contacts and open opportunities of the chosen customer (htmx swap inside the quick-log form). */
    @GetMapping("/activities/new/customer")
    String customerParts(@RequestParam(required = false) Long customerId, Model model) {
        quickModel(model, customerId, null);
        return "activity/quick :: customerParts";
    }

    @PostMapping("/activities")
    String log(
            @Valid @ModelAttribute("quick") QuickLogForm form,
            BindingResult binding,
            @RequestParam Map<String, String> submitted,
            Model model) {
        try {
            FormErrors.throwIfAny(binding);
            activities.log(form.input(clock.getZone()));
            return "redirect:/activities?logged";
        } catch (ValidationException e) {
            model.addAttribute("errors", FormErrors.of(e));
            model.addAttribute("form", submitted);
            quickModel(model, form.customerId(), form.opportunityId());
            return "activity/quick";
        }
    }

    private void quickModel(Model model, Long customerId, Long opportunityId) {
        model.addAttribute("recent", activities.recentCustomers(8));
        model.addAttribute("types", ActivityType.values());
        model.addAttribute("customerId", customerId);
        model.addAttribute("opportunityId", opportunityId);
        CustomerRef chosen = visibleCustomer(customerId);
        model.addAttribute("customer", chosen);
        model.addAttribute(
                "contacts",
                chosen == null
                        ? List.<ContactRef>of()
                        : customers.contacts(chosen.id()).stream()
                                .filter(ContactRef::active)
                                .toList());
        model.addAttribute(
                "opps", chosen == null ? List.<OpportunityRef>of() : opportunities.openOfCustomer(chosen.id()));
        model.addAttribute("now", LocalDateTime.now(clock).withSecond(0).withNano(0));
        Map<String, Integer> durations = new LinkedHashMap<>();
        for (ActivityType t : ActivityType.values()) {
            durations.put(t.name(), ActivityInput.defaultDuration(t));
        }
        model.addAttribute("durations", durations);
    }

    private CustomerRef visibleCustomer(Long customerId) {
        try {
            return customerId == null ? null : customers.requireVisible(customerId);
        } catch (NotFoundException e) {
            return null;
        }
    }
}
