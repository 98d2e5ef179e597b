package app.lantern.insight.web;

import app.lantern.insight.sandbox.Sandbox;
import app.lantern.insight.sandbox.Scenarios;
import app.lantern.shared.PageQuery;
import app.lantern.shared.PageResult;
import app.lantern.shared.ValidationException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
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

/** {@code /api/v1/sandbox}: simulate a team's month, and save, compare and apply scenarios (G5). */
@RestController
@RequestMapping("/api/v1/sandbox")
class SandboxApiController {

    private final Sandbox sandbox;
    private final Scenarios scenarios;

    SandboxApiController(Sandbox sandbox, Scenarios scenarios) {
        this.sandbox = sandbox;
        this.scenarios = scenarios;
    }

    @PostMapping("/simulations")
    SandboxJson.SimulationJson simulate(@RequestBody SandboxJson.Request r) {
        return SandboxJson.SimulationJson.of(sandbox.simulate(r.toRequest()));
    }

    @GetMapping("/scenarios")
    PageResult<SandboxJson.ScenarioJson> list(
            @RequestParam(required = false) String teamId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size, null, Set.of("updatedAt"), "updatedAt,desc");
        List<Scenarios.Scenario> all = scenarios.list(teamId);
        int from = Math.min(query.page() * query.size(), all.size());
        int to = Math.min(from + query.size(), all.size());
        return PageResult.of(
                all.subList(from, to).stream().map(SandboxJson.ScenarioJson::of).toList(), query, all.size());
    }

    @PostMapping("/scenarios")
    @ResponseStatus(HttpStatus.CREATED)
    SandboxJson.ScenarioJson create(@RequestBody SandboxJson.Request r) {
        return SandboxJson.ScenarioJson.of(scenarios.create(r.name(), r.toRequest()));
    }

    @GetMapping("/scenarios/{id}")
    SandboxJson.ScenarioJson get(@PathVariable long id) {
        return SandboxJson.ScenarioJson.of(scenarios.get(id));
    }

    @PutMapping("/scenarios/{id}")
    SandboxJson.ScenarioJson update(@PathVariable long id, @RequestBody SandboxJson.Request r) {
        return SandboxJson.ScenarioJson.of(scenarios.update(id, r.name(), r.toRequest(), r.version()));
    }

    @DeleteMapping("/scenarios/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        scenarios.delete(id);
    }

    @PostMapping("/scenarios/{id}/simulations")
    SandboxJson.SimulationJson simulateSaved(@PathVariable long id) {
        return SandboxJson.SimulationJson.of(sandbox.simulate(scenarios.get(id).request(null, null)));
    }

    /** {@code ?ids=1,2,3}: the scenarios simulated with the same random numbers, side by side. */
    @GetMapping("/scenarios/compare")
    List<SandboxJson.ComparedJson> compare(@RequestParam String ids) {
        return scenarios.compare(ids(ids)).stream()
                .map(c -> new SandboxJson.ComparedJson(
                        SandboxJson.ScenarioJson.of(c.scenario()), SandboxJson.SimulationJson.of(c.simulation())))
                .toList();
    }

    @PostMapping("/scenarios/{id}/apply")
    SandboxJson.ScenarioJson apply(@PathVariable long id, @RequestBody(required = false) SandboxJson.ApplyRequest r) {
        return SandboxJson.ScenarioJson.of(scenarios.apply(id, r == null ? null : r.version()));
    }

    static List<Long> ids(String ids) {
        try {
            return Arrays.stream(ids.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .map(Long::parseLong)
                    .distinct()
                    .toList();
        } catch (NumberFormatException e) {
            throw ValidationException.field("ids", "must be scenario ids separated by commas");
        }
    }
}
