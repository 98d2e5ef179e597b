package app.lantern.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lantern.audit.AuditEntry;
import app.lantern.audit.AuditTrail;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The calendar on the real database (H2, or PostgreSQL with LANTERN_TEST_DB_URL): the shipped notices, admin edits
 * that take effect at once, audit entries, validation. Runs the whole notice behaviour against the bean, too. Edits use
 * years far from today (2033/2034) and are undone, because test classes share the database.
 */
@SpringBootTest
class CalendarPersistenceTest extends WorkingCalendarBehaviour {

    static final LocalDate WEDNESDAY = LocalDate.of(2034, 3, 15);
    static final LocalDate SATURDAY = LocalDate.of(2034, 3, 18);

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    CalendarAdministration admin;

    @Autowired
    AuditTrail audit;

    @Autowired
    DSLContext db;

    @Autowired
    Clock clock;

    @Autowired
    TransactionTemplate tx;

    @Override
    WorkingCalendar calendar() {
        return calendar;
    }

    @AfterEach
    void undoEdits() {
        for (LocalDate d : List.of(WEDNESDAY, SATURDAY)) {
            if (calendar.day(d).filter(CalendarDay::explicit).isPresent()) {
                admin.deleteDay(d);
            }
        }
        if (!admin.year(2033).fallback()) {
            admin.revertToFallback(2033);
        }
        if (!admin.workingHours().equals(WorkingHours.DEFAULT)) {
            admin.changeWorkingHours("09:00", "18:00");
        }
    }

    @Test
    void shippedRowsAreExactlyTheTwoNotices() {
        for (int year : new int[] {2025, 2026}) {
            CalendarYear y = admin.year(year);
            assertThat(y.source()).isEqualTo(YearSource.NOTICE);
            assertThat(y.noticeTitle()).startsWith(OfficialNotices.titles().get(year));
            assertThat(y.days())
                    .filteredOn(CalendarDay::explicit)
                    .containsExactlyInAnyOrderElementsOf(OfficialNotices.days(year));
            assertThat(y.workingDays()).isEqualTo(248);
        }
    }

    @Test
    void yearWithoutNoticeFallsBackAndIsFlagged() {
        CalendarYear y2027 = admin.year(2027);
        assertThat(y2027.source()).isEqualTo(YearSource.FALLBACK);
        assertThat(y2027.days())
                .extracting(CalendarDay::date)
                .contains(LocalDate.of(2027, 2, 5), LocalDate.of(2027, 10, 3));
        assertThat(admin.warnings())
                .allSatisfy(w -> assertThat(admin.year(w.year()).fallback()).isTrue());
        int thisYear = LocalDate.now(clock).getYear();
        if (admin.year(thisYear).fallback()) {
            assertThat(admin.warnings()).extracting(FallbackWarning::year).contains(thisYear);
        }
    }

