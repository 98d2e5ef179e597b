package app.lantern.pipeline.web;

import app.lantern.identity.CurrentActor;
import app.lantern.identity.DataScopes;
import app.lantern.identity.Directory;
import app.lantern.identity.RecordKind;
import app.lantern.identity.Role;
import app.lantern.identity.UserSummary;
import app.lantern.pipeline.BudgetRange;
import app.lantern.pipeline.FactorResult;
import app.lantern.pipeline.Funnel;
import app.lantern.pipeline.FunnelMetrics;
import app.lantern.pipeline.HealthReport;
import app.lantern.pipeline.Intervention;
import app.lantern.pipeline.Interventions;
import app.lantern.pipeline.OpportunityCard;
import app.lantern.pipeline.OpportunityDetails;
import app.lantern.pipeline.OpportunityInput;
import app.lantern.pipeline.OpportunityService;
import app.lantern.pipeline.OpportunityStatus;
import app.lantern.pipeline.PipelineView;
import app.lantern.pipeline.Pipelines;
import app.lantern.pipeline.StageHistoryEntry;
import app.lantern.shared.ForbiddenException;
import app.lantern.shared.PageQuery;
import app.lantern.shared.PageResult;
import app.lantern.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

/** {@code /api/v1/pipelines}, {@code /api/v1/opportunities}, {@code /api/v1/funnel}, {@code /api/v1/interventions}. */
@RestController
@RequestMapping("/api/v1")
class PipelineApiController {

    private final Pipelines pipelines;
    private final OpportunityService opportunities;
    private final FunnelMetrics funnels;
    private final Interventions interventions;
    private final CurrentActor currentActor;
    private final DataScopes scopes;
    private final Directory directory;
    private final Clock clock;
    private final MessageSource messages;

    PipelineApiController(
            Pipelines pipelines,
            OpportunityService opportunities,
            FunnelMetrics funnels,
            Interventions interventions,
            CurrentActor currentActor,
            DataScopes scopes,
            Directory directory,
            Clock clock,
            MessageSource messages) {
        this.pipelines = pipelines;
        this.opportunities = opportunities;
        this.funnels = funnels;
        this.interventions = interventions;
        this.currentActor = currentActor;
        this.scopes = scopes;
        this.directory = directory;
        this.clock = clock;
        this.messages = messages;
    }

    // ------------------------------------------------------------------ pipelines

    record StageJson(
            String id,
            String name,
            int position,
            int winProbability,
            List<String> requiredFields,
            int slaDays,
            List<String> keyActions) {}

    record PipelineJson(
            String id,
            String name,
            String productLine,
            String templateCode,
            int budgetRequiredFrom,
            int healthThreshold,
            boolean active,
            int version,
            List<StageJson> stages,
            Map<String, Integer> healthWeights) {}

    static PipelineJson json(PipelineView p) {
        Map<String, Integer> w = new LinkedHashMap<>();
        p.weights().forEach((k, v) -> w.put(k.name(), v));
        return new PipelineJson(
                String.valueOf(p.id()),
                p.name(),
                p.productLine(),
                p.templateCode(),
                p.budgetRequiredFrom(),
                p.healthThreshold(),
                p.active(),
                p.version(),
                p.stages().stream()
                        .map(s -> new StageJson(
                                String.valueOf(s.id()),
                                s.name(),
                                s.position(),
                                s.winProbability(),
                                s.requiredFields(),
                                s.slaDays(),
                                s.keyActions()))
                        .toList(),
                w);
    }

    @GetMapping("/pipelines")
    List<PipelineJson> pipelines() {
        return pipelines.all().stream().map(PipelineApiController::json).toList();
    }

    @GetMapping("/pipelines/{id}")
    PipelineJson pipeline(@PathVariable long id) {
        return json(pipelines.require(id));
    }

    record PipelineBody(
            String name,
            String productLine,
            Integer budgetRequiredFrom,
            Integer healthThreshold,
            List<Pipelines.StageInput> stages,
            Integer version) {}

    @PostMapping("/pipelines")
    @ResponseStatus(HttpStatus.CREATED)
    PipelineJson createPipeline(@RequestBody PipelineBody body) {
        requireAdmin();
        return json(pipelines.create(
                new Pipelines.PipelineInput(
                        body.name(),
                        body.productLine(),
                        body.budgetRequiredFrom(),
                        body.healthThreshold(),
                        body.stages()),
                null));
    }

    @PutMapping("/pipelines/{id}")
    PipelineJson updatePipeline(@PathVariable long id, @RequestBody PipelineBody body) {
        requireAdmin();
        return json(pipelines.update(
                id,
                new Pipelines.PipelineInput(
                        body.name(),
                        body.productLine(),
                        body.budgetRequiredFrom(),
                        body.healthThreshold(),
                        body.stages()),
                body.version()));
    }

