package app.lantern.pipeline.web;

import app.lantern.audit.AuditTrail;
import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.pipeline.DocumentKind;
import app.lantern.pipeline.HealthReport;
import app.lantern.pipeline.Interventions;
import app.lantern.pipeline.OpportunityDetails;
import app.lantern.pipeline.OpportunityDocumentService;
import app.lantern.pipeline.OpportunityPanels;
import app.lantern.pipeline.OpportunityQueries;
import app.lantern.pipeline.Pipelines;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** One opportunity: overview with health explanation, history, interventions, documents and other modules' panels. */
@Controller
class OpportunityPageController {

    private final OpportunityQueries queries;
    private final Pipelines pipelines;
    private final Interventions interventions;
    private final OpportunityDocumentService documents;
    private final AuditTrail auditTrail;
    private final CurrentActor currentActor;
    private final ObjectProvider<OpportunityPanels> panels;
    private final MessageSource messages;

    OpportunityPageController(
            OpportunityQueries queries,
            Pipelines pipelines,
            Interventions interventions,
            OpportunityDocumentService documents,
            AuditTrail auditTrail,
            CurrentActor currentActor,
            ObjectProvider<OpportunityPanels> panels,
            MessageSource messages) {
        this.queries = queries;
        this.pipelines = pipelines;
        this.interventions = interventions;
        this.documents = documents;
        this.auditTrail = auditTrail;
        this.currentActor = currentActor;
        this.panels = panels;
        this.messages = messages;
    }

    @GetMapping("/opportunities/{id}")
    String detail(@PathVariable long id, @RequestParam(required = false) String tab, Locale locale, Model model) {
        OpportunityDetails d = queries.visible(id);
        HealthReport health = queries.health(id);
        Actor actor = currentActor.require();
        model.addAttribute("o", d);
        model.addAttribute("pipeline", pipelines.require(d.pipelineId()));
        model.addAttribute("health", health);
        model.addAttribute(
                "healthChart",
                HealthChart.of(health, key -> messages.getMessage(key, null, locale))
                        .option());
        model.addAttribute("history", auditTrail.history("opportunity", id));
        model.addAttribute("interventions", interventions.ofOpportunity(id));
        model.addAttribute("documents", documents.of(id));
        model.addAttribute("documentKinds", DocumentKind.values());
        model.addAttribute("maxUploadMb", documents.maxUploadBytes() / 1024 / 1024);
        model.addAttribute("tab", tab == null ? "overview" : tab);
        model.addAttribute("actor", actor);
        model.addAttribute(
                "panels",
                panels.orderedStream()
                        .flatMap(source -> source.panelsFor(d, actor, locale).stream())
                        .toList());
        return "pipeline/detail";
    }
}
