package app.lantern.goal;

import app.lantern.shared.nav.NavItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GoalNavigation {

    @Bean
    NavItem targetsNav() {
        return new NavItem("nav.targets", "/targets", "bullseye", Set.of(), 40, "nav.menu.goals");
    }

    @Bean
    NavItem progressNav() {
        return new NavItem(
                "nav.progress",
                "/goals/progress",
                "speedometer2",
                Set.of("MANAGER", "EXECUTIVE"),
                41,
                "nav.menu.goals");
    }
}
