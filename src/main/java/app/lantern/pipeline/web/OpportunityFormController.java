package app.lantern.pipeline.web;

import app.lantern.pipeline.OpportunityClosing;
import app.lantern.pipeline.OpportunityDetails;
import app.lantern.pipeline.OpportunityEditing;
import app.lantern.pipeline.OpportunityQueries;
import app.lantern.pipeline.OpportunityStatus;
import app.lantern.shared.ConflictException;
import app.lantern.shared.ValidationException;
import app.lantern.shared.web.FormErrors;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** New and edit forms of an opportunity, and its closing (won / lost) and reopening. */
@Controller
class OpportunityFormController {

    private final OpportunityQueries queries;
    private final OpportunityEditing editing;
    private final OpportunityClosing closing;
    private final OpportunityFormView view;

    OpportunityFormController(
            OpportunityQueries queries,
            OpportunityEditing editing,
            OpportunityClosing closing,
            OpportunityFormView view) {
        this.queries = queries;
        this.editing = editing;
        this.closing = closing;
        this.view = view;
    }

    @GetMapping("/opportunities/new")
    String newForm(
            @RequestParam(required = false) Long customerId,
            @RequestParam(required = false) Long pipelineId,
            Model model) {
        return form(model, null, customerId, pipelineId, Map.of(), Map.of());
    }

    @PostMapping("/opportunities")
    String create(
            @Valid @ModelAttribute("submitted") OpportunityForm form,
            BindingResult binding,
            @RequestParam Map<String, String> raw,
            Model model) {
        try {
            FormErrors.throwIfAny(binding);
            return "redirect:/opportunities/" + editing.create(form.input()).id();
        } catch (ValidationException e) {
            return form(model, null, form.customerId(), form.pipelineId(), raw, FormErrors.of(e));
        }
    }

    @GetMapping("/opportunities/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        OpportunityDetails d = queries.visible(id);
        return form(model, d, d.customerId(), d.pipelineId(), Map.of(), Map.of());
    }

    @PostMapping("/opportunities/{id}")
    String update(
            @PathVariable long id,
            @RequestParam int version,
            @Valid @ModelAttribute("submitted") OpportunityForm form,
            BindingResult binding,
            @RequestParam Map<String, String> raw,
            Model model) {
        OpportunityDetails d = queries.visible(id);
        try {
            FormErrors.throwIfAny(binding);
            editing.update(id, form.input(), version);
            return "redirect:/opportunities/" + id;
        } catch (ValidationException e) {
            return form(model, d, d.customerId(), d.pipelineId(), raw, FormErrors.of(e));
        } catch (ConflictException e) {
            model.addAttribute("conflict", e.properties().get("currentVersion"));
            return form(model, d, d.customerId(), d.pipelineId(), raw, Map.of());
        }
    }

    @PostMapping("/opportunities/{id}/close")
    String close(
            @PathVariable long id,
            @RequestParam OpportunityStatus outcome,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) BigDecimal amount,
            @RequestParam int version) {
        if (outcome == OpportunityStatus.WON) {
            closing.win(id, amount, reason, version);
        } else {
            closing.lose(id, reason, version);
        }
        return "redirect:/opportunities/" + id;
    }

    @PostMapping("/opportunities/{id}/reopen")
    String reopen(@PathVariable long id, @RequestParam int version) {
        closing.reopen(id, version);
        return "redirect:/opportunities/" + id;
    }

    private String form(
            Model model,
            OpportunityDetails o,
            Long customerId,
            Long pipelineId,
            Map<String, String> submitted,
            Map<String, String> errors) {
        view.fill(model, o, customerId, pipelineId, submitted, errors);
        return "pipeline/form";
    }
}
