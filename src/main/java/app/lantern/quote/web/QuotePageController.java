package app.lantern.quote.web;

import app.lantern.audit.AuditTrail;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.DataScopes;
import app.lantern.pipeline.Opportunities;
import app.lantern.pipeline.OpportunityRef;
import app.lantern.quote.Catalog;
import app.lantern.quote.QuoteApprovals;
import app.lantern.quote.QuoteDrafting;
import app.lantern.quote.QuoteFeedback;
import app.lantern.quote.QuoteSeal;
import app.lantern.quote.QuoteSigning;
import app.lantern.quote.QuoteView;
import app.lantern.quote.Quotes;
import app.lantern.shared.ConflictException;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.PageQuery;
import app.lantern.shared.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Quote pages: list and approval inbox, new quote from an opportunity, detail with every action of the lifecycle. */
@Controller
@RequestMapping("/quotes")
class QuotePageController {

    static final int FORM_LINES = 8;

    private final Quotes quotes;
    private final QuoteDrafting drafting;
    private final QuoteApprovals approvals;
    private final QuoteFeedback feedback;
    private final QuoteSigning signing;
    private final QuoteSeal seal;
    private final Catalog catalog;
    private final Opportunities opportunities;
    private final DataScopes scopes;
    private final CurrentActor currentActor;
    private final AuditTrail trail;

    QuotePageController(
            Quotes quotes,
            QuoteDrafting drafting,
            QuoteApprovals approvals,
            QuoteFeedback feedback,
            QuoteSigning signing,
            QuoteSeal seal,
            Catalog catalog,
            Opportunities opportunities,
            DataScopes scopes,
            CurrentActor currentActor,
            AuditTrail trail) {
        this.quotes = quotes;
        this.drafting = drafting;
        this.approvals = approvals;
        this.feedback = feedback;
        this.signing = signing;
        this.seal = seal;
        this.catalog = catalog;
        this.opportunities = opportunities;
        this.scopes = scopes;
        this.currentActor = currentActor;
        this.trail = trail;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            Model model,
            @RequestHeader(value = "HX-Request", required = false) String hx) {
        var result = quotes.list(
                new Quotes.QuoteFilter(status == null || status.isBlank() ? null : status, null, null, null, q),
                PageQuery.of(page, 30, null, Quotes.sortFields(), "createdAt,desc"));
        model.addAttribute("result", result);
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("approvals", quotes.awaitingMyApproval());
        return hx != null ? "quote/list :: rows" : "quote/list";
    }

    @GetMapping("/new")
    String form(@RequestParam(required = false) Long opportunityId, Model model) {
        var actor = currentActor.require();
        List<OpportunityRef> open = opportunities.openFor(scopes.visibleOwners(actor));
        model.addAttribute("opportunities", open);
        model.addAttribute("products", catalog.products(null, null, false));
        model.addAttribute("priceBooks", catalog.priceBooks());
        model.addAttribute("defaultValidDays", quotes.defaultValidDays());
        if (!model.containsAttribute("rows")) {
            model.addAttribute("rows", rows(List.of()));
        }
        if (opportunityId != null) {
            OpportunityRef o = opportunities.requireVisible(opportunityId);
            model.addAttribute("opportunity", o);
            model.addAttribute("talkingPoints", quotes.talkingPoints(o.budgetRange()));
        }
        return "quote/new";
    }

    @PostMapping
    String create(
            @RequestParam(required = false) Long opportunityId,
            @RequestParam(required = false) Long priceBookId,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String terms,
            @RequestParam(required = false) Integer validDays,
            @RequestParam(name = "productId", required = false) List<String> productIds,
            @RequestParam(name = "quantity", required = false) List<String> quantities,
            @RequestParam(name = "discount", required = false) List<String> discounts,
            Model model,
            RedirectAttributes redirect) {
        try {
            List<QuoteDrafting.LineInput> lines = lines(productIds, quantities, discounts);
            QuoteView q = drafting.create(new QuoteDrafting.QuoteDraft(
                    null, opportunityId, priceBookId, title, terms, validDays, lines, null));
            redirect.addFlashAttribute("message", "created");
            return "redirect:/quotes/" + q.id();
        } catch (ValidationException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("rows", rows(productIds, quantities, discounts));
            return form(opportunityId, model);
        }
    }

    /** One row of the line editor as the user typed it. */
    record FormLine(String productId, String quantity, String discount) {}

    /** The given lines and enough blank rows to add more. */
    static List<FormLine> rows(List<FormLine> filled) {
        List<FormLine> rows = new ArrayList<>(filled);
        while (rows.size() < Math.max(FORM_LINES, filled.size() + 3)) {
            rows.add(new FormLine("", "1", "0"));
        }
        return rows;
    }

