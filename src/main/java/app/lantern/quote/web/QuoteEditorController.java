package app.lantern.quote.web;

import app.lantern.identity.CurrentActor;
import app.lantern.identity.DataScopes;
import app.lantern.pipeline.Opportunities;
import app.lantern.pipeline.OpportunityRef;
import app.lantern.quote.Catalog;
import app.lantern.quote.QuoteDrafting;
import app.lantern.quote.QuoteView;
import app.lantern.quote.Quotes;
import app.lantern.shared.ConflictException;
import app.lantern.shared.ValidationException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The quote editor: a new quote from an opportunity, editing a draft, and the live totals while lines are typed. */
@Controller
@RequestMapping("/quotes")
class QuoteEditorController {

    private final Quotes quotes;
    private final QuoteDrafting drafting;
    private final Catalog catalog;
    private final Opportunities opportunities;
    private final DataScopes scopes;
    private final CurrentActor currentActor;

    QuoteEditorController(
            Quotes quotes,
            QuoteDrafting drafting,
            Catalog catalog,
            Opportunities opportunities,
            DataScopes scopes,
            CurrentActor currentActor) {
        this.quotes = quotes;
        this.drafting = drafting;
        this.catalog = catalog;
        this.opportunities = opportunities;
        this.scopes = scopes;
        this.currentActor = currentActor;
    }

    @GetMapping("/new")
    String form(@RequestParam(required = false) Long opportunityId, Model model) {
        List<OpportunityRef> open = opportunities.openFor(scopes.visibleOwners(currentActor.require()));
        model.addAttribute("opportunities", open);
        catalogChoices(model);
        model.addAttribute("defaultValidDays", quotes.defaultValidDays());
        if (!model.containsAttribute("rows")) {
            model.addAttribute("rows", new QuoteForm(null, null, null, null, null, null, null, null, null).rows());
        }
        if (opportunityId != null) {
            OpportunityRef o = opportunities.requireVisible(opportunityId);
            model.addAttribute("opportunity", o);
            model.addAttribute("talkingPoints", quotes.talkingPoints(o.budgetRange()));
        }
        return "quote/new";
    }

    @PostMapping
    String create(@ModelAttribute QuoteForm form, Model model, RedirectAttributes redirect) {
        try {
            QuoteView q = drafting.create(form.draft(form.opportunityId()));
            redirect.addFlashAttribute("message", "created");
            return "redirect:/quotes/" + q.id();
        } catch (ValidationException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("rows", form.rows());
            return form(form.opportunityId(), model);
        }
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model, RedirectAttributes redirect) {
        QuoteView q = quotes.get(id);
        if (!q.status().editable()) {
            redirect.addFlashAttribute("error", "only draft or rejected quotes can be edited; revise it instead");
            return "redirect:/quotes/" + id;
        }
        QuoteForm form = QuoteForm.of(q);
        preview(id, form.draft(q.opportunityId()), model);
        return editPage(q, form, model);
    }

    @PostMapping("/{id}/edit")
    String edit(@PathVariable long id, @ModelAttribute QuoteForm form, Model model, RedirectAttributes redirect) {
        QuoteView q = quotes.get(id);
        try {
            drafting.update(id, form.draft(q.opportunityId()));
            redirect.addFlashAttribute("message", "updated");
            return "redirect:/quotes/" + id;
        } catch (ValidationException e) {
            model.addAttribute("errors", e.errors());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/quotes/" + id;
        }
        return editPage(q, form, model);
    }

    /** Live totals for the line editor (htmx): the figures, or the field errors the API would answer. */
    @PostMapping("/preview")
    String preview(@ModelAttribute QuoteForm form, Model model) {
        try {
            preview(form.quoteId(), form.draft(form.opportunityId()), model);
        } catch (ValidationException e) {
            model.addAttribute("previewErrors", e.errors());
        }
        return "quote/form :: preview";
    }

    private void preview(Long quoteId, QuoteDrafting.QuoteDraft draft, Model model) {
        try {
            model.addAttribute("preview", drafting.preview(quoteId, draft));
        } catch (ValidationException e) {
            model.addAttribute("previewErrors", e.errors());
        }
    }

    private String editPage(QuoteView q, QuoteForm form, Model model) {
        model.addAttribute("q", q);
        catalogChoices(model);
        model.addAttribute("priceBookId", form.priceBookId());
        model.addAttribute("draftTitle", form.title());
        model.addAttribute("terms", form.terms());
        model.addAttribute("validDays", form.validDays());
        model.addAttribute("rows", form.rows());
        return "quote/edit";
    }

    private void catalogChoices(Model model) {
        model.addAttribute("products", catalog.products(null, null, false));
        model.addAttribute("priceBooks", catalog.priceBooks());
    }
}
