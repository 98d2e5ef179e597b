package app.lantern.pipeline.web;

import app.lantern.pipeline.GateInput;
import app.lantern.pipeline.OpportunityCard;
import app.lantern.pipeline.OpportunityDetails;
import app.lantern.pipeline.OpportunityEditing;
import app.lantern.pipeline.OpportunityField;
import app.lantern.pipeline.OpportunityQueries;
import app.lantern.pipeline.OwnerSelection;
import app.lantern.pipeline.PipelineView;
import app.lantern.pipeline.Pipelines;
import app.lantern.pipeline.StageMoves;
import app.lantern.shared.ConflictException;
import app.lantern.shared.ValidationException;
import app.lantern.shared.web.FormErrors;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRefreshView;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponse;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The Kanban board: columns per stage, drag and drop moves, and the stage gate that bounces a card and asks for
 * exactly the missing fields (answered into the modal: retarget {@code #gate-body}, event {@code pipeline-bounce}).
 */
@Controller
class BoardController {

    private final Pipelines pipelines;
    private final OpportunityQueries queries;
    private final StageMoves moves;
    private final OpportunityEditing editing;
    private final StageGateView gateView;
    private final OwnerSelection owners;

    BoardController(
            Pipelines pipelines,
            OpportunityQueries queries,
            StageMoves moves,
            OpportunityEditing editing,
            StageGateView gateView,
            OwnerSelection owners) {
        this.pipelines = pipelines;
        this.queries = queries;
        this.moves = moves;
        this.editing = editing;
        this.gateView = gateView;
        this.owners = owners;
    }

    @GetMapping("/opportunities/board")
    String board(
            @RequestParam(required = false) Long pipelineId,
            @RequestParam(required = false) Long ownerId,
            Model model) {
        List<PipelineView> active =
                pipelines.all().stream().filter(PipelineView::active).toList();
        PipelineView p = pipelineId == null ? active.getFirst() : pipelines.require(pipelineId);
        var board = queries.board(p.id(), ownerId);
        model.addAttribute("pipelines", active);
        model.addAttribute("pipeline", p);
        model.addAttribute("board", board);
        model.addAttribute("cardsPerColumn", OpportunityQueries.CARDS_PER_COLUMN);
        model.addAttribute("owners", owners.reps());
        model.addAttribute("ownerId", ownerId);
        return "pipeline/board";
    }

    /** The next cards of a column, fetched when its last card scrolls into view (htmx, {@code revealed}). */
    @GetMapping("/opportunities/board/column")
    String column(
            @RequestParam long pipelineId,
            @RequestParam long stageId,
            @RequestParam(required = false) Long ownerId,
            @RequestParam int offset,
            Model model) {
        List<OpportunityCard> cards = queries.column(pipelineId, stageId, ownerId, offset);
        model.addAttribute("cards", cards);
        model.addAttribute("pipelineId", pipelineId);
        model.addAttribute("stageId", stageId);
        model.addAttribute("ownerId", ownerId);
        model.addAttribute("next", cards.size() == OpportunityQueries.CARDS_PER_COLUMN ? offset + cards.size() : null);
        return "pipeline/board :: more";
    }

    /** Drag and drop target: moves the card, or bounces it with the gate form or why it cannot move. */
    @PostMapping("/opportunities/{id}/move")
    ModelAndView move(
            @PathVariable long id,
            @RequestParam long stageId,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) boolean refresh,
            Model model,
            HtmxResponse htmx) {
        try {
            moves.moveTo(id, stageId, version);
            if (refresh) {
                return new ModelAndView(new HtmxRefreshView());
            }
            model.addAttribute("card", queries.card(id));
            return new ModelAndView("pipeline/board :: card");
        } catch (ValidationException e) {
            boolean gateFields = e.status() == 422
                    && e.errors().stream()
                            .allMatch(f -> OpportunityField.byKey(f.field()).isPresent());
            return new ModelAndView(
                    gateFields
                            ? gateView.gate(id, stageId, Map.of(), model, htmx)
                            : gateView.bounce(
                                    id,
                                    "pipeline.move.refused",
                                    e.errors().getFirst().message(),
                                    model,
                                    htmx));
        } catch (ConflictException e) {
            return new ModelAndView(gateView.bounce(id, "pipeline.move.conflict", null, model, htmx));
        }
    }

    /** The gate form: fills the missing fields and moves; the page reloads on success (HX-Refresh). */
    @PostMapping("/opportunities/{id}/gate")
    ModelAndView gateSubmit(
            @PathVariable long id,
            @RequestParam long stageId,
            @RequestParam int version,
            @ModelAttribute GateInput gate,
            BindingResult binding,
            Model model,
            HtmxResponse htmx) {
        try {
            FormErrors.throwIfAny(binding);
            OpportunityDetails filled = editing.fill(id, gate, version);
            moves.moveTo(id, stageId, filled.version());
            return new ModelAndView(new HtmxRefreshView());
        } catch (ValidationException e) {
            return new ModelAndView(gateView.gate(id, stageId, FormErrors.of(e), model, htmx));
        } catch (ConflictException e) {
            return new ModelAndView(gateView.bounce(id, "pipeline.move.conflict", null, model, htmx));
        }
    }
}
