/**
 * The working calendar: mainland China statutory holidays and make-up working days (调休), working hours, and
 * business-day and business-hour arithmetic that alerts, SLAs and schedules rely on.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit"})
package app.lantern.calendar;
