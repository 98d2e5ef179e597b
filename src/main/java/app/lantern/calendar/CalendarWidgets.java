package app.lantern.calendar;

import app.lantern.shared.nav.NavItem;
import app.lantern.shared.web.LandingWidget;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The admin's navigation entry and landing panel for the working calendar. */
@Configuration(proxyBeanMethods = false)
class CalendarWidgets {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** Today's status and the next holiday, as shown on the admin landing page. */
    record NextHoliday(LocalDate date, String name, int inDays) {}

    @Bean
    NavItem calendarNav() {
        return new NavItem("nav.calendar", "/admin/calendar", "calendar3", Set.of("ADMIN"), 910);
    }

    @Bean
    LandingWidget calendarWidget(WorkingCalendar calendar, CalendarAdministration admin, Clock clock) {
        return LandingWidget.of(Set.of("ADMIN"), 30, "calendar/widgets :: calendar", () -> {
            LocalDate today = LocalDate.now(clock);
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("today", today);
            model.put("todayWorking", calendar.isWorkingDay(today));
            model.put("todayName", calendar.day(today).map(CalendarDay::name).orElse(null));
            model.put(
                    "todayMakeUp",
                    calendar.day(today).map(CalendarDay::makeUpWorkday).orElse(false));
            model.put(
                    "leftInMonth",
                    calendar.workingDaysBetween(
                            today, YearMonth.from(today).atEndOfMonth().plusDays(1)));
            model.put("leftInYear", calendar.workingDaysBetween(today, LocalDate.of(today.getYear() + 1, 1, 1)));
            model.put("nextHoliday", nextHoliday(calendar, today));
            WorkingHours hours = calendar.workingHours();
            model.put("hours", hours.start().format(HH_MM) + "–" + hours.end().format(HH_MM));
            model.put("warnings", admin.warnings());
            return model;
        });
    }

    static NextHoliday nextHoliday(WorkingCalendar calendar, LocalDate today) {
        for (int i = 1; i <= 400; i++) {
            LocalDate d = today.plusDays(i);
            var day = calendar.day(d);
            if (day.isPresent() && day.get().holiday()) {
                return new NextHoliday(d, day.get().name(), i);
            }
        }
        return null;
    }
}
