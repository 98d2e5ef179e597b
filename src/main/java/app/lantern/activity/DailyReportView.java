package app.lantern.activity;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A daily report; {@code id} null for an unsaved draft. {@code status}: DRAFT or SUBMITTED. */
public record DailyReportView(
        Long id,
        long ownerId,
        String ownerName,
        LocalDate day,
        String summary,
        String plan,
        String status,
        OffsetDateTime submittedAt,
        int activityCount,
        int version) {}
