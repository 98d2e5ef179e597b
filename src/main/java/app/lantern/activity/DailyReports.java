package app.lantern.activity;

import static lantern.db.Tables.DAILY_REPORTS;

import app.lantern.calendar.WorkingCalendar;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Daily report (销售日报) facts for other modules. */
@Service
@Transactional(readOnly = true)
public class DailyReports {

    private final DSLContext db;
    private final WorkingCalendar calendar;

    DailyReports(DSLContext db, WorkingCalendar calendar) {
        this.db = db;
        this.calendar = calendar;
    }

    public boolean submitted(long ownerId, LocalDate day) {
        return db.fetchExists(
                DAILY_REPORTS,
                DAILY_REPORTS
                        .OWNER_ID
                        .eq(ownerId)
                        .and(DAILY_REPORTS.REPORT_DAY.eq(day))
                        .and(DAILY_REPORTS.STATUS.eq("SUBMITTED")));
    }

    /**
     * Submitted reports / expected reports, where every owner owes one report per working day in {@code [from, to]}.
     * 0 when nothing is due.
     */
    public double submissionRate(Set<Long> ownerIds, LocalDate from, LocalDate to) {
        if (ownerIds == null || ownerIds.isEmpty() || to.isBefore(from)) {
            return 0;
        }
        int days = calendar.workingDaysBetween(from, to.plusDays(1));
        List<LocalDate> submittedDays = db.select(DAILY_REPORTS.REPORT_DAY)
                .from(DAILY_REPORTS)
                .where(DAILY_REPORTS.OWNER_ID.in(ownerIds))
                .and(DAILY_REPORTS.STATUS.eq("SUBMITTED"))
                .and(DAILY_REPORTS.REPORT_DAY.between(from, to))
                .fetch(DAILY_REPORTS.REPORT_DAY);
        // a report on a weekend or holiday counts as owed that day too
        long extra =
                submittedDays.stream().filter(d -> !calendar.isWorkingDay(d)).count();
        long due = (long) days * ownerIds.size() + extra;
        return due == 0 ? 0 : Math.min(1.0, (double) submittedDays.size() / due);
    }
}
