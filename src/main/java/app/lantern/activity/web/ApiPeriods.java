package app.lantern.activity.web;

import app.lantern.shared.ValidationException;
import java.time.LocalDate;

/** The periods the activity API accepts: {@code from} not after {@code to}, and at most a year apart. */
final class ApiPeriods {

    private ApiPeriods() {}

    static void check(LocalDate from, LocalDate to) {
        if (from.isAfter(to) || from.isBefore(to.minusDays(366))) {
            throw ValidationException.field("from", "must be before 'to' and at most a year earlier");
        }
    }
}
