package app.lantern.customer.web;

import app.lantern.customer.CustomerValue;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.Role;
import app.lantern.shared.ForbiddenException;
import app.lantern.shared.ValidationException;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin page for the value-score weights and an on-demand recomputation of tiers. */
@Controller
@RequestMapping("/customers/value")
class ValuePageController {

    private final CustomerValue value;
    private final CurrentActor currentActor;

    ValuePageController(CustomerValue value, CurrentActor currentActor) {
        this.value = value;
        this.currentActor = currentActor;
    }

    @GetMapping
    String page(Model model) {
        requireAdmin();
        model.addAttribute("weights", value.weights());
        return "customer/value";
    }

    @PostMapping
    String save(@RequestParam Map<String, String> params, RedirectAttributes redirect) {
        requireAdmin();
        Map<CustomerValue.Dimension, Double> weights = new EnumMap<>(CustomerValue.Dimension.class);
        for (CustomerValue.Dimension d : CustomerValue.Dimension.values()) {
            String v = params.get(d.name());
            try {
                weights.put(d, v == null || v.isBlank() ? 0.0 : Double.parseDouble(v));
            } catch (NumberFormatException e) {
                redirect.addFlashAttribute("error", d.name() + ": must be a number");
                return "redirect:/customers/value";
            }
        }
        try {
            value.setWeights(weights);
            redirect.addFlashAttribute("message", "saved");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/customers/value";
    }

    @PostMapping("/recompute")
    String recompute(RedirectAttributes redirect) {
        requireAdmin();
        redirect.addFlashAttribute("computed", value.recompute().customers());
        return "redirect:/customers/value";
    }

    private void requireAdmin() {
        if (!currentActor.require().has(Role.ADMIN)) {
            throw new ForbiddenException("only administrators configure value scoring");
        }
    }
}
