package app.lantern.quote.web;

import app.lantern.quote.QuoteApprovals;
import app.lantern.quote.QuoteDrafting;
import app.lantern.quote.QuoteFeedback;
import app.lantern.quote.QuoteSeal;
import app.lantern.quote.QuoteSigning;
import app.lantern.quote.QuoteView;
import app.lantern.shared.ConflictException;
import app.lantern.shared.ValidationException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The buttons of a quote's detail page, one per step of its lifecycle; each returns to the quote with the outcome. */
@Controller
@RequestMapping("/quotes/{id}")
class QuoteActionsController {

    private final QuoteDrafting drafting;
    private final QuoteApprovals approvals;
    private final QuoteFeedback feedback;
    private final QuoteSigning signing;
    private final QuoteSeal seal;

    QuoteActionsController(
            QuoteDrafting drafting,
            QuoteApprovals approvals,
            QuoteFeedback feedback,
            QuoteSigning signing,
            QuoteSeal seal) {
        this.drafting = drafting;
        this.approvals = approvals;
        this.feedback = feedback;
        this.signing = signing;
        this.seal = seal;
    }

    @PostMapping("/submit")
    String submit(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> approvals.submit(id), "submitted");
    }

    @PostMapping("/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return act(id, redirect, () -> approvals.approve(id, comment), "approved");
    }

    @PostMapping("/reject")
    String reject(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return act(id, redirect, () -> approvals.reject(id, comment), "rejected");
    }

    @PostMapping("/send")
    String send(@PathVariable long id, RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                () -> redirect.addFlashAttribute("signingUrl", signing.send(id).signingUrl()),
                "sent");
    }

    @PostMapping("/link")
    String renewLink(@PathVariable long id, RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                () -> redirect.addFlashAttribute(
                        "signingUrl", signing.renewLink(id).signingUrl()),
                "linkRenewed");
    }

    @PostMapping("/link/revoke")
    String revokeLink(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> signing.revokeLinks(id), "linkRevoked");
    }

    @PostMapping("/revise")
    String revise(@PathVariable long id, RedirectAttributes redirect) {
        try {
            QuoteView next = drafting.revise(id, null);
            redirect.addFlashAttribute("message", "revised");
            return "redirect:/quotes/" + next.id();
        } catch (ValidationException | ConflictException e) {
            redirect.addFlashAttribute("error", Flash.reason(e));
            return "redirect:/quotes/" + id;
        }
    }

    @PostMapping("/feedback")
    String feedback(
            @PathVariable long id,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> feedback.recordFeedback(id, tag, note), "feedback");
    }

    /** Without a seal image, finance is told in its language where to upload one (not the API's English message). */
    @PostMapping("/seal")
    String seal(@PathVariable long id, RedirectAttributes redirect) {
        if (!seal.sealInfo().present()) {
            redirect.addFlashAttribute("sealMissing", true);
            return "redirect:/quotes/" + id;
        }
        return act(id, redirect, () -> seal.applySeal(id), "stamped");
    }

    private static String act(long id, RedirectAttributes redirect, Runnable action, String message) {
        return Flash.act("/quotes/" + id, redirect, action, message);
    }
}
