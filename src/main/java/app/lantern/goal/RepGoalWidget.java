package app.lantern.goal;

import app.lantern.identity.CurrentActor;
import app.lantern.shared.web.LandingWidget;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rep's month at the top of their landing page: signed vs target against the working-day pace, and this week's actions. */
@Configuration(proxyBeanMethods = false)
class RepGoalWidget {

    /** One weekly action as the widget shows it: done against target, with the share for the bar (capped at 100; none without a target). */
    record ActionLine(String labelKey, long done, int target) {

        public int percent() {
            return target <= 0 ? 0 : done >= target ? 100 : (int) (done * 100 / target);
        }

        public boolean met() {
            return target > 0 && done >= target;
        }
    }

    @Bean
    LandingWidget repMonthWidget(RepProgress progress, CurrentActor currentActor, Clock clock) {
        return LandingWidget.of(Set.of("REP"), 5, "goal/widgets :: myMonth", () -> {
            RepProgress.Progress p = progress.of(currentActor.require().userId(), YearMonth.now(clock));
            RepProgress.WeeklyActions w = p.thisWeek();
            return Map.of(
                    "progress",
                    p,
                    "actions",
                    List.of(
                            new ActionLine("goal.mine.visits", w.visits(), w.visitsTarget()),
                            new ActionLine("goal.mine.newOpps", w.newOpportunities(), w.newOpportunitiesTarget()),
                            new ActionLine("goal.mine.demos", w.demos(), w.demosTarget())));
        });
    }
}
