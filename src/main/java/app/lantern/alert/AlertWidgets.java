package app.lantern.alert;

import app.lantern.identity.CurrentActor;
import app.lantern.shared.web.LandingWidget;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rep's brief and open alerts on the landing pages: a rep's own near the top, a manager's team with the reps at risk (潜在掉队). */
@Configuration(proxyBeanMethods = false)
class AlertWidgets {

    private static final int SHOWN = 5;
    private static final List<String> SEVERITY_ORDER = List.of("HIGH", "MEDIUM", "LOW");
    /** Most severe first, and within a severity the newest: a landing page shows what just happened. */
    private static final Comparator<AlertView> LANDING_ORDER = Comparator.<AlertView>comparingInt(
                    a -> SEVERITY_ORDER.indexOf(a.severity()))
            .thenComparing(AlertView::openedAt, Comparator.reverseOrder());

    private static List<AlertView> shown(List<AlertView> open) {
        return open.stream().sorted(LANDING_ORDER).limit(SHOWN).toList();
    }

    /** The rep's brief of today at the top of their landing page: the same content the channels received at 08:30. */
    @Bean
    LandingWidget myBriefWidget(DailyBrief briefs, CurrentActor currentActor, Clock clock) {
        return LandingWidget.of(
                Set.of("REP"),
                4,
                "alert/widgets :: brief",
                () -> Map.of(
                        "content",
                        briefs.forRep(currentActor.require().userId(), LocalDate.now(clock))
                                .content()));
    }

    @Bean
    LandingWidget myAlertsWidget(Alerts alerts, CurrentActor currentActor) {
        return LandingWidget.of(Set.of("REP"), 6, "alert/widgets :: mine", () -> {
            long me = currentActor.require().userId();
            List<AlertView> open = alerts.board(me, false);
            return Map.of("alerts", shown(open), "total", open.size(), "atRisk", alerts.isAtRisk(me));
        });
    }

    @Bean
    LandingWidget teamAlertsWidget(Alerts alerts) {
        return LandingWidget.of(Set.of("MANAGER", "EXECUTIVE"), 15, "alert/widgets :: team", () -> {
            List<AlertView> open = alerts.board(null, false);
            return Map.of(
                    "alerts",
                    shown(open),
                    "total",
                    open.size(),
                    "high",
                    open.stream().filter(a -> "HIGH".equals(a.severity())).count(),
                    "atRisk",
                    alerts.atRisk());
        });
    }
}
