package app.lantern.calendar;

/** What an explicitly listed calendar day is: a day off (法定节假日/放假) or a make-up working day (调休上班). */
public enum DayKind {
    HOLIDAY,
    WORKDAY
}
