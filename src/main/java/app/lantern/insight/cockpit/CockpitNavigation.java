package app.lantern.insight.cockpit;

import app.lantern.shared.nav.NavItem;
import app.lantern.shared.web.LandingWidget;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CockpitNavigation {

    @Bean
    NavItem cockpitNav() {
        // in the goals menu beside the sandbox, attribution and the diagnostic: the bar keeps one line on a laptop
        return new NavItem(
                "nav.cockpit", "/cockpit", "speedometer", Set.of("MANAGER", "EXECUTIVE"), 43, "nav.menu.goals");
    }

    /**
     * The executive's landing page opens with the cockpit (a manager's with their teams' cockpit), loaded after the page
     * so the forecast's simulation never delays the other widgets.
     */
    @Bean
    LandingWidget cockpitWidget() {
        return LandingWidget.of(Set.of("EXECUTIVE", "MANAGER"), 1, "insight/cockpit :: widget", Map::of);
    }
}
