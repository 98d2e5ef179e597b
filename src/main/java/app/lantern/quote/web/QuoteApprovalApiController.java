package app.lantern.quote.web;

import app.lantern.quote.QuoteApprovals;
import app.lantern.quote.QuoteMetrics;
import app.lantern.quote.QuoteView;
import app.lantern.quote.Quotes;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Quote approvals over the API: submit, approve or reject, the caller's inbox, and approval latency. */
@RestController
@RequestMapping("/api/v1")
class QuoteApprovalApiController {

    private final Quotes quotes;
    private final QuoteApprovals approvals;
    private final QuoteMetrics metrics;

    QuoteApprovalApiController(Quotes quotes, QuoteApprovals approvals, QuoteMetrics metrics) {
        this.quotes = quotes;
        this.approvals = approvals;
        this.metrics = metrics;
    }

    @PostMapping("/quotes/{id}/submit")
    QuoteView submit(@PathVariable long id) {
        return approvals.submit(id);
    }

    record Decision(String comment) {}

    @PostMapping("/quotes/{id}/approve")
    QuoteView approve(@PathVariable long id, @RequestBody(required = false) Decision body) {
        return approvals.approve(id, body == null ? null : body.comment());
    }

    @PostMapping("/quotes/{id}/reject")
    QuoteView reject(@PathVariable long id, @RequestBody(required = false) Decision body) {
        return approvals.reject(id, body == null ? null : body.comment());
    }

    @GetMapping("/quotes/approvals/pending")
    List<QuoteView> pendingApprovals() {
        return quotes.awaitingMyApproval();
    }

    /** Average approval latency in working hours per step role, for decisions in [from, to) (dates in the business zone). */
    @GetMapping("/quotes/approvals/latency")
    Map<String, Double> approvalLatency(
            @RequestParam
                    @org.springframework.format.annotation.DateTimeFormat(
                            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                    java.time.LocalDate from,
            @RequestParam
                    @org.springframework.format.annotation.DateTimeFormat(
                            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                    java.time.LocalDate to) {
        if (to.isBefore(from) || from.plusYears(2).isBefore(to)) {
            throw app.lantern.shared.ValidationException.field(
                    "to", "must be on or after from and at most 2 years later");
        }
        return metrics.averageApprovalLatencyHours(from, to);
    }
}
