package app.lantern.alert;

/**
 * A rule's settings: the window in working days (or the threshold, e.g. health below 60), who is told, and whether
 * the rep is marked 潜在掉队 (at risk) while the alert is open, and whether a task is opened for the audience, due
 * {@code taskDueDays} working days later.
 */
public record AlertRule(
        String code,
        boolean enabled,
        String severity,
        int windowDays,
        int threshold,
        boolean notifyRep,
        boolean notifyManager,
        boolean markAtRisk,
        boolean openTask,
        int taskDueDays) {}
