package app.lantern.activity.web;

import app.lantern.activity.ActivityInput;
import app.lantern.activity.ActivityService;
import app.lantern.activity.ActivityType;
import app.lantern.activity.ActivityView;
import app.lantern.shared.PageQuery;
import app.lantern.shared.PageResult;
import app.lantern.shared.ValidationException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/activities}: list, log, read and delete activities. */
@RestController
@RequestMapping("/api/v1")
class ActivityApiController {

    private final ActivityService activities;

    ActivityApiController(ActivityService activities) {
        this.activities = activities;
    }

    record ActivityJson(
            String id,
            ActivityType type,
            String ownerId,
            String ownerName,
            String customerId,
            String customerName,
            String opportunityId,
            OffsetDateTime occurredAt,
            OffsetDateTime createdAt,
            int durationMinutes,
            String participants,
            String outcome,
            String nextStep,
            String backfill) {}

    static ActivityJson json(ActivityView a) {
        return new ActivityJson(
                String.valueOf(a.id()),
                a.type(),
                String.valueOf(a.ownerId()),
                a.ownerName(),
                a.customerId() == null ? null : String.valueOf(a.customerId()),
                a.customerName(),
                a.opportunityId() == null ? null : String.valueOf(a.opportunityId()),
                a.occurredAt(),
                a.createdAt(),
                a.durationMinutes(),
                a.participants(),
                a.outcome(),
                a.nextStep(),
                a.backfill());
    }

    @GetMapping("/activities")
    PageResult<ActivityJson> list(
            @RequestParam(required = false) Long ownerId,
            @RequestParam(required = false) ActivityType type,
            @RequestParam(required = false) Long customerId,
            @RequestParam(required = false) Long opportunityId,
            @RequestParam(required = false) OffsetDateTime from,
            @RequestParam(required = false) OffsetDateTime to,
            @RequestParam(required = false) String backfill,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        if (backfill != null && !Set.of("LATE", "BURST", "ANY").contains(backfill)) {
            throw ValidationException.field("backfill", "must be LATE, BURST or ANY");
        }
        PageQuery q = PageQuery.of(page, size, sort, ActivityService.SORT_FIELDS, "occurredAt,desc");
        return activities
                .list(
                        new ActivityService.Filter(
                                ownerId, null, type, customerId, opportunityId, from, to, backfill, null, null),
                        q)
                .map(ActivityApiController::json);
    }

    record ActivityBody(
            ActivityType type,
            OffsetDateTime occurredAt,
            Integer durationMinutes,
            Long customerId,
            Long opportunityId,
            List<Long> participantContactIds,
            String participants,
            String outcome,
            String nextStep,
            OffsetDateTime createdAt) {}

    @PostMapping("/activities")
    @ResponseStatus(HttpStatus.CREATED)
    ActivityJson log(@RequestBody ActivityBody b) {
        return json(activities.log(new ActivityInput(
                b.type(),
                b.occurredAt(),
                b.durationMinutes(),
                b.customerId(),
                b.opportunityId(),
                b.participantContactIds(),
                b.participants(),
                b.outcome(),
                b.nextStep(),
                b.createdAt())));
    }

    @GetMapping("/activities/{id}")
    ActivityJson get(@PathVariable long id) {
        return json(activities.view(id));
    }

    @DeleteMapping("/activities/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        activities.delete(id);
    }
}
