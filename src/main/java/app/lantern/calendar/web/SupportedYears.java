package app.lantern.calendar.web;

import app.lantern.calendar.CalendarAdministration;
import app.lantern.shared.ValidationException;
import java.time.LocalDate;

/** The years the calendar holds holidays for; a date outside them is a field error, on the page and in the API. */
final class SupportedYears {

    private SupportedYears() {}

    static LocalDate require(String field, LocalDate date) {
        if (date.getYear() < CalendarAdministration.FIRST_YEAR || date.getYear() > CalendarAdministration.LAST_YEAR) {
            throw ValidationException.field(
                    field,
                    "must be in the years " + CalendarAdministration.FIRST_YEAR + "–"
                            + CalendarAdministration.LAST_YEAR);
        }
        return date;
    }
}