    @PutMapping("/pipelines/{id}/health-weights")
    PipelineJson weights(@PathVariable long id, @RequestBody Map<String, Integer> weights) {
        requireAdmin();
        return json(pipelines.updateWeights(id, weights));
    }

    // ------------------------------------------------------------------ opportunities

    record ContactJson(String contactId, String name, String title, String role) {}

    record HistoryJson(
            String stageId,
            String stageName,
            OffsetDateTime enteredAt,
            OffsetDateTime exitedAt,
            String exitKind,
            double durationDays,
            int workingDays) {}

    record OpportunityJson(
            String id,
            String name,
            String customerId,
            String customerName,
            String ownerId,
            String ownerName,
            String pipelineId,
            String pipelineName,
            String productLine,
            String stageId,
            String stageName,
            int stagePosition,
            int winProbability,
            OpportunityStatus status,
            BigDecimal amount,
            BudgetRange budgetRange,
            LocalDate expectedClose,
            String coreNeed,
            String blocker,
            String competitors,
            String competitorDoc,
            String nextStep,
            LocalDate nextStepDue,
            String source,
            String lossReason,
            OffsetDateTime lastContactAt,
            OffsetDateTime stageEnteredAt,
            Integer healthScore,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            OffsetDateTime closedAt,
            int version,
            List<ContactJson> contacts,
            List<HistoryJson> stageHistory) {}

    static HistoryJson json(StageHistoryEntry h) {
        return new HistoryJson(
                String.valueOf(h.stageId()),
                h.stageName(),
                h.enteredAt(),
                h.exitedAt(),
                h.exitKind(),
                h.days(),
                h.workingDays());
    }

    static OpportunityJson json(OpportunityDetails d) {
        return new OpportunityJson(
                String.valueOf(d.id()),
                d.name(),
                String.valueOf(d.customerId()),
                d.customerName(),
                String.valueOf(d.ownerId()),
                d.ownerName(),
                String.valueOf(d.pipelineId()),
                d.pipelineName(),
                d.productLine(),
                String.valueOf(d.stageId()),
                d.stageName(),
                d.stagePosition(),
                d.winProbability(),
                d.status(),
                d.amount(),
                d.budgetRange(),
                d.expectedClose(),
                d.coreNeed(),
                d.blocker(),
                d.competitors(),
                d.competitorDoc(),
                d.nextStep(),
                d.nextStepDue(),
                d.source(),
                d.lossReason(),
                d.lastContactAt(),
                d.stageEnteredAt(),
                d.healthScore(),
                d.createdAt(),
                d.updatedAt(),
                d.closedAt(),
                d.version(),
                d.contacts().stream()
                        .map(c -> new ContactJson(String.valueOf(c.contactId()), c.name(), c.title(), c.role()))
                        .toList(),
                d.history().stream().map(PipelineApiController::json).toList());
    }

    record CardJson(
            String id,
            String name,
            String customerId,
            String customerName,
            String ownerId,
            String ownerName,
            String pipelineId,
            String stageId,
            String stageName,
            OpportunityStatus status,
            BigDecimal amount,
            LocalDate expectedClose,
            Integer healthScore,
            OffsetDateTime lastContactAt,
            OffsetDateTime updatedAt,
            int version) {}

    static CardJson json(OpportunityCard c) {
        return new CardJson(
                String.valueOf(c.id()),
                c.name(),
                String.valueOf(c.customerId()),
                c.customerName(),
                String.valueOf(c.ownerId()),
                c.ownerName(),
                String.valueOf(c.pipelineId()),
                String.valueOf(c.stageId()),
                c.stageName(),
                c.status(),
                c.amount(),
                c.expectedClose(),
                c.healthScore(),
                c.lastContactAt(),
                c.updatedAt(),
                c.version());
    }

    @GetMapping("/opportunities")
    PageResult<CardJson> list(
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
        PageQuery query = PageQuery.of(page, size, sort, OpportunityService.SORT_FIELDS, "updatedAt,desc");
        return opportunities
                .list(
                        new OpportunityService.Filter(pipelineId, stageId, status, ownerId, customerId, q, healthBelow),
                        query)
                .map(PipelineApiController::json);
    }

    record OpportunityBody(
            String name,
            Long customerId,
            Long ownerId,
            Long pipelineId,
            Long stageId,
            BigDecimal amount,
            BudgetRange budgetRange,
            LocalDate expectedClose,
            String coreNeed,
            String blocker,
            String competitors,
            String nextStep,
            LocalDate nextStepDue,
            String source,
            List<OpportunityInput.ContactRole> contacts,
            Integer version) {

        OpportunityInput input() {
            return new OpportunityInput(
                    name,
                    customerId,
                    ownerId,
                    pipelineId,
                    stageId,
                    amount,
                    budgetRange,
                    expectedClose,
                    coreNeed,
                    blocker,
                    competitors,
                    nextStep,
                    nextStepDue,
                    source,
                    contacts);
        }
    }

