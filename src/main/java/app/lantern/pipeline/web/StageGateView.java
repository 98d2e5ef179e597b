package app.lantern.pipeline.web;

import app.lantern.customer.ContactRef;
import app.lantern.customer.Customers;
import app.lantern.pipeline.BudgetRange;
import app.lantern.pipeline.OpportunityDetails;
import app.lantern.pipeline.OpportunityQueries;
import app.lantern.pipeline.Pipelines;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the stage-gate form shows: the target stage, exactly the missing fields, the contacts to name, errors. */
@Component
class StageGateView {

    private final OpportunityQueries queries;
    private final Pipelines pipelines;
    private final Customers customers;

    StageGateView(OpportunityQueries queries, Pipelines pipelines, Customers customers) {
        this.queries = queries;
        this.pipelines = pipelines;
        this.customers = customers;
    }

    void fill(Model model, long id, long stageId, Map<String, String> errors) {
        OpportunityDetails d = queries.visible(id);
        model.addAttribute("o", d);
        model.addAttribute(
                "stage", pipelines.require(d.pipelineId()).stage(stageId).orElseThrow());
        model.addAttribute("missing", queries.missingFor(id, stageId));
        model.addAttribute(
                "contacts",
                customers.contacts(d.customerId()).stream()
                        .filter(ContactRef::active)
                        .toList());
        model.addAttribute("budgetRanges", BudgetRange.values());
        model.addAttribute("errors", errors);
    }
}
