package app.lantern.pipeline.web;

import app.lantern.audit.AuditTrail;
import app.lantern.customer.ContactRef;
import app.lantern.customer.Customers;
import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.DataScopes;
import app.lantern.identity.Directory;
import app.lantern.identity.RecordKind;
import app.lantern.identity.Role;
import app.lantern.identity.TeamSummary;
import app.lantern.identity.UserSummary;
import app.lantern.pipeline.BudgetRange;
import app.lantern.pipeline.DocumentKind;
import app.lantern.pipeline.Funnel;
import app.lantern.pipeline.FunnelMetrics;
import app.lantern.pipeline.HealthFactor;
import app.lantern.pipeline.Interventions;
import app.lantern.pipeline.OpportunityCard;
import app.lantern.pipeline.OpportunityDetails;
import app.lantern.pipeline.OpportunityDocumentService;
import app.lantern.pipeline.OpportunityField;
import app.lantern.pipeline.OpportunityInput;
import app.lantern.pipeline.OpportunityPanels;
import app.lantern.pipeline.OpportunityService;
import app.lantern.pipeline.OpportunityStatus;
import app.lantern.pipeline.PipelineView;
import app.lantern.pipeline.Pipelines;
import app.lantern.pipeline.StageConversion;
import app.lantern.pipeline.StageView;
import app.lantern.shared.ConflictException;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.ForbiddenException;
import app.lantern.shared.PageQuery;
import app.lantern.shared.Texts;
import app.lantern.shared.ValidationException;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** Kanban, list, detail, forms, funnel, interventions and pipeline administration pages. */
@Controller
class PipelinePagesController {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Pipelines pipelines;
    private final OpportunityService opportunities;
    private final Interventions interventions;
    private final OpportunityDocumentService documents;
    private final FunnelMetrics funnels;
    private final Customers customers;
    private final CurrentActor currentActor;
    private final DataScopes scopes;
    private final Directory directory;
    private final AuditTrail auditTrail;
    private final Clock clock;
    private final ObjectProvider<OpportunityPanels> panels;
    private final MessageSource messages;

    PipelinePagesController(
            Pipelines pipelines,
            OpportunityService opportunities,
            Interventions interventions,
            OpportunityDocumentService documents,
            FunnelMetrics funnels,
            Customers customers,
            CurrentActor currentActor,
            DataScopes scopes,
            Directory directory,
            AuditTrail auditTrail,
            Clock clock,
            ObjectProvider<OpportunityPanels> panels,
            MessageSource messages) {
        this.pipelines = pipelines;
        this.opportunities = opportunities;
        this.interventions = interventions;
        this.documents = documents;
        this.funnels = funnels;
        this.customers = customers;
        this.currentActor = currentActor;
        this.scopes = scopes;
        this.directory = directory;
        this.auditTrail = auditTrail;
        this.clock = clock;
        this.panels = panels;
        this.messages = messages;
    }

    // ------------------------------------------------------------------ Kanban

    @GetMapping("/opportunities/board")
    String board(
            @RequestParam(required = false) Long pipelineId,
            @RequestParam(required = false) Long ownerId,
            Model model) {
        List<PipelineView> all =
                pipelines.all().stream().filter(PipelineView::active).toList();
        PipelineView p = pipelineId == null ? all.getFirst() : pipelines.require(pipelineId);
        var board = opportunities.board(p.id(), ownerId);
        model.addAttribute("pipelines", all);
        model.addAttribute("pipeline", p);
        model.addAttribute("board", board);
        model.addAttribute("owners", visibleOwners());
        model.addAttribute("ownerId", ownerId);
        Map<Long, BigDecimal> sums = new HashMap<>();
        board.forEach((s, cards) -> sums.put(
                s.id(),
                cards.stream()
                        .map(OpportunityCard::amount)
                        .filter(a -> a != null)
                        .reduce(BigDecimal.ZERO, BigDecimal::add)));
        model.addAttribute("sums", sums);
        return "pipeline/board";
    }

