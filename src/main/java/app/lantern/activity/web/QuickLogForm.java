package app.lantern.activity.web;

import app.lantern.activity.ActivityInput;
import app.lantern.activity.ActivityType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** The quick-log form as submitted; {@code occurredAt} is local business time (blank: now). */
record QuickLogForm(
        @NotNull ActivityType type,
        Long customerId,
        Long opportunityId,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime occurredAt,
        @Min(0) @Max(1440) Integer durationMinutes,
        @Size(max = 30) List<Long> participantContactIds,
        @Size(max = 2000) String outcome,
        @Size(max = 500) String nextStep) {

    ActivityInput input(ZoneId zone) {
        return new ActivityInput(
                type,
                occurredAt == null ? null : occurredAt.atZone(zone).toOffsetDateTime(),
                durationMinutes,
                customerId,
                opportunityId,
                participantContactIds == null ? List.of() : participantContactIds,
                null,
                outcome,
                nextStep,
                null);
    }
}
