package app.lantern.calendar;

/** Where {@link CalendarEngine} gets its precomputed years and working hours from; implementations cache. */
interface CalendarSource {

    YearTable year(int year);

    WorkingHours hours();
}