    /**
     * Drag and drop target: moves the card, or bounces it (HX-Trigger {@code pipeline-bounce}) and answers the gate form
     * naming the missing fields into the modal.
     */
    @PostMapping("/opportunities/{id}/move")
    String move(
            @PathVariable long id,
            @RequestParam long stageId,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) boolean refresh,
            Model model,
            HttpServletResponse response) {
        try {
            opportunities.moveTo(id, stageId, version);
            if (refresh) {
                response.setHeader("HX-Refresh", "true");
            }
            model.addAttribute("card", opportunities.card(id));
            return "pipeline/board :: card";
        } catch (ValidationException e) {
            if (e.status() != 422
                    || e.errors().stream()
                            .anyMatch(f -> OpportunityField.byKey(f.field()).isEmpty())) {
                return bounce(id, stageId, e.errors().getFirst().message(), model, response);
            }
            return gate(id, stageId, null, model, response);
        } catch (ConflictException e) {
            return bounce(id, stageId, "该商机刚被他人修改，请刷新后重试。", model, response);
        }
    }

    private String bounce(long id, long stageId, String message, Model model, HttpServletResponse response) {
        response.setHeader("HX-Retarget", "#gate-body");
        response.setHeader("HX-Reswap", "innerHTML");
        response.setHeader("HX-Trigger", "{\"pipeline-bounce\":{\"id\":\"" + id + "\"}}");
        model.addAttribute("message", message);
        return "pipeline/board :: bounce";
    }

    private String gate(
            long id, long stageId, List<FieldErrors.FieldError> errors, Model model, HttpServletResponse response) {
        OpportunityDetails d = opportunities.visible(id);
        StageView target = pipelines.require(d.pipelineId()).stage(stageId).orElseThrow();
        response.setHeader("HX-Retarget", "#gate-body");
        response.setHeader("HX-Reswap", "innerHTML");
        response.setHeader("HX-Trigger", "{\"pipeline-bounce\":{\"id\":\"" + id + "\"}}");
        model.addAttribute("o", d);
        model.addAttribute("stage", target);
        model.addAttribute("missing", opportunities.missingFor(id, stageId));
        model.addAttribute(
                "contacts",
                customers.contacts(d.customerId()).stream()
                        .filter(ContactRef::active)
                        .toList());
        model.addAttribute("budgetRanges", BudgetRange.values());
        model.addAttribute(
                "errors",
                errors == null
                        ? Map.of()
                        : errors.stream()
                                .collect(Collectors.toMap(
                                        FieldErrors.FieldError::field, FieldErrors.FieldError::message, (a, b) -> a)));
        return "pipeline/board :: gate";
    }

    /** The gate form: fills the missing fields and moves; the board reloads on success. */
    @PostMapping("/opportunities/{id}/gate")
    String gateSubmit(
            @PathVariable long id,
            @RequestParam long stageId,
            @RequestParam int version,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        Map<String, String> values = new HashMap<>();
        for (OpportunityField f : OpportunityField.values()) {
            if (form.getFirst(f.key()) != null) {
                values.put(f.key(), form.getFirst(f.key()));
            }
        }
        if (form.getFirst("decisionMakerContactId") != null) {
            values.put("decisionMakerContactId", form.getFirst("decisionMakerContactId"));
        }
        try {
            OpportunityDetails filled = opportunities.fill(id, values, version);
            opportunities.moveTo(id, stageId, filled.version());
            response.setHeader("HX-Refresh", "true");
            model.addAttribute("message", "已移动");
            return "pipeline/board :: bounce";
        } catch (ValidationException e) {
            return gate(id, stageId, e.errors(), model, response);
        } catch (ConflictException e) {
            return bounce(id, stageId, "该商机刚被他人修改，请刷新后重试。", model, response);
        }
    }

    // ------------------------------------------------------------------ list

    @GetMapping("/opportunities")
    String list(
            @RequestParam(required = false) Long pipelineId,
            @RequestParam(required = false) Long stageId,
            @RequestParam(required = false) OpportunityStatus status,
            @RequestParam(required = false) Long ownerId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer healthBelow,
            @RequestParam(required = false) Long customerId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) String sort,
            @RequestHeader(value = "HX-Request", required = false) String hx,
            Model model) {
        PageQuery query = PageQuery.of(page, 50, sort, OpportunityService.SORT_FIELDS, "updatedAt,desc");
        var result = opportunities.list(
                new OpportunityService.Filter(pipelineId, stageId, status, ownerId, customerId, q, healthBelow), query);
        model.addAttribute("result", result);
        model.addAttribute("pipelines", pipelines.all());
        model.addAttribute("owners", visibleOwners());
        model.addAttribute("statuses", OpportunityStatus.values());
        Map<String, Object> f = new HashMap<>();
        f.put("pipelineId", pipelineId);
        f.put("stageId", stageId);
        f.put("status", status);
        f.put("ownerId", ownerId);
        f.put("q", q);
        f.put("healthBelow", healthBelow);
        f.put("customerId", customerId);
        f.put("sort", sort);
        model.addAttribute("f", f);
        return hx != null ? "pipeline/list :: rows" : "pipeline/list";
    }

    // ------------------------------------------------------------------ detail and forms

    @GetMapping("/opportunities/{id}")
    String detail(@PathVariable long id, @RequestParam(required = false) String tab, Model model) {
        OpportunityDetails d = opportunities.visible(id);
        PipelineView p = pipelines.require(d.pipelineId());
        model.addAttribute("o", d);
        model.addAttribute("pipeline", p);
        model.addAttribute("health", opportunities.health(id));
        model.addAttribute("history", auditTrail.history("opportunity", id));
        model.addAttribute("interventions", interventions.ofOpportunity(id));
        model.addAttribute("documents", documents.of(id));
        model.addAttribute("documentKinds", DocumentKind.values());
        model.addAttribute("maxUploadMb", documents.maxUploadBytes() / 1024 / 1024);
        model.addAttribute("tab", tab == null ? "overview" : tab);
        model.addAttribute("healthChart", healthChart(opportunities.health(id)));
        Actor actor = currentActor.require();
        model.addAttribute("actor", actor);
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute(
                "panels",
                panels.orderedStream()
                        .flatMap(source -> source.panelsFor(d, actor, locale).stream())
                        .toList());
        return "pipeline/detail";
    }

    private String healthChart(app.lantern.pipeline.HealthReport r) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, Object> option = new LinkedHashMap<>();
        List<Map<String, Object>> indicators = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (var f : r.factors()) {
            indicators.add(
                    Map.of("name", messages.getMessage("pipeline.factor." + f.factor(), null, locale), "max", 100));
            values.add(Math.round(f.ratio() * 100.0) * 1.0);
        }
        option.put("tooltip", Map.of());
        option.put("radar", Map.of("indicator", indicators, "radius", "60%"));
        option.put(
                "series",
                List.of(Map.of(
                        "type",
                        "radar",
                        "data",
                        List.of(Map.of("value", values, "name", messages.getMessage("pipeline.health", null, locale))),
                        "areaStyle",
                        Map.of("opacity", 0.2))));
        return JSON.writeValueAsString(option);
    }

    @GetMapping("/opportunities/new")
    String newForm(
            @RequestParam(required = false) Long customerId,
            @RequestParam(required = false) Long pipelineId,
            Model model) {
        OpportunityDetails blank = null;
        model.addAttribute("o", blank);
        model.addAttribute("customerId", customerId);
        model.addAttribute("pipelineId", pipelineId);
        formModel(model, customerId);
        return "pipeline/form";
    }

    @PostMapping("/opportunities")
    String create(@RequestParam MultiValueMap<String, String> form, Model model) {
        FieldErrors parse = new FieldErrors();
        OpportunityInput in = input(form, parse);
        try {
            parse.throwIfAny();
            OpportunityDetails d = opportunities.create(in);
            return "redirect:/opportunities/" + d.id();
        } catch (ValidationException e) {
            model.addAttribute("errors", errorMap(e));
            model.addAttribute("form", form.toSingleValueMap());
            model.addAttribute("customerId", in.customerId());
            model.addAttribute("pipelineId", in.pipelineId());
            formModel(model, in.customerId());
            return "pipeline/form";
        }
    }

    @GetMapping("/opportunities/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        OpportunityDetails d = opportunities.visible(id);
        model.addAttribute("o", d);
        model.addAttribute("customerId", d.customerId());
        model.addAttribute("pipelineId", d.pipelineId());
        formModel(model, d.customerId());
        return "pipeline/form";
    }

    @PostMapping("/opportunities/{id}")
    String update(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam MultiValueMap<String, String> form,
            Model model) {
        FieldErrors parse = new FieldErrors();
        OpportunityInput in = input(form, parse);
        OpportunityDetails d = opportunities.visible(id);
        try {
            parse.throwIfAny();
            opportunities.update(id, in, version);
            return "redirect:/opportunities/" + id;
        } catch (ValidationException e) {
            model.addAttribute("errors", errorMap(e));
        } catch (ConflictException e) {
            model.addAttribute("conflict", e.properties().get("currentVersion"));
        }
        model.addAttribute("o", d);
        model.addAttribute("form", form.toSingleValueMap());
        model.addAttribute("customerId", d.customerId());
        model.addAttribute("pipelineId", d.pipelineId());
        formModel(model, d.customerId());
        return "pipeline/form";
    }

    @PostMapping("/opportunities/{id}/close")
    String close(
            @PathVariable long id,
            @RequestParam String outcome,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String amount,
            @RequestParam int version) {
        if ("WON".equals(outcome)) {
            BigDecimal a = null;
            if (!Texts.isBlank(amount)) {
                try {
                    a = new BigDecimal(amount.strip());
                } catch (NumberFormatException e) {
                    throw ValidationException.field("amount", "must be a number");
                }
            }
            opportunities.win(id, a, reason, version);
        } else {
            opportunities.lose(id, reason, version);
        }
        return "redirect:/opportunities/" + id;
    }

    @PostMapping("/interventions/{id}/outcome")
    String resolve(
            @PathVariable long id,
            @RequestParam String outcome,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String back) {
        interventions.resolve(id, outcome, note);
        return "redirect:"
                + (back != null && back.startsWith("/") && !back.startsWith("//")
                        ? back
                        : "/opportunities/interventions");
    }

    @GetMapping("/opportunities/interventions")
    String interventionsPage(@RequestParam(required = false) String status, Model model) {
        model.addAttribute(
                "items", interventions.visible(status == null ? "OPEN" : ("ALL".equals(status) ? null : status), 300));
        model.addAttribute("status", status == null ? "OPEN" : status);
        model.addAttribute("outcomes", interventions.outcomeCounts());
        return "pipeline/interventions";
    }

    // ------------------------------------------------------------------ funnel

    @GetMapping("/opportunities/funnel")
    String funnel(
            @RequestParam(required = false) Long pipelineId,
            @RequestParam(required = false) Long teamId,
            @RequestParam(required = false) Long ownerId,
            @RequestParam(required = false) Integer days,
            Model model) {
        int period = days == null ? 90 : Math.max(7, Math.min(days, 365));
        LocalDate to = LocalDate.now(clock);
        LocalDate from = to.minusDays(period);
        PipelineView p = pipelineId == null ? pipelines.all().getFirst() : pipelines.require(pipelineId);
        Set<Long> owners = owners(ownerId, teamId);
        Funnel f = funnels.funnel(owners, p.id(), from, to);
        model.addAttribute("pipelines", pipelines.all());
        model.addAttribute("pipeline", p);
        model.addAttribute(
                "teams",
                directory.teams().stream()
                        .filter(t -> directory.members(Set.of(t.id())).stream()
                                .anyMatch(m ->
                                        scopes.current(RecordKind.OPPORTUNITY).covers(m.id())))
                        .toList());
        model.addAttribute("owners", visibleOwners());
        model.addAttribute("funnel", f);
        model.addAttribute("teamId", teamId);
        model.addAttribute("ownerId", ownerId);
        model.addAttribute("days", period);
        model.addAttribute("chart", funnelChart(f));
        return "pipeline/funnel";
    }

    static String funnelChart(Funnel f) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (StageConversion s : f.stages()) {
            data.add(Map.of("name", s.stageName(), "value", s.entered()));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "item"));
        option.put(
                "series",
                List.of(Map.of(
                        "type",
                        "funnel",
                        "sort",
                        "none",
                        "left",
                        "10%",
                        "width",
                        "80%",
                        "gap",
                        2,
                        "label",
                        Map.of("show", true, "position", "inside"),
                        "data",
                        data)));
        return JSON.writeValueAsString(option);
    }

    Set<Long> owners(Long ownerId, Long teamId) {
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
            owners = owners.contains(ownerId) ? Set.of(ownerId) : Set.of();
        }
        return owners;
    }

    // ------------------------------------------------------------------ admin

    @GetMapping("/admin/pipelines")
    String admin(@RequestParam(required = false) Long id, Model model) {
        requireAdmin();
        List<PipelineView> all = pipelines.all();
        model.addAttribute("pipelines", all);
        model.addAttribute("pipeline", id == null ? all.getFirst() : pipelines.require(id));
        model.addAttribute("fields", OpportunityField.values());
        model.addAttribute("factors", HealthFactor.values());
        return "pipeline/admin";
    }

    @PostMapping("/admin/pipelines/{id}")
    String adminSave(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model) {
        requireAdmin();
        PipelineView p = pipelines.require(id);
        List<app.lantern.pipeline.Pipelines.StageInput> stages = new ArrayList<>();
        for (int i = 0; form.containsKey("stages[" + i + "].name"); i++) {
            String prefix = "stages[" + i + "].";
            String name = form.getFirst(prefix + "name");
            if (Texts.isBlank(name)) {
                continue;
            }
            String sid = form.getFirst(prefix + "id");
            List<String> required = form.getOrDefault(prefix + "requiredFields", List.of());
            String actions = form.getFirst(prefix + "keyActions");
            stages.add(new app.lantern.pipeline.Pipelines.StageInput(
                    Texts.isBlank(sid) ? null : Long.valueOf(sid),
                    name,
                    intOr(form.getFirst(prefix + "winProbability"), -1),
                    required,
                    intOr(form.getFirst(prefix + "slaDays"), 0),
                    actions == null
                            ? List.of()
                            : actions.lines()
                                    .map(String::strip)
                                    .filter(s -> !s.isEmpty())
                                    .toList()));
        }
        try {
            pipelines.update(
                    id,
                    new app.lantern.pipeline.Pipelines.PipelineInput(
                            form.getFirst("name"),
                            form.getFirst("productLine"),
                            intOr(form.getFirst("budgetRequiredFrom"), p.budgetRequiredFrom()),
                            intOr(form.getFirst("healthThreshold"), p.healthThreshold()),
                            stages),
                    intOr(form.getFirst("version"), p.version()));
            return "redirect:/admin/pipelines?id=" + id + "&saved";
        } catch (ValidationException e) {
            model.addAttribute("errors", e.errors());
            return admin(id, model);
        } catch (ConflictException e) {
            model.addAttribute("errors", List.of(new FieldErrors.FieldError("version", e.getMessage())));
            return admin(id, model);
        }
    }

    @PostMapping("/admin/pipelines/{id}/weights")
    String adminWeights(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model) {
        requireAdmin();
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (HealthFactor f : HealthFactor.values()) {
            String v = form.getFirst("w." + f.name());
            if (v != null) {
                weights.put(f.name(), intOr(v, -1));
            }
        }
        try {
            pipelines.updateWeights(id, weights);
            return "redirect:/admin/pipelines?id=" + id + "&saved";
        } catch (ValidationException e) {
            model.addAttribute("errors", e.errors());
            return admin(id, model);
        }
    }

    @PostMapping("/admin/pipelines/{id}/recompute")
    String adminRecompute(@PathVariable long id) {
        requireAdmin();
        opportunities.recomputeAllHealth();
        return "redirect:/admin/pipelines?id=" + id + "&recomputed";
    }

    // ------------------------------------------------------------------ helpers

    private void requireAdmin() {
        if (!currentActor.require().has(Role.ADMIN)) {
            throw new ForbiddenException("administrators only");
        }
    }

    private static int intOr(String s, int fallback) {
        try {
            return s == null || s.isBlank() ? fallback : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private List<UserSummary> visibleOwners() {
        var scope = scopes.current(RecordKind.OPPORTUNITY);
        return directory.users().stream()
                .filter(u -> u.active() && u.roles().contains(Role.REP) && scope.covers(u.id()))
                .toList();
    }

    private void formModel(Model model, Long customerId) {
        Actor actor = currentActor.require();
        model.addAttribute(
                "pipelines",
                pipelines.all().stream().filter(PipelineView::active).toList());
        model.addAttribute(
                "customers",
                customerId != null ? List.of(customers.requireVisible(customerId)) : customers.search("", 200));
        model.addAttribute("contacts", customerId == null ? List.of() : customers.contacts(customerId));
        model.addAttribute("budgetRanges", BudgetRange.values());
        model.addAttribute("owners", visibleOwners());
        model.addAttribute("roles", List.of("DECISION_MAKER", "INFLUENCER", "USER", "GATEKEEPER", "SUPPORTER"));
        model.addAttribute("me", actor.userId());
        Map<Long, String> roleOf = new HashMap<>();
        if (model.getAttribute("o") instanceof OpportunityDetails d) {
            d.contacts().forEach(c -> roleOf.put(c.contactId(), c.role()));
        }
        model.addAttribute("roleOf", roleOf);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
    }

    private static Map<String, String> errorMap(ValidationException e) {
        return e.errors().stream()
                .collect(Collectors.toMap(FieldErrors.FieldError::field, FieldErrors.FieldError::message, (a, b) -> a));
    }

    private static OpportunityInput input(MultiValueMap<String, String> f, FieldErrors errors) {
        List<OpportunityInput.ContactRole> contacts = new ArrayList<>();
        for (String cid : f.getOrDefault("contactId", List.of())) {
            String role = f.getFirst("role." + cid);
            if (!Texts.isBlank(role)) {
                contacts.add(new OpportunityInput.ContactRole(parseLong(cid, "contacts", errors), role));
            }
        }
        BudgetRange budget = null;
        if (!Texts.isBlank(f.getFirst("budgetRange"))) {
            try {
                budget = BudgetRange.valueOf(f.getFirst("budgetRange"));
            } catch (IllegalArgumentException e) {
                errors.add("budgetRange", "unknown budget range");
            }
        }
        BigDecimal amount = null;
        if (!Texts.isBlank(f.getFirst("amount"))) {
            try {
                amount = new BigDecimal(f.getFirst("amount").strip().replace(",", ""));
            } catch (NumberFormatException e) {
                errors.add("amount", "must be a number");
            }
        }
        return new OpportunityInput(
                f.getFirst("name"),
                parseLong(f.getFirst("customerId"), "customerId", errors),
                parseLong(f.getFirst("ownerId"), "ownerId", errors),
                parseLong(f.getFirst("pipelineId"), "pipelineId", errors),
                null,
                amount,
                budget,
                date(f.getFirst("expectedClose"), "expectedClose", errors),
                f.getFirst("coreNeed"),
                f.getFirst("blocker"),
                f.getFirst("competitors"),
                f.getFirst("nextStep"),
                date(f.getFirst("nextStepDue"), "nextStepDue", errors),
                f.getFirst("source"),
                contacts);
    }

    private static Long parseLong(String s, String field, FieldErrors errors) {
        if (Texts.isBlank(s)) {
            return null;
        }
        try {
            return Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            errors.add(field, "invalid");
            return null;
        }
    }

    private static LocalDate date(String s, String field, FieldErrors errors) {
        if (Texts.isBlank(s)) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(field, "must be a date");
            return null;
        }
    }

    static List<TeamSummary> none() {
        return List.of();
    }
}
