package app.lantern.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DueDatesTest {

    final DueDates dates = new DueDates(DevSet.shippedCalendar());

    private LocalDate due(String clause, String callDate) {
        return dates.resolve(clause, LocalDate.parse(callDate), null).orElse(null);
    }

    @Test
    void resolvesWeekdaysAndWeeksAgainstTheCallDate() {
        assertThat(due("我下周三之前把报价发给您", "2026-03-10")).isEqualTo("2026-03-18");
        assertThat(due("本周五给你们答复", "2026-03-10")).isEqualTo("2026-03-13");
        assertThat(due("下下周我们安排工程师上门", "2026-07-21")).isEqualTo("2026-08-07");
        assertThat(due("下周把招标文件发给你们", "2026-03-10")).isEqualTo("2026-03-20");
    }

    @Test
    void aDeadlinePeriodEndsOnItsLastWorkingDayIncludingAMakeUpSaturday() {
        assertThat(due("月底前付预付款", "2026-02-11")).isEqualTo("2026-02-28");
        assertThat(due("下周我们把招标文件发给你们", "2026-04-28")).isEqualTo("2026-05-09");
        assertThat(due("月底前把合同走完", "2026-10-09")).isEqualTo("2026-10-30");
    }

    @Test
    void afterTheHolidayIsTheFirstWorkingDayAfterIt() {
        assertThat(due("节后给你们一个准信", "2026-09-29")).isEqualTo("2026-10-08");
        assertThat(due("年后第一个工作日发方案", "2026-02-11")).isEqualTo("2026-02-24");
        assertThat(due("端午节后再约", "2026-06-16")).isEqualTo("2026-06-22");
        assertThat(due("春节前完成部署", "2026-01-07")).isEqualTo("2026-02-14");
    }

    @Test
    void aNamedDayOffMovesToTheNextWorkingDayButAMakeUpWorkdayStays() {
        assertThat(due("明天把账号发给您", "2026-10-09")).isEqualTo("2026-10-10");
        assertThat(due("下周三过来", "2026-09-29")).isEqualTo("2026-10-08");
        assertThat(due("3号之前把合同发给您", "2026-07-21")).isEqualTo("2026-08-03");
        assertThat(due("两个工作日内给您", "2026-07-21")).isEqualTo("2026-07-23");
    }

    @Test
    void noDateGivesNothing() {
        assertThat(due("我们尽快给您回复", "2026-03-10")).isNull();
    }
}