    @Test
    void yearsOutsideTheEditableRangeUseTheFixedStatutoryDates() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2250, 10, 1))).isFalse();
        assertThat(calendar.day(LocalDate.of(2250, 1, 1)).map(CalendarDay::name))
                .contains("元旦");
        assertThat(calendar.workingDaysBetween(LocalDate.of(2199, 12, 1), LocalDate.of(2200, 2, 1)))
                .isPositive();
    }

    @Test
    void adminEditChangesResultsImmediately() {
        assertThat(calendar.isWorkingDay(WEDNESDAY)).isTrue();
        int before = calendar.workingDaysBetween(LocalDate.of(2034, 1, 1), LocalDate.of(2035, 1, 1));

        admin.saveDay(WEDNESDAY, "HOLIDAY", "  公司年会 ");
        assertThat(calendar.isWorkingDay(WEDNESDAY)).isFalse();
        assertThat(calendar.day(WEDNESDAY)).contains(new CalendarDay(WEDNESDAY, DayKind.HOLIDAY, "公司年会", true));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2034, 1, 1), LocalDate.of(2035, 1, 1)))
                .isEqualTo(before - 1);
        assertThat(calendar.addWorkingDays(WEDNESDAY.minusDays(1), 1)).isEqualTo(WEDNESDAY.plusDays(1));

        admin.saveDay(SATURDAY, "WORKDAY", "调休上班");
        assertThat(calendar.isWorkingDay(SATURDAY)).isTrue();
        assertThat(calendar.workingDaysBetween(LocalDate.of(2034, 1, 1), LocalDate.of(2035, 1, 1)))
                .isEqualTo(before);

        admin.deleteDay(WEDNESDAY);
        assertThat(calendar.isWorkingDay(WEDNESDAY)).isTrue();
        assertThat(calendar.day(WEDNESDAY)).isEmpty();
    }

    @Test
    void everyEditIsAudited() {
        admin.saveDay(WEDNESDAY, "HOLIDAY", "公司年会");
        admin.saveDay(WEDNESDAY, "HOLIDAY", "公司年会（全员）");
        admin.saveDay(WEDNESDAY, "HOLIDAY", "公司年会（全员）"); // unchanged: no entry
        admin.deleteDay(WEDNESDAY);
        List<AuditEntry> history = audit.history("calendar_day", WEDNESDAY.toString());
        assertThat(history).extracting(AuditEntry::action).startsWith("deleted", "updated", "created");
        assertThat(history.get(1).changes()).contains("公司年会（全员）").contains("before");
    }

    @Test
    void makeUpWorkingDayMustBeAWeekendDay() {
        assertThatThrownBy(() -> admin.saveDay(WEDNESDAY, "WORKDAY", "调休"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errors()).extracting(f -> f.field()).containsExactly("kind");
                });
        assertThat(calendar.day(WEDNESDAY)).isEmpty();
    }

    @Test
    void rejectsBadInputWithEveryFieldNamed() {
        assertThatThrownBy(() -> admin.saveDay(null, "SOMETHING", " "))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors()).extracting(f -> f.field()).containsExactly("date", "kind", "name");
                });
        assertThatThrownBy(() -> admin.saveDay(WEDNESDAY, "HOLIDAY", "长".repeat(41)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> admin.saveDay(LocalDate.of(1969, 12, 31), "HOLIDAY", "x"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("date");
        assertThatThrownBy(() -> admin.deleteDay(WEDNESDAY)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> admin.year(1800)).isInstanceOf(ValidationException.class);
    }

    @Test
    void nameIsStoredAsTextEvenWhenItLooksLikeMarkup() {
        admin.saveDay(WEDNESDAY, "HOLIDAY", "<script>alert(1)</script>");
        assertThat(calendar.day(WEDNESDAY)).map(CalendarDay::name).contains("<script>alert(1)</script>");
    }

    @Test
    void failedTransactionLeavesCalendarAndAuditUntouched() {
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
                    admin.saveDay(WEDNESDAY, "HOLIDAY", "回滚测试");
                    throw new IllegalStateException("boom");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(calendar.isWorkingDay(WEDNESDAY)).isTrue();
        assertThat(audit.history("calendar_day", WEDNESDAY.toString()))
                .noneMatch(e -> e.changes().contains("回滚测试"));
    }

    @Test
    void workingHoursAreConfigurableAndAudited() {
        admin.changeWorkingHours("08:30", "17:30");
        assertThat(calendar.workingHours())
                .isEqualTo(new WorkingHours(java.time.LocalTime.of(8, 30), java.time.LocalTime.of(17, 30)));
        assertThat(calendar.isWithinWorkingHours(at("2034-03-16T08:30"))).isTrue();
        assertThat(calendar.isWithinWorkingHours(at("2034-03-16T08:29"))).isFalse();
        assertThat(calendar.isWithinWorkingHours(at("2034-03-16T17:30"))).isFalse();
        assertThat(calendar.workingTimeBetween(at("2034-03-16T00:00"), at("2034-03-17T00:00")))
                .hasHours(9);
        assertThat(audit.history("calendar_settings", 1).getFirst().changes()).contains("08:30", "09:00");

        assertThatThrownBy(() -> admin.changeWorkingHours("18:00", "09:00"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("end");
        assertThatThrownBy(() -> admin.changeWorkingHours("9点", ""))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("start", "end"));
    }

    @Test
    void confirmingANoticeEndsTheFallbackForThatYear() {
        LocalDate nationalDayMonday = LocalDate.of(2033, 10, 3);
        assertThat(calendar.isWorkingDay(nationalDayMonday))
                .as("statutory 国庆 day 3")
                .isFalse();
        admin.confirmNotice(2033, "国务院办公厅关于2033年部分节假日安排的通知");
        assertThat(admin.year(2033).source()).isEqualTo(YearSource.NOTICE);
        assertThat(calendar.isWorkingDay(nationalDayMonday))
                .as("nothing entered for 2033 yet")
                .isTrue();
        admin.revertToFallback(2033);
        assertThat(calendar.isWorkingDay(nationalDayMonday)).isFalse();
        assertThat(audit.history("calendar_year", 2033))
                .extracting(AuditEntry::action)
                .startsWith("notice.withdrawn", "notice.confirmed");
    }

    @Test
    void anotherNodeSeesTheEditWhenItRechecks() {
        CalendarEngine otherNode = new CalendarEngine(SHANGHAI, new CalendarStore(db, 0));
        assertThat(otherNode.isWorkingDay(WEDNESDAY)).isTrue();
        admin.saveDay(WEDNESDAY, "HOLIDAY", "公司年会");
        assertThat(otherNode.isWorkingDay(WEDNESDAY)).isFalse();
    }
}
