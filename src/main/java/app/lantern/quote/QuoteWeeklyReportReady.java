package app.lantern.quote;

import java.time.LocalDate;

/** The weekly quote health report for a manager or executive is ready (pushed every Friday, working-day aware). */
public record QuoteWeeklyReportReady(
        long recipientUserId, LocalDate weekStart, String title, String summary, String link) {}
