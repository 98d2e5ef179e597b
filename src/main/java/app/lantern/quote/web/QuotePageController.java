package app.lantern.quote.web;

import app.lantern.audit.AuditTrail;
import app.lantern.identity.CurrentActor;
import app.lantern.pipeline.Opportunities;
import app.lantern.quote.Catalog;
import app.lantern.quote.QuoteSigning;
import app.lantern.quote.QuoteView;
import app.lantern.quote.Quotes;
import app.lantern.shared.PageQuery;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Quote pages to read: the list with the approval inbox, and a quote's detail with its history and PDF. */
@Controller
@RequestMapping("/quotes")
class QuotePageController {

    private final Quotes quotes;
    private final QuoteSigning signing;
    private final Catalog catalog;
    private final Opportunities opportunities;
    private final CurrentActor currentActor;
    private final AuditTrail trail;

    QuotePageController(
            Quotes quotes,
            QuoteSigning signing,
            Catalog catalog,
            Opportunities opportunities,
            CurrentActor currentActor,
            AuditTrail trail) {
        this.quotes = quotes;
        this.signing = signing;
        this.catalog = catalog;
        this.opportunities = opportunities;
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
        return QuoteSigningApiController.pdfResponse(signing.pdf(id));
    }
}
