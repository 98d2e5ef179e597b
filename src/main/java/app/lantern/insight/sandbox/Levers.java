package app.lantern.insight.sandbox;

import app.lantern.shared.FieldErrors;

/**
 * What a scenario changes besides targets, each as a multiple of the history: {@code leadVolume} the rate of new
 * opportunities, {@code conversion} the win rate (capped at 100 %), {@code cycleTime} the time from creation to close
 * (below 1 is faster). 1 everywhere is the history as it is.
 */
public record Levers(double leadVolume, double conversion, double cycleTime) {

    public static final Levers AS_IS = new Levers(1, 1, 1);

    /** A lever outside this range is a typing mistake, not a plan. */
    static final double MIN = 0.2;

    static final double MAX = 5;

    /** The levers from optional request values (absent = 1), 400 naming each lever outside 0.2–5. */
    public static Levers of(Double leadVolume, Double conversion, Double cycleTime, String prefix) {
        FieldErrors errors = new FieldErrors();
        double lead = check(errors, prefix + "leadVolume", leadVolume);
        double conv = check(errors, prefix + "conversion", conversion);
        double cycle = check(errors, prefix + "cycleTime", cycleTime);
        errors.throwIfAny();
        return new Levers(lead, conv, cycle);
    }

    private static double check(FieldErrors errors, String field, Double value) {
        if (value == null) {
            return 1;
        }
        errors.addIf(value.isNaN() || value < MIN || value > MAX, field, "must be between " + MIN + " and " + MAX);
        return value;
    }
}
