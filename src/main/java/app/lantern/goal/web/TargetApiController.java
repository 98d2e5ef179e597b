package app.lantern.goal.web;

import app.lantern.goal.Period;
import app.lantern.goal.SplitDimension;
import app.lantern.goal.SplitMethod;
import app.lantern.goal.TargetLevel;
import app.lantern.goal.TargetMetric;
import app.lantern.goal.TargetSetting;
import app.lantern.goal.TargetSplitting;
import app.lantern.goal.Targets;
import app.lantern.shared.PageQuery;
import app.lantern.shared.PageResult;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/targets}: read, set, split and weigh targets, with the same scopes as the page. */
@RestController
@RequestMapping("/api/v1/targets")
class TargetApiController {

    record TargetJson(
            String id,
            TargetMetric metric,
            String period,
            Period.Type periodType,
            TargetLevel level,
            String subjectId,
            String subjectName,
            BigDecimal amount,
            SplitMethod method,
            int version,
            BigDecimal timeChildrenSum,
            BigDecimal orgChildrenSum,
            boolean mismatch) {
        static TargetJson of(Targets.TargetView v) {
            return new TargetJson(
                    String.valueOf(v.id()),
                    v.metric(),
                    v.period(),
                    v.periodType(),
                    v.level(),
                    String.valueOf(v.subjectId()),
                    v.subjectName(),
                    v.amount(),
                    v.method(),
                    v.version(),
                    v.timeChildrenSum(),
                    v.orgChildrenSum(),
                    v.mismatch());
        }
    }

    record SetRequest(
            TargetMetric metric,
            String period,
            TargetLevel level,
            String subjectId,
            BigDecimal amount,
            String reason) {}

    record UpdateRequest(BigDecimal amount, String reason, Integer version) {}

    record DecomposeRequest(
            String dimension,
            SplitMethod method,
            Map<String, BigDecimal> amounts,
            Map<String, BigDecimal> weights,
            String reason) {}

    record VersionJson(
            int version,
            BigDecimal amount,
            SplitMethod method,
            String reason,
            String changedBy,
            OffsetDateTime changedAt) {}

    private final Targets targets;
    private final TargetSetting setting;
    private final TargetSplitting splitting;

    TargetApiController(Targets targets, TargetSetting setting, TargetSplitting splitting) {
        this.targets = targets;
        this.setting = setting;
        this.splitting = splitting;
    }

    @GetMapping
    PageResult<TargetJson> list(
            @RequestParam int year,
            @RequestParam(defaultValue = "SIGNED") TargetMetric metric,
            @RequestParam(required = false) TargetLevel level,
            @RequestParam(required = false) Long subjectId,
            @RequestParam(required = false) Period.Type periodType,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size, null, Set.of("level"), "level");
        return targets.list(year, metric, level, subjectId, periodType, query).map(TargetJson::of);
    }

    @GetMapping("/{id}")
    TargetJson get(@PathVariable long id) {
        return TargetJson.of(targets.get(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TargetJson set(@RequestBody SetRequest r) {
        return TargetJson.of(setting.set(new Targets.SetTarget(
                r.metric() == null ? TargetMetric.SIGNED : r.metric(),
                r.period(),
                r.level(),
                app.lantern.shared.Ids.parseOptional("subjectId", r.subjectId()),
                r.amount(),
                r.reason(),
                null)));
    }

    @PutMapping("/{id}")
    TargetJson update(@PathVariable long id, @RequestBody UpdateRequest r) {
        Targets.TargetView current = targets.get(id);
        return TargetJson.of(setting.set(new Targets.SetTarget(
                current.metric(),
                current.period(),
                current.level(),
                current.subjectId(),
                r.amount(),
                r.reason(),
                r.version())));
    }

    @PostMapping("/{id}/decompose")
    List<TargetJson> decompose(@PathVariable long id, @RequestBody DecomposeRequest r) {
        return splitting
                .decompose(
                        id,
                        new Targets.Decompose(
                                SplitDimension.parse(r.dimension()), r.method(), r.amounts(), r.weights(), r.reason()))
                .stream()
                .map(TargetJson::of)
                .toList();
    }

    @GetMapping("/{id}/versions")
    List<VersionJson> versions(@PathVariable long id) {
        return targets.versions(id).stream()
                .map(v -> new VersionJson(
                        v.version(),
                        v.amount(),
                        v.method(),
                        v.reason(),
                        v.changedBy() == null ? null : String.valueOf(v.changedBy()),
                        v.changedAt()))
                .toList();
    }
}