    static List<FormLine> rows(List<String> productIds, List<String> quantities, List<String> discounts) {
        List<FormLine> filled = new ArrayList<>();
        for (int i = 0; productIds != null && i < productIds.size(); i++) {
            if (productIds.get(i) != null && !productIds.get(i).isBlank()) {
                filled.add(new FormLine(productIds.get(i), at(quantities, i, "1"), at(discounts, i, "0")));
            }
        }
        return rows(filled);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model, RedirectAttributes redirect) {
        QuoteView q = quotes.get(id);
        if (!q.status().editable()) {
            redirect.addFlashAttribute("error", "only draft or rejected quotes can be edited; revise it instead");
            return "redirect:/quotes/" + id;
        }
        List<FormLine> filled = q.lines().stream()
                .map(l -> new FormLine(
                        String.valueOf(l.productId()),
                        l.quantity().stripTrailingZeros().toPlainString(),
                        l.discount().stripTrailingZeros().toPlainString()))
                .toList();
        try {
            model.addAttribute(
                    "preview",
                    drafting.preview(
                            id,
                            new QuoteDrafting.QuoteDraft(
                                    null,
                                    q.opportunityId(),
                                    q.priceBookId(),
                                    q.title(),
                                    q.terms(),
                                    q.validDays(),
                                    q.lines().stream()
                                            .map(l -> new QuoteDrafting.LineInput(
                                                    l.productId(), l.quantity(), l.discount()))
                                            .toList(),
                                    null)));
        } catch (ValidationException e) {
            model.addAttribute("previewErrors", e.errors());
        }
        return editPage(q, q.priceBookId(), q.title(), q.terms(), q.validDays(), rows(filled), model);
    }

    private String editPage(
            QuoteView q,
            Long priceBookId,
            String title,
            String terms,
            Integer validDays,
            List<FormLine> rows,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("products", catalog.products(null, null, false));
        model.addAttribute("priceBooks", catalog.priceBooks());
        model.addAttribute("priceBookId", priceBookId);
        model.addAttribute("draftTitle", title);
        model.addAttribute("terms", terms);
        model.addAttribute("validDays", validDays);
        model.addAttribute("rows", rows);
        return "quote/edit";
    }

    @PostMapping("/{id}/edit")
    String edit(
            @PathVariable long id,
            @RequestParam(required = false) Long priceBookId,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String terms,
            @RequestParam(required = false) Integer validDays,
            @RequestParam(name = "productId", required = false) List<String> productIds,
            @RequestParam(name = "quantity", required = false) List<String> quantities,
            @RequestParam(name = "discount", required = false) List<String> discounts,
            Model model,
            RedirectAttributes redirect) {
        QuoteView q = quotes.get(id);
        try {
            drafting.update(
                    id,
                    new QuoteDrafting.QuoteDraft(
                            null,
                            q.opportunityId(),
                            priceBookId,
                            title,
                            terms,
                            validDays,
                            lines(productIds, quantities, discounts),
                            null));
            redirect.addFlashAttribute("message", "updated");
            return "redirect:/quotes/" + id;
        } catch (ValidationException e) {
            model.addAttribute("errors", e.errors());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/quotes/" + id;
        }
        return editPage(q, priceBookId, title, terms, validDays, rows(productIds, quantities, discounts), model);
    }

    /** Live totals for the line editor (htmx): the figures, or the field errors the API would answer. */
    @PostMapping("/preview")
    String preview(
            @RequestParam(required = false) Long quoteId,
            @RequestParam(required = false) Long opportunityId,
            @RequestParam(required = false) Long priceBookId,
            @RequestParam(required = false) Integer validDays,
            @RequestParam(name = "productId", required = false) List<String> productIds,
            @RequestParam(name = "quantity", required = false) List<String> quantities,
            @RequestParam(name = "discount", required = false) List<String> discounts,
            Model model) {
        try {
            model.addAttribute(
                    "preview",
                    drafting.preview(
                            quoteId,
                            new QuoteDrafting.QuoteDraft(
                                    null,
                                    opportunityId,
                                    priceBookId,
                                    null,
                                    null,
                                    validDays,
                                    lines(productIds, quantities, discounts),
                                    null)));
        } catch (ValidationException e) {
            model.addAttribute("previewErrors", e.errors());
        }
        return "quote/form :: preview";
    }

