package app.lantern.customer.web;

import app.lantern.customer.CustomerForm;
import app.lantern.customer.CustomerManagement;
import app.lantern.customer.CustomerMerging;
import app.lantern.shared.ValidationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Duplicates resolved by people: the report of clusters, merging two customers after a preview, "合并到该客户" from the
 * 疑似重复 prompt of the form, and "不是重复".
 */
@Controller
@RequestMapping("/customers")
class CustomerMergeController {

    private final CustomerManagement customers;
    private final CustomerMerging merging;

    CustomerMergeController(CustomerManagement customers, CustomerMerging merging) {
        this.customers = customers;
        this.merging = merging;
    }

    @GetMapping("/duplicates")
    String duplicates(Model model) {
        model.addAttribute("clusters", merging.clusters(200));
        return "customer/duplicates";
    }

    /** "合并到该客户" from the 疑似重复 prompt: first what the merge keeps from which side, then {@link #mergeInto}. */
    @PostMapping("/merge-into/preview")
    String mergeIntoPreview(@ModelAttribute CustomerForm form, @RequestParam long targetId, Model model) {
        model.addAttribute("preview", merging.previewInto(targetId, form));
        model.addAttribute("form", form);
        return "customer/merge-into";
    }

    /** The confirmed "合并到该客户": fills the existing customer's blank fields from the form. */
    @PostMapping("/merge-into")
    String mergeInto(@ModelAttribute CustomerForm form, @RequestParam long targetId, RedirectAttributes redirect) {
        try {
            customers.update(targetId, form.fillingBlanksOf(customers.get(targetId)), null);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        redirect.addFlashAttribute("message", "mergedInto");
        return "redirect:/customers/" + targetId;
    }

    @GetMapping("/{id}/merge")
    String mergePreview(@PathVariable long id, @RequestParam long duplicateId, Model model) {
        model.addAttribute("preview", merging.preview(id, duplicateId));
        return "customer/merge";
    }

    @PostMapping("/{id}/merge")
    String merge(@PathVariable long id, @RequestParam long duplicateId, RedirectAttributes redirect) {
        merging.merge(id, duplicateId);
        redirect.addFlashAttribute("message", "merged");
        return "redirect:/customers/" + id;
    }

    @PostMapping("/{id}/not-duplicate")
    String notDuplicate(@PathVariable long id, @RequestParam long duplicateId, RedirectAttributes redirect) {
        customers.confirmDistinct(id, duplicateId);
        redirect.addFlashAttribute("message", "distinct");
        return "redirect:/customers/" + id;
    }
}
