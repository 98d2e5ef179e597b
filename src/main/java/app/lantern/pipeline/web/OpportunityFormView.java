package app.lantern.pipeline.web;

import app.lantern.customer.Customers;
import app.lantern.identity.CurrentActor;
import app.lantern.pipeline.BudgetRange;
import app.lantern.pipeline.DecisionRole;
import app.lantern.pipeline.OpportunityDetails;
import app.lantern.pipeline.OwnerSelection;
import app.lantern.pipeline.PipelineView;
import app.lantern.pipeline.Pipelines;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the opportunity form shows besides the opportunity: pickers, the decision chain, submitted values, errors. */
@Component
class OpportunityFormView {

    private final Pipelines pipelines;
    private final Customers customers;
    private final OwnerSelection owners;
    private final CurrentActor currentActor;

    OpportunityFormView(Pipelines pipelines, Customers customers, OwnerSelection owners, CurrentActor currentActor) {
        this.pipelines = pipelines;
        this.customers = customers;
        this.owners = owners;
        this.currentActor = currentActor;
    }

    void fill(
            Model model,
            OpportunityDetails o,
            Long customerId,
            Long pipelineId,
            Map<String, String> submitted,
            Map<String, String> errors) {
        model.addAttribute("o", o);
        model.addAttribute("customerId", customerId);
        model.addAttribute("pipelineId", pipelineId);
        model.addAttribute("form", submitted);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "pipelines",
                pipelines.all().stream().filter(PipelineView::active).toList());
        model.addAttribute(
                "customers",
                customerId != null ? List.of(customers.requireVisible(customerId)) : customers.search("", 200));
        model.addAttribute("contacts", customerId == null ? List.of() : customers.contacts(customerId));
        model.addAttribute("budgetRanges", BudgetRange.values());
        model.addAttribute("owners", owners.reps());
        model.addAttribute("roles", DecisionRole.values());
        model.addAttribute("me", currentActor.require().userId());
        model.addAttribute(
                "roleOf",
                o == null
                        ? Map.of()
                        : o.contacts().stream()
                                .collect(Collectors.toMap(
                                        OpportunityDetails.Contact::contactId,
                                        OpportunityDetails.Contact::role,
                                        (a, b) -> a)));
    }
}
