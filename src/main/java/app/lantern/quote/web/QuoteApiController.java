package app.lantern.quote.web;

import app.lantern.pipeline.BudgetRange;
import app.lantern.quote.QuoteDrafting;
import app.lantern.quote.QuoteFeedback;
import app.lantern.quote.QuoteView;
import app.lantern.quote.Quotes;
import app.lantern.shared.PageQuery;
import app.lantern.shared.PageResult;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Quotes over the API: list and read, draft, update and revise, feedback after sending, and the reference lists. */
@RestController
@RequestMapping("/api/v1")
class QuoteApiController {

    private final Quotes quotes;
    private final QuoteDrafting drafting;
    private final QuoteFeedback feedback;

    QuoteApiController(Quotes quotes, QuoteDrafting drafting, QuoteFeedback feedback) {
        this.quotes = quotes;
        this.drafting = drafting;
        this.feedback = feedback;
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
}
