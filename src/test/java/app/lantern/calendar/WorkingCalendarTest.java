package app.lantern.calendar;

/** The notice behaviour on an in-memory calendar: pure arithmetic, no Spring, no database. */
class WorkingCalendarTest extends WorkingCalendarBehaviour {

    private final WorkingCalendar calendar =
            WorkingCalendars.inMemory(SHANGHAI, WorkingHours.DEFAULT, OfficialNotices.titles(), OfficialNotices.days());

    @Override
    WorkingCalendar calendar() {
        return calendar;
    }
}
