package app.lantern.quote.web;

import app.lantern.pipeline.BudgetRange;
import app.lantern.quote.InboundStampCallbacks;
import app.lantern.quote.QuoteApprovals;
import app.lantern.quote.QuoteDrafting;
import app.lantern.quote.QuoteFeedback;
import app.lantern.quote.QuoteMetrics;
import app.lantern.quote.QuoteSeal;
import app.lantern.quote.QuoteSigning;
import app.lantern.quote.QuoteView;
import app.lantern.quote.Quotes;
import app.lantern.shared.PageQuery;
import app.lantern.shared.PageResult;
import app.lantern.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Quotes API: create, update, revise, submit, approve/reject, send, signing link, PDF, feedback, seal. */
@RestController
@RequestMapping("/api/v1")
class QuoteApiController {

    private final Quotes quotes;
    private final QuoteDrafting drafting;
    private final QuoteApprovals approvals;
    private final QuoteFeedback feedback;
    private final QuoteMetrics metrics;
    private final QuoteSigning signing;
    private final QuoteSeal seal;
    private final InboundStampCallbacks inbound;

    QuoteApiController(
            Quotes quotes,
            QuoteDrafting drafting,
            QuoteApprovals approvals,
            QuoteFeedback feedback,
            QuoteMetrics metrics,
            QuoteSigning signing,
            QuoteSeal seal,
            InboundStampCallbacks inbound) {
        this.quotes = quotes;
        this.drafting = drafting;
        this.approvals = approvals;
        this.feedback = feedback;
        this.metrics = metrics;
        this.signing = signing;
        this.seal = seal;
        this.inbound = inbound;
    }

    @GetMapping("/quotes")
    PageResult<QuoteView> list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Long ownerId,
            @RequestParam(required = false) Long customerId,
            @RequestParam(required = false) Long opportunityId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        return quotes.list(
                new Quotes.QuoteFilter(status, ownerId, customerId, opportunityId, q),
                PageQuery.of(page, size, sort, Quotes.sortFields(), "createdAt,desc"));
    }

    @GetMapping("/quotes/{id}")
    QuoteView get(@PathVariable long id) {
        return quotes.get(id);
    }

    @PostMapping("/quotes")
    @ResponseStatus(HttpStatus.CREATED)
    QuoteView create(@RequestBody QuoteDrafting.QuoteDraft draft) {
        return drafting.create(draft);
    }

    @PutMapping("/quotes/{id}")
    QuoteView update(@PathVariable long id, @RequestBody QuoteDrafting.QuoteDraft draft) {
        return drafting.update(id, draft);
    }

    /** A new revision; without a body the current lines are copied. */
    @PostMapping("/quotes/{id}/revisions")
    @ResponseStatus(HttpStatus.CREATED)
    QuoteView revise(@PathVariable long id, @RequestBody(required = false) QuoteDrafting.QuoteDraft draft) {
        return drafting.revise(id, draft);
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

    @PostMapping("/quotes/{id}/send")
    QuoteSigning.SentQuote send(@PathVariable long id) {
        return signing.send(id);
    }

    @PostMapping("/quotes/{id}/signing-link")
    QuoteSigning.SentQuote renewLink(@PathVariable long id) {
        return signing.renewLink(id);
    }

    @DeleteMapping("/quotes/{id}/signing-link")
    ResponseEntity<Void> revokeLink(@PathVariable long id) {
        signing.revokeLinks(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/quotes/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return pdfResponse(signing.pdf(id));
    }

    static ResponseEntity<byte[]> pdfResponse(QuoteSigning.Document d) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(d.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-SHA256", d.sha256())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(d.content());
    }

    record FeedbackBody(String tag, String note) {}

    @PostMapping("/quotes/{id}/feedback")
    QuoteView feedback(@PathVariable long id, @RequestBody FeedbackBody body) {
        return feedback.recordFeedback(id, body.tag(), body.note());
    }

    @GetMapping("/quotes/feedback-tags")
    List<Quotes.FeedbackTag> tags() {
        return quotes.feedbackTags();
    }

    @GetMapping("/quotes/talking-points")
    Map<String, Object> talkingPoints(@RequestParam BudgetRange budgetRange) {
        return Map.of(
                "budgetRange",
                budgetRange.name(),
                "label",
                budgetRange.label(),
                "points",
                quotes.talkingPoints(budgetRange));
    }

    @GetMapping("/quotes/stamp-queue")
    List<QuoteSeal.StampTask> stampQueue() {
        return seal.stampQueue();
    }

    @PostMapping("/quotes/{id}/seal")
    QuoteView seal(@PathVariable long id) {
        return seal.applySeal(id);
    }

    /** Finance systems report a quote stamped; authenticated by the HMAC signature, not a session. */
    @PostMapping(value = "/inbound/quotes/stamped", consumes = MediaType.APPLICATION_JSON_VALUE)
    QuoteView inboundStamped(
            @RequestHeader(value = "X-Lantern-Timestamp", required = false) String timestamp,
            @RequestHeader(value = "X-Lantern-Signature", required = false) String signature,
            @RequestBody byte[] body,
            HttpServletRequest request) {
        return inbound.stampedCallback(
                timestamp, signature, new String(body, StandardCharsets.UTF_8), request.getRemoteAddr());
    }

    @ExceptionHandler(InboundStampCallbacks.InboundRefused.class)
    ResponseEntity<ProblemDetail> refused(InboundStampCallbacks.InboundRefused e) {
        HttpStatus status = HttpStatus.valueOf(e.status());
        return Problems.response(Problems.of(
                status,
                switch (status) {
                    case CONFLICT -> "replay";
                    case TOO_MANY_REQUESTS -> "throttled";
                    default -> "unauthorized";
                },
                status.getReasonPhrase(),
                e.getMessage()));
    }
}
