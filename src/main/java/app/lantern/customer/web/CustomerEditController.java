package app.lantern.customer.web;

import app.lantern.customer.CustomerForm;
import app.lantern.customer.CustomerManagement;
import app.lantern.customer.CustomerView;
import app.lantern.customer.DuplicateCandidate;
import app.lantern.customer.DuplicateQuery;
import app.lantern.shared.ConflictException;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The customer form: create and edit with inline checks and 疑似重复 while typing, and the owner transfer. */
@Controller
@RequestMapping("/customers")
class CustomerEditController {

    private final CustomerManagement customers;

    CustomerEditController(CustomerManagement customers) {
        this.customers = customers;
    }

    @GetMapping("/new")
    String createForm(Model model) {
        model.addAttribute("form", CustomerForm.named(""));
        return form(model, null);
    }

    /** Inline checks while typing: field errors and 疑似重复 candidates, as a fragment. */
    @PostMapping("/check")
    String check(@ModelAttribute CustomerForm form, @RequestParam(required = false) Long id, Model model) {
        model.addAttribute("errors", errorMap(customers.validate(form, id == null)));
        List<DuplicateCandidate> candidates = form.identifiesAnything()
                ? customers
                        .duplicates(new DuplicateQuery(form.name(), form.phone(), form.email(), form.creditCode(), id))
                        .stream()
                        .filter(c -> c.score() >= customers.threshold())
                        .toList()
                : List.of();
        model.addAttribute("candidates", candidates);
        model.addAttribute("existingId", id);
        return "customer/form :: checks";
    }

    @PostMapping
    String create(
            @ModelAttribute CustomerForm form,
            @RequestParam(defaultValue = "false") boolean confirmNotDuplicate,
            Model model) {
        try {
            CustomerView created = customers.create(form, confirmNotDuplicate);
            return "redirect:/customers/" + created.id() + "?created";
        } catch (ValidationException e) {
            model.addAttribute("errors", errorMap(e.errors()));
        } catch (ConflictException e) {
            model.addAttribute("candidates", e.properties().get("candidates"));
            model.addAttribute("duplicateBlocked", true);
        }
        model.addAttribute("form", form);
        return form(model, null);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        CustomerView c = customers.get(id);
        model.addAttribute("form", CustomerForm.of(c));
        model.addAttribute("version", c.version());
        return form(model, c);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute CustomerForm form,
            @RequestParam(required = false) Integer version,
            Model model) {
        try {
            customers.update(id, form.asChanges(), version);
            return "redirect:/customers/" + id;
        } catch (ValidationException e) {
            model.addAttribute("errors", errorMap(e.errors()));
        } catch (ConflictException e) {
            model.addAttribute("error", e.getMessage());
        }
        model.addAttribute("form", form);
        model.addAttribute("version", version);
        return form(model, customers.get(id));
    }

    @PostMapping("/{id}/owner")
    String transfer(@PathVariable long id, @RequestParam long ownerId, RedirectAttributes redirect) {
        try {
            customers.transferOwner(id, ownerId);
            redirect.addFlashAttribute("message", "transferred");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", e.errors().getFirst().message());
        }
        return "redirect:/customers/" + id;
    }

    private String form(Model model, CustomerView existing) {
        model.addAttribute("existing", existing);
        model.addAttribute("sizes", CustomerForm.SIZES);
        model.addAttribute("statuses", CustomerForm.STATUSES);
        model.addAttribute("threshold", customers.threshold());
        return "customer/form";
    }

    private static Map<String, String> errorMap(List<FieldErrors.FieldError> errors) {
        return errors.stream()
                .collect(Collectors.toMap(FieldErrors.FieldError::field, FieldErrors.FieldError::message, (a, b) -> a));
    }
}
