package app.lantern.pipeline.web;

import app.lantern.pipeline.Funnel;
import app.lantern.pipeline.FunnelMetrics;
import app.lantern.pipeline.OwnerSelection;
import app.lantern.pipeline.PipelineView;
import app.lantern.pipeline.Pipelines;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The funnel of the reader's scope, a team or a rep over the last N days: conversion, dwell, win rate, cycle. */
@Controller
class FunnelPageController {

    private final FunnelMetrics funnels;
    private final Pipelines pipelines;
    private final OwnerSelection owners;
    private final Clock clock;

    FunnelPageController(FunnelMetrics funnels, Pipelines pipelines, OwnerSelection owners, Clock clock) {
        this.funnels = funnels;
        this.pipelines = pipelines;
        this.owners = owners;
        this.clock = clock;
    }

    @GetMapping("/opportunities/funnel")
    String funnel(
            @RequestParam(required = false) Long pipelineId,
            @RequestParam(required = false) Long teamId,
            @RequestParam(required = false) Long ownerId,
            @RequestParam(required = false) Integer days,
            Model model) {
        int period = days == null ? 90 : Math.max(7, Math.min(days, 365));
        LocalDate to = LocalDate.now(clock);
        PipelineView p = pipelineId == null ? pipelines.all().getFirst() : pipelines.require(pipelineId);
        Funnel f = funnels.funnel(owners.owners(ownerId, teamId), p.id(), to.minusDays(period), to);
        model.addAttribute("pipelines", pipelines.all());
        model.addAttribute("pipeline", p);
        model.addAttribute("teams", owners.teams());
        model.addAttribute("owners", owners.reps());
        model.addAttribute("funnel", f);
        model.addAttribute("teamId", teamId);
        model.addAttribute("ownerId", ownerId);
        model.addAttribute("days", period);
        model.addAttribute("chart", FunnelChart.of(f).option());
        model.addAttribute("entries", FunnelChart.entries(f));
        return "pipeline/funnel";
    }
}