    static List<QuoteDrafting.LineInput> lines(
            List<String> productIds, List<String> quantities, List<String> discounts) {
        List<QuoteDrafting.LineInput> lines = new ArrayList<>();
        FieldErrors errors = new FieldErrors();
        if (productIds != null) {
            for (int i = 0; i < productIds.size(); i++) {
                String p = productIds.get(i);
                if (p == null || p.isBlank()) {
                    continue;
                }
                try {
                    BigDecimal qty = new BigDecimal(at(quantities, i, "1"));
                    BigDecimal discount = new BigDecimal(at(discounts, i, "0"));
                    lines.add(new QuoteDrafting.LineInput(Long.parseLong(p), qty, discount));
                } catch (NumberFormatException e) {
                    errors.add("lines[" + lines.size() + "]", "quantity and discount must be numbers");
                }
            }
        }
        errors.throwIfAny();
        return lines;
    }

    private static String at(List<String> list, int i, String fallback) {
        return list == null
                        || i >= list.size()
                        || list.get(i) == null
                        || list.get(i).isBlank()
                ? fallback
                : list.get(i).strip();
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        QuoteView q = quotes.get(id);
        model.addAttribute("q", q);
        model.addAttribute("tags", quotes.feedbackTags());
        model.addAttribute("history", trail.history("quote", id));
        model.addAttribute("canSeeCost", catalog.canSeeCost());
        model.addAttribute("publicBaseUrlConfigured", signing.publicBaseUrlConfigured());
        var actor = currentActor.require();
        model.addAttribute("me", actor);
        model.addAttribute("canDecide", quotes.awaitingMyApproval().stream().anyMatch(a -> a.id() == id));
        model.addAttribute(
                "isFinance",
                actor.has(app.lantern.identity.Role.FINANCE) || actor.has(app.lantern.identity.Role.ADMIN));
        if (q.opportunityId() != null) {
            opportunities.find(q.opportunityId()).ifPresent(o -> {
                model.addAttribute("opportunity", o);
                model.addAttribute("talkingPoints", quotes.talkingPoints(o.budgetRange()));
            });
        }
        return "quote/detail";
    }

    @GetMapping("/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return QuoteApiController.pdfResponse(signing.pdf(id));
    }

    @PostMapping("/{id}/submit")
    String submit(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> approvals.submit(id), "submitted");
    }

    @PostMapping("/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return act(id, redirect, () -> approvals.approve(id, comment), "approved");
    }

    @PostMapping("/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return act(id, redirect, () -> approvals.reject(id, comment), "rejected");
    }

    @PostMapping("/{id}/send")
    String send(@PathVariable long id, RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                () -> redirect.addFlashAttribute("signingUrl", signing.send(id).signingUrl()),
                "sent");
    }

    @PostMapping("/{id}/link")
    String renewLink(@PathVariable long id, RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                () -> redirect.addFlashAttribute(
                        "signingUrl", signing.renewLink(id).signingUrl()),
                "linkRenewed");
    }

    @PostMapping("/{id}/link/revoke")
    String revokeLink(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> signing.revokeLinks(id), "linkRevoked");
    }

    @PostMapping("/{id}/revise")
    String revise(@PathVariable long id, RedirectAttributes redirect) {
        try {
            QuoteView next = drafting.revise(id, null);
            redirect.addFlashAttribute("message", "revised");
            return "redirect:/quotes/" + next.id();
        } catch (ValidationException | ConflictException e) {
            redirect.addFlashAttribute("error", message(e));
            return "redirect:/quotes/" + id;
        }
    }

    @PostMapping("/{id}/feedback")
    String feedback(
            @PathVariable long id,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> feedback.recordFeedback(id, tag, note), "feedback");
    }

    /** Without a seal image, finance is told in its language where to upload one (not the API's English message). */
    @PostMapping("/{id}/seal")
    String seal(@PathVariable long id, RedirectAttributes redirect) {
        if (!seal.sealInfo().present()) {
            redirect.addFlashAttribute("sealMissing", true);
            return "redirect:/quotes/" + id;
        }
        return act(id, redirect, () -> seal.applySeal(id), "stamped");
    }

    private String act(long id, RedirectAttributes redirect, Runnable action, String message) {
        try {
            action.run();
            redirect.addFlashAttribute("message", message);
        } catch (ValidationException | ConflictException | app.lantern.shared.ForbiddenException e) {
            redirect.addFlashAttribute("error", message(e));
        }
        return "redirect:/quotes/" + id;
    }

    static String message(RuntimeException e) {
        if (e instanceof ValidationException v && !v.errors().isEmpty()) {
            return v.errors().getFirst().field() + ": " + v.errors().getFirst().message();
        }
        return e.getMessage();
    }
}
