package app.lantern.calendar;

import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * The organisation's working calendar: mainland China holidays and make-up working days as entered by admins (the
 * State Council notices for 2025 and 2026 ship as data), statutory fallback for other years, configurable working
 * hours, in the business time zone of the application clock.
 */
@Service
class ChinaWorkingCalendar extends CalendarEngine {

    ChinaWorkingCalendar(Clock clock, CalendarStore store) {
        super(clock.getZone(), store);
    }
}
