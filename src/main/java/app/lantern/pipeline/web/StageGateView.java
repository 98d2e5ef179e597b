package app.lantern.pipeline.web;

import app.lantern.customer.ContactRef;
import app.lantern.customer.Customers;
import app.lantern.pipeline.BudgetRange;
import app.lantern.pipeline.OpportunityDetails;
import app.lantern.pipeline.OpportunityQueries;
import app.lantern.pipeline.Pipelines;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponse;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxReswap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The stage-gate modal: why a card bounced, or the form with the target stage, exactly the missing fields, the contacts
 * to name and the errors.
 */
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

    /** Answers into the gate modal why the card cannot move (a message key with an optional detail). */
    String bounce(long id, String messageKey, String detail, Model model, HtmxResponse htmx) {
        intoModal(id, htmx);
        model.addAttribute("messageKey", messageKey);
        model.addAttribute("detail", detail);
        return "pipeline/board :: bounce";
    }

    /** Answers into the gate modal the form asking for exactly the missing fields. */
    String gate(long id, long stageId, Map<String, String> errors, Model model, HtmxResponse htmx) {
        intoModal(id, htmx);
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
        return "pipeline/board :: gate";
    }

    /** The answer goes into the modal ({@code #gate-body}), and the card jumps back to its column. */
    private static void intoModal(long id, HtmxResponse htmx) {
        htmx.setRetarget("#gate-body");
        htmx.setReswap(HtmxReswap.innerHtml());
        htmx.addTrigger("pipeline-bounce", Map.of("id", String.valueOf(id)));
    }
}
