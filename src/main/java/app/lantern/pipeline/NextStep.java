package app.lantern.pipeline;

import java.time.LocalDate;

/** An open opportunity's agreed next step and its due date, as reminders in other modules (the daily brief) see it. */
public record NextStep(OpportunityRef opportunity, String text, LocalDate due) {}
