package app.lantern.calendar;

/** Published after an admin changed a day or the year's source: working-day results for {@code year} may differ. */
public record CalendarChanged(int year) {}
