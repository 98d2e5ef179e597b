package app.lantern.conversation.web;

import app.lantern.conversation.ConversationExtraction;
import app.lantern.conversation.ConversationView;
import app.lantern.conversation.Conversations;
import app.lantern.shared.PageResult;
import app.lantern.shared.ValidationException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/conversations}: extract a transcript offline, store one on an opportunity, confirm its items. */
@RestController
@RequestMapping("/api/v1/conversations")
class ConversationApiController {

    private final ConversationExtraction extraction;
    private final Conversations conversations;

    ConversationApiController(ConversationExtraction extraction, Conversations conversations) {
        this.extraction = extraction;
        this.conversations = conversations;
    }

    record ExtractRequest(String transcript, String callDate) {}

    record CreateRequest(String opportunityId, String transcript, String callDate) {}

    record ConversationJson(
            String id,
            String opportunityId,
            LocalDate callDate,
            String status,
            String transcript,
            ExtractionJson draft,
            ExtractionJson accepted,
            OffsetDateTime createdAt,
            OffsetDateTime confirmedAt) {

        static ConversationJson of(ConversationView v) {
            return new ConversationJson(
                    String.valueOf(v.id()),
                    String.valueOf(v.opportunityId()),
                    v.callDate(),
                    v.status(),
                    v.transcript(),
                    ExtractionJson.of(v.draft()),
                    v.accepted() == null ? null : ExtractionJson.of(v.accepted()),
                    v.createdAt(),
                    v.confirmedAt());
        }
    }

    @PostMapping("/extract")
    ExtractionJson extract(@RequestBody ExtractRequest body) {
        return ExtractionJson.of(extraction.extract(body.transcript(), body.callDate(), List.of()));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ConversationJson create(@RequestBody CreateRequest body) {
        return ConversationJson.of(
                conversations.create(opportunityId(body.opportunityId()), body.transcript(), body.callDate()));
    }

    @GetMapping
    PageResult<ConversationJson> list(@RequestParam String opportunityId) {
        List<ConversationJson> items = conversations.of(opportunityId(opportunityId)).stream()
                .map(ConversationJson::of)
                .toList();
        return new PageResult<>(items, 0, Math.max(1, items.size()), items.size(), true);
    }

    @GetMapping("/{id}")
    ConversationJson get(@PathVariable long id) {
        return ConversationJson.of(conversations.view(id));
    }

    @PostMapping("/{id}/confirm")
    ConversationJson confirm(@PathVariable long id, @RequestBody ExtractionJson accepted) {
        return ConversationJson.of(conversations.confirm(id, accepted.toExtraction()));
    }

    private static long opportunityId(String raw) {
        try {
            return Long.parseLong(raw == null ? "" : raw.strip());
        } catch (NumberFormatException e) {
            throw ValidationException.field("opportunityId", "must be an opportunity id");
        }
    }
}
