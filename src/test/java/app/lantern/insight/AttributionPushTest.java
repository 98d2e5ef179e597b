package app.lantern.insight;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.calendar.WorkingCalendar;
import app.lantern.identity.Directory;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class AttributionPushTest {

    @Autowired
    AttributionPush push;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    Directory directory;

    @Autowired
    DSLContext db;

    private int inbox(long userId, String dedupKey) {
        return db.fetchCount(
                DSL.table("notifications"),
                DSL.field("recipient_user_id")
                        .eq(userId)
                        .and(DSL.field("dedup_key").eq(dedupKey)));
    }

    @Test
    void managersAndExecutivesGetLastMonthOnceBetweenTheSecondAndFifthWorkingDay() {
        LocalDate first = calendar.workingDayOnOrAfter(LocalDate.of(2026, 11, 1));
        assertThat(push.pushIfDue(first)).as("1st working day: too early").isZero();
        LocalDate second = calendar.nextWorkingDay(first);
        assertThat(push.pushIfDue(second)).isPositive();
        push.pushIfDue(calendar.nextWorkingDay(second));
        long manager = directory.userByUsername("manager1").orElseThrow().id();
        long exec = directory.userByUsername("exec").orElseThrow().id();
        long rep = directory.userByUsername("rep1").orElseThrow().id();
        assertThat(inbox(manager, "attribution-2026-10")).isEqualTo(1);
        assertThat(inbox(exec, "attribution-2026-10")).isEqualTo(1);
        assertThat(inbox(rep, "attribution-2026-10")).isZero();
        assertThat(push.pushIfDue(calendar.addWorkingDays(first, 5)))
                .as("6th working day: too late")
                .isZero();
    }
}
