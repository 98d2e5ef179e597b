package app.lantern.identity;

import app.lantern.shared.nav.NavItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdentityNavigation {

    @Bean
    NavItem homeNav() {
        return new NavItem("nav.home", "/", "speedometer2", Set.of(), 0);
    }

    @Bean
    NavItem usersNav() {
        return new NavItem("nav.users", "/admin/users", "people", Set.of("ADMIN"), 900);
    }
}
