package app.lantern.pipeline.web;

import app.lantern.pipeline.OpportunityClosing;
import app.lantern.pipeline.OpportunityEditing;
import app.lantern.pipeline.OpportunityQueries;
import app.lantern.pipeline.OpportunityStatus;
import app.lantern.pipeline.StageMoves;
import app.lantern.shared.PageQuery;
import app.lantern.shared.PageResult;
import app.lantern.shared.ValidationException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/opportunities}: list, read, create, replace, delete, stage moves, closing, reopening, health. */
@RestController
@RequestMapping("/api/v1/opportunities")
class OpportunityApiController {

    private final OpportunityQueries queries;
    private final OpportunityEditing editing;
    private final StageMoves moves;
    private final OpportunityClosing closing;
    private final MessageSource messages;

    OpportunityApiController(
            OpportunityQueries queries,
            OpportunityEditing editing,
            StageMoves moves,
            OpportunityClosing closing,
            MessageSource messages) {
        this.queries = queries;
        this.editing = editing;
        this.moves = moves;
        this.closing = closing;
        this.messages = messages;
    }

    @GetMapping
    PageResult<OpportunityJson.CardJson> list(
            @RequestParam(required = false) Long pipelineId,
            @RequestParam(required = false) Long stageId,
            @RequestParam(required = false) OpportunityStatus status,
            @RequestParam(required = false) Long ownerId,
            @RequestParam(required = false) Long customerId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer healthBelow,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        var filter = new OpportunityQueries.Filter(pipelineId, stageId, status, ownerId, customerId, q, healthBelow);
        PageQuery query = PageQuery.of(page, size, sort, OpportunityQueries.SORT_FIELDS, "updatedAt,desc");
        return queries.list(filter, query).map(OpportunityJson.CardJson::of);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    OpportunityJson create(@RequestBody OpportunityBody body) {
        return OpportunityJson.of(editing.create(body.input()));
    }

    @GetMapping("/{id}")
    OpportunityJson get(@PathVariable long id) {
        return OpportunityJson.of(queries.visible(id));
    }

    @PutMapping("/{id}")
    OpportunityJson update(@PathVariable long id, @RequestBody OpportunityBody body) {
        if (body.version() == null) {
            throw ValidationException.field("version", "must not be null (optimistic locking)");
        }
        return OpportunityJson.of(editing.update(id, body.input(), body.version()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, @RequestParam int version) {
        editing.delete(id, version);
    }

    record StageBody(Long stageId, Integer version) {}

    /** 422 naming the missing entry criteria; 409 when {@code version} is stale (someone else moved it first). */
    @PostMapping("/{id}/stage")
    OpportunityJson move(@PathVariable long id, @RequestBody StageBody body) {
        if (body.stageId() == null) {
            throw ValidationException.field("stageId", "must not be null");
        }
        return OpportunityJson.of(moves.moveTo(id, body.stageId(), body.version()));
    }

    record CloseBody(OpportunityStatus outcome, String reason, BigDecimal amount, Integer version) {}

    /** Close as won or lost: {@code {"outcome":"WON"|"LOST","reason","amount","version"}}. */
    @PostMapping("/{id}/close")
    OpportunityJson close(@PathVariable long id, @RequestBody CloseBody body) {
        if (body.outcome() == OpportunityStatus.WON) {
            return OpportunityJson.of(closing.win(id, body.amount(), body.reason(), body.version()));
        }
        if (body.outcome() == OpportunityStatus.LOST) {
            return OpportunityJson.of(closing.lose(id, body.reason(), body.version()));
        }
        throw ValidationException.field("outcome", "must be WON or LOST");
    }

    record VersionBody(Integer version) {}

    /** Reopens a won or lost opportunity in the stage it was closed from; 422 when it is open. */
    @PostMapping("/{id}/reopen")
    OpportunityJson reopen(@PathVariable long id, @RequestBody(required = false) VersionBody body) {
        return OpportunityJson.of(closing.reopen(id, body == null ? null : body.version()));
    }

    /** The explained health score, in the caller's language (the UI language switch; Chinese by default). */
    @GetMapping("/{id}/health")
    HealthJson health(@PathVariable long id, Locale locale) {
        return HealthJson.of(id, queries.health(id), messages, locale);
    }

    @GetMapping("/{id}/stage-history")
    List<OpportunityJson.HistoryJson> history(@PathVariable long id) {
        return queries.visible(id).history().stream()
                .map(OpportunityJson.HistoryJson::of)
                .toList();
    }
}
