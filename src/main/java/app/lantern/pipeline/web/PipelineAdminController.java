package app.lantern.pipeline.web;

import app.lantern.pipeline.HealthFactor;
import app.lantern.pipeline.OpportunityField;
import app.lantern.pipeline.OpportunityQueries;
import app.lantern.pipeline.PipelineView;
import app.lantern.pipeline.Pipelines;
import app.lantern.shared.ConflictException;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.ValidationException;
import app.lantern.shared.web.FormErrors;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Pipeline administration: stages with entry criteria, health weights, full recompute (admins: {@code /admin/**}). */
@Controller
class PipelineAdminController {

    private final Pipelines pipelines;
    private final OpportunityQueries queries;

    PipelineAdminController(Pipelines pipelines, OpportunityQueries queries) {
        this.pipelines = pipelines;
        this.queries = queries;
    }

    /** Health factor weights as submitted ({@code weights[AMOUNT]=10} …). */
    record WeightsForm(Map<String, Integer> weights) {}

    @GetMapping("/admin/pipelines")
    String admin(@RequestParam(required = false) Long id, Model model) {
        List<PipelineView> all = pipelines.all();
        model.addAttribute("pipelines", all);
        model.addAttribute("pipeline", id == null ? all.getFirst() : pipelines.require(id));
        model.addAttribute("fields", OpportunityField.values());
        model.addAttribute("factors", HealthFactor.values());
        return "pipeline/admin";
    }

    @PostMapping("/admin/pipelines/{id}")
    String save(@PathVariable long id, @ModelAttribute PipelineForm form, BindingResult binding, Model model) {
        try {
            FormErrors.throwIfAny(binding);
            pipelines.update(id, form.input(), form.version());
            return "redirect:/admin/pipelines?id=" + id + "&saved";
        } catch (ValidationException e) {
            return failed(id, e.errors(), model);
        } catch (ConflictException e) {
            return failed(id, List.of(new FieldErrors.FieldError("version", e.getMessage())), model);
        }
    }

    @PostMapping("/admin/pipelines/{id}/weights")
    String weights(@PathVariable long id, @ModelAttribute WeightsForm form, BindingResult binding, Model model) {
        try {
            FormErrors.throwIfAny(binding);
            pipelines.updateWeights(id, form.weights() == null ? Map.of() : form.weights());
            return "redirect:/admin/pipelines?id=" + id + "&saved";
        } catch (ValidationException e) {
            return failed(id, e.errors(), model);
        }
    }

    @PostMapping("/admin/pipelines/{id}/recompute")
    String recompute(@PathVariable long id) {
        queries.recomputeAllHealth();
        return "redirect:/admin/pipelines?id=" + id + "&recomputed";
    }

    private String failed(long id, List<FieldErrors.FieldError> errors, Model model) {
        model.addAttribute("errors", errors);
        return admin(id, model);
    }
}
