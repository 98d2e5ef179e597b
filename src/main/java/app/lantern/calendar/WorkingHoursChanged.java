package app.lantern.calendar;

/** Published after an admin changed the daily working hours. */
public record WorkingHoursChanged(WorkingHours before, WorkingHours after) {}
