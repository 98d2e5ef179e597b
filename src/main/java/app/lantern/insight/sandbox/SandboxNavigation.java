package app.lantern.insight.sandbox;

import app.lantern.shared.nav.NavItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SandboxNavigation {

    @Bean
    NavItem sandboxNav() {
        return new NavItem(
                "nav.sandbox", "/goals/sandbox", "sliders", Set.of("MANAGER", "EXECUTIVE"), 42, "nav.menu.goals");
    }
}
