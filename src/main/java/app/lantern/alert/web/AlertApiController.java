package app.lantern.alert.web;

import app.lantern.alert.AlertView;
import app.lantern.alert.Alerts;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/alerts}: the caller's alert board and the actions on an alert. */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertApiController {

    record AlertJson(
            String id,
            String ruleCode,
            String subjectType,
            String subjectId,
            String ownerId,
            String ownerName,
            String severity,
            String message,
            String evidenceLink,
            String status,
            OffsetDateTime openedAt,
            OffsetDateTime snoozedUntil) {
        static AlertJson of(AlertView a) {
            return new AlertJson(
                    String.valueOf(a.id()),
                    a.ruleCode(),
                    a.subjectType(),
                    String.valueOf(a.subjectId()),
                    String.valueOf(a.ownerId()),
                    a.ownerName(),
                    a.severity(),
                    a.message(),
                    a.evidenceLink(),
                    a.status(),
                    a.openedAt(),
                    a.snoozedUntil());
        }
    }

    record SnoozeRequest(OffsetDateTime until) {}

    record ResolveRequest(String note) {}

    private final Alerts alerts;

    AlertApiController(Alerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping
    List<AlertJson> list(
            @RequestParam(required = false) Long ownerId,
            @RequestParam(defaultValue = "false") boolean includeSnoozed) {
        return alerts.board(ownerId, includeSnoozed).stream().map(AlertJson::of).toList();
    }

    @GetMapping("/{id}")
    AlertJson get(@PathVariable long id) {
        return AlertJson.of(alerts.get(id));
    }

    @PostMapping("/{id}/acknowledge")
    AlertJson acknowledge(@PathVariable long id) {
        alerts.acknowledge(id);
        return get(id);
    }

    @PostMapping("/{id}/snooze")
    AlertJson snooze(@PathVariable long id, @RequestBody SnoozeRequest r) {
        alerts.snooze(id, r.until());
        return get(id);
    }

    @PostMapping("/{id}/resolve")
    AlertJson resolve(@PathVariable long id, @RequestBody(required = false) ResolveRequest r) {
        alerts.resolve(id, r == null ? null : r.note());
        return get(id);
    }
}
