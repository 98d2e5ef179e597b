package app.lantern.pipeline.web;

import app.lantern.pipeline.Funnel;
import app.lantern.pipeline.FunnelMetrics;
import app.lantern.pipeline.Intervention;
import app.lantern.pipeline.InterventionOutcome;
import app.lantern.pipeline.InterventionStatus;
import app.lantern.pipeline.Interventions;
import app.lantern.pipeline.OwnerSelection;
import app.lantern.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/funnel} and {@code /api/v1/interventions}: how the pipeline converts, and what managers do about it. */
@RestController
@RequestMapping("/api/v1")
class FunnelApiController {

    private final FunnelMetrics funnels;
    private final Interventions interventions;
    private final OwnerSelection owners;
    private final Clock clock;

    FunnelApiController(FunnelMetrics funnels, Interventions interventions, OwnerSelection owners, Clock clock) {
        this.funnels = funnels;
        this.interventions = interventions;
        this.owners = owners;
        this.clock = clock;
    }

    record StageConversionJson(
            String stageId,
            String stageName,
            int order,
            int entered,
            int advanced,
            double conversion,
            double medianDwellDays) {}

    record FunnelJson(
            LocalDate from,
            LocalDate to,
            String pipelineId,
            List<StageConversionJson> stages,
            double winRate,
            BigDecimal averageWonAmount,
            double medianCycleDays,
            int won,
            int lost,
            int created) {}

    /** Funnel of the reader's scope, or of one rep / team inside it. Default period: the last 90 days. */
    @GetMapping("/funnel")
    FunnelJson funnel(
            @RequestParam(required = false) Long pipelineId,
            @RequestParam(required = false) Long ownerId,
            @RequestParam(required = false) Long teamId,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.minusDays(90) : from;
        if (start.isAfter(end) || start.isBefore(end.minusYears(3))) {
            throw ValidationException.field("from", "must be before 'to' and within three years of it");
        }
        Funnel f = funnels.funnel(owners.owners(ownerId, teamId), pipelineId, start, end);
        return new FunnelJson(
                start,
                end,
                pipelineId == null ? null : String.valueOf(pipelineId),
                f.stages().stream()
                        .map(s -> new StageConversionJson(
                                String.valueOf(s.stageId()),
                                s.stageName(),
                                s.order(),
                                s.entered(),
                                s.advanced(),
                                s.conversion(),
                                s.medianDwellDays()))
                        .toList(),
                f.winRate(),
                f.averageWonAmount(),
                f.medianCycleDays(),
                f.won(),
                f.lost(),
                f.created());
    }

    record InterventionJson(
            String id,
            String opportunityId,
            String opportunityName,
            String ownerId,
            String ownerName,
            String managerId,
            int score,
            Integer currentScore,
            String weakFactors,
            String status,
            String outcome,
            String note,
            OffsetDateTime openedAt,
            OffsetDateTime resolvedAt) {

        static InterventionJson of(Intervention i) {
            return new InterventionJson(
                    String.valueOf(i.id()),
                    String.valueOf(i.opportunityId()),
                    i.opportunityName(),
                    String.valueOf(i.ownerId()),
                    i.ownerName(),
                    String.valueOf(i.managerId()),
                    i.score(),
                    i.currentScore(),
                    i.weakFactors(),
                    i.status(),
                    i.outcome(),
                    i.note(),
                    i.openedAt(),
                    i.resolvedAt());
        }
    }

    @GetMapping("/interventions")
    List<InterventionJson> interventions(@RequestParam(required = false) InterventionStatus status) {
        return interventions.visible(status, 200).stream()
                .map(InterventionJson::of)
                .toList();
    }

    record OutcomeBody(InterventionOutcome outcome, String note) {}

    @PostMapping("/interventions/{id}/outcome")
    InterventionJson resolve(@PathVariable long id, @RequestBody OutcomeBody body) {
        return InterventionJson.of(interventions.resolve(id, body.outcome(), body.note()));
    }
}