    @PostMapping("/opportunities")
    @ResponseStatus(HttpStatus.CREATED)
    OpportunityJson create(@RequestBody OpportunityBody body) {
        return json(opportunities.create(body.input()));
    }

    @GetMapping("/opportunities/{id}")
    OpportunityJson get(@PathVariable long id) {
        return json(opportunities.visible(id));
    }

    @PutMapping("/opportunities/{id}")
    OpportunityJson update(@PathVariable long id, @RequestBody OpportunityBody body) {
        if (body.version() == null) {
            throw ValidationException.field("version", "must not be null (optimistic locking)");
        }
        return json(opportunities.update(id, body.input(), body.version()));
    }

    @DeleteMapping("/opportunities/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, @RequestParam int version) {
        opportunities.delete(id, version);
    }

    record StageBody(Long stageId, Integer version) {}

    @PostMapping("/opportunities/{id}/stage")
    OpportunityJson move(@PathVariable long id, @RequestBody StageBody body) {
        if (body.stageId() == null) {
            throw ValidationException.field("stageId", "must not be null");
        }
        return json(opportunities.moveTo(id, body.stageId(), body.version()));
    }

    record CloseBody(String outcome, String reason, BigDecimal amount, Integer version) {}

    /** Close as won or lost: {@code {"outcome":"WON"|"LOST","reason","amount","version"}}. */
    @PostMapping("/opportunities/{id}/close")
    OpportunityJson close(@PathVariable long id, @RequestBody CloseBody body) {
        if ("WON".equals(body.outcome())) {
            return json(opportunities.win(id, body.amount(), body.reason(), body.version()));
        }
        if ("LOST".equals(body.outcome())) {
            return json(opportunities.lose(id, body.reason(), body.version()));
        }
        throw ValidationException.field("outcome", "must be WON or LOST");
    }

    record FactorJson(
            String factor, String label, String value, double points, double maxPoints, String why, boolean weak) {}

    record HealthJson(String opportunityId, int score, List<FactorJson> factors, LocalDate graceUntil) {}

    @GetMapping("/opportunities/{id}/health")
    HealthJson health(@PathVariable long id) {
        HealthReport r = opportunities.health(id);
        return new HealthJson(
                String.valueOf(id),
                r.score(),
                r.factors().stream()
                        .map(f -> json(f, LocaleContextHolder.getLocale()))
                        .toList(),
                r.graceUntil());
    }

    /** The factor in the caller's language (the UI language switch; Chinese by default). */
    private FactorJson json(FactorResult f, Locale locale) {
        return new FactorJson(
                f.factor().name(),
                messages.getMessage("pipeline.factor." + f.factor(), null, locale),
                messages.getMessage(f.value(), locale),
                f.points(),
                f.maxPoints(),
                messages.getMessage(f.why(), locale),
                f.weak());
    }

    @GetMapping("/opportunities/{id}/stage-history")
    List<HistoryJson> history(@PathVariable long id) {
        return opportunities.visible(id).history().stream()
                .map(PipelineApiController::json)
                .toList();
    }

    // ------------------------------------------------------------------ funnel and interventions

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
        Set<Long> owners = ownersFor(ownerId, teamId);
        Funnel f = funnels.funnel(owners, pipelineId, start, end);
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

    Set<Long> ownersFor(Long ownerId, Long teamId) {
        var scope = scopes.current(RecordKind.OPPORTUNITY);
        Set<Long> owners = scope.isEverything()
                ? directory.users().stream().map(UserSummary::id).collect(Collectors.toSet())
                : scope.ownerIds();
        if (teamId != null) {
            Set<Long> team = directory.members(directory.subtree(teamId)).stream()
                    .map(UserSummary::id)
                    .collect(Collectors.toSet());
            owners = owners.stream().filter(team::contains).collect(Collectors.toSet());
        }
        if (ownerId != null) {
            scope.require(ownerId, "user", ownerId);
            owners = owners.contains(ownerId) ? Set.of(ownerId) : Set.of();
        }
        return owners;
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
            OffsetDateTime resolvedAt) {}

    static InterventionJson json(Intervention i) {
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

    @GetMapping("/interventions")
    List<InterventionJson> interventions(@RequestParam(required = false) String status) {
        if (status != null && !Set.of("OPEN", "DONE").contains(status)) {
            throw ValidationException.field("status", "must be OPEN or DONE");
        }
        return interventions.visible(status, 200).stream()
                .map(PipelineApiController::json)
                .toList();
    }

    record OutcomeBody(String outcome, String note) {}

    @PostMapping("/interventions/{id}/outcome")
    InterventionJson resolve(@PathVariable long id, @RequestBody OutcomeBody body) {
        return json(interventions.resolve(id, body.outcome(), body.note()));
    }

    private void requireAdmin() {
        if (!currentActor.require().has(Role.ADMIN)) {
            throw new ForbiddenException("administrators only");
        }
    }
}
