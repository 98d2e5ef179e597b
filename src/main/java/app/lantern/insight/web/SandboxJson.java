package app.lantern.insight.web;

import app.lantern.insight.sandbox.Distribution;
import app.lantern.insight.sandbox.Levers;
import app.lantern.insight.sandbox.Sandbox;
import app.lantern.insight.sandbox.Scenarios;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** The sandbox's JSON shapes: ids as strings, money in yuan, probabilities 0–1. */
final class SandboxJson {

    private SandboxJson() {}

    record LeversJson(Double leadVolume, Double conversion, Double cycleTime) {
        Levers levers() {
            return Levers.of(leadVolume, conversion, cycleTime, "levers.");
        }

        static LeversJson of(Levers l) {
            return new LeversJson(l.leadVolume(), l.conversion(), l.cycleTime());
        }
    }

    record RepRequest(String repId, BigDecimal weight, BigDecimal target) {}

    /** A simulation request; a scenario adds {@code name} (and {@code version} to update it). */
    record Request(
            String name,
            String teamId,
            String month,
            BigDecimal teamTarget,
            List<RepRequest> reps,
            LeversJson levers,
            Long seed,
            Integer trials,
            Integer version) {

        Sandbox.Request toRequest() {
            return new Sandbox.Request(
                    teamId,
                    month,
                    teamTarget,
                    reps == null
                            ? List.of()
                            : reps.stream()
                                    .map(r ->
                                            r == null ? null : new Sandbox.RepInput(r.repId(), r.weight(), r.target()))
                                    .toList(),
                    levers == null ? Levers.AS_IS : levers.levers(),
                    seed,
                    trials);
        }
    }

    record Actions(int visits, int newOpportunities, int demos) {}

    record TeamJson(
            String teamId,
            String name,
            BigDecimal target,
            BigDecimal p10,
            BigDecimal p50,
            BigDecimal p90,
            double probability) {}

    record RepJson(
            String repId,
            String name,
            BigDecimal currentTarget,
            BigDecimal target,
            BigDecimal weight,
            BigDecimal signed,
            Actions weeklyActions,
            BigDecimal p10,
            BigDecimal p50,
            BigDecimal p90,
            double probability) {}

    record SimulationJson(String month, LeversJson levers, int trials, String seed, TeamJson team, List<RepJson> reps) {

        static SimulationJson of(Sandbox.Simulation s) {
            Distribution t = s.team().forecast();
            return new SimulationJson(
                    s.month(),
                    LeversJson.of(s.levers()),
                    s.trials(),
                    String.valueOf(s.seed()),
                    new TeamJson(
                            String.valueOf(s.team().teamId()),
                            s.team().teamName(),
                            s.team().target(),
                            t.p10(),
                            t.p50(),
                            t.p90(),
                            t.probability()),
                    s.reps().stream()
                            .map(r -> new RepJson(
                                    String.valueOf(r.repId()),
                                    r.repName(),
                                    r.currentTarget(),
                                    r.target(),
                                    r.weight(),
                                    r.signed(),
                                    new Actions(
                                            r.weeklyActions().visits(),
                                            r.weeklyActions().newOpportunities(),
                                            r.weeklyActions().demos()),
                                    r.forecast().p10(),
                                    r.forecast().p50(),
                                    r.forecast().p90(),
                                    r.forecast().probability()))
                            .toList());
        }
    }

    record RepTargetJson(String repId, String name, BigDecimal target, BigDecimal weight) {}

    record ScenarioJson(
            String id,
            String name,
            String teamId,
            String teamName,
            String month,
            LeversJson levers,
            BigDecimal teamTarget,
            List<RepTargetJson> reps,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            OffsetDateTime appliedAt,
            int version) {

        static ScenarioJson of(Scenarios.Scenario s) {
            return new ScenarioJson(
                    String.valueOf(s.id()),
                    s.name(),
                    String.valueOf(s.teamId()),
                    s.teamName(),
                    s.month(),
                    LeversJson.of(s.levers()),
                    s.teamTarget(),
                    s.reps().stream()
                            .map(r -> new RepTargetJson(String.valueOf(r.repId()), r.repName(), r.target(), r.weight()))
                            .toList(),
                    s.createdAt(),
                    s.updatedAt(),
                    s.appliedAt(),
                    s.version());
        }
    }

    record ComparedJson(ScenarioJson scenario, SimulationJson simulation) {}

    record ApplyRequest(Integer version) {}
}
