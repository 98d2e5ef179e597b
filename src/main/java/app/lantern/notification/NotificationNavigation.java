package app.lantern.notification;

import app.lantern.shared.nav.NavItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotificationNavigation {

    @Bean
    NavItem channelsNav() {
        return new NavItem("nav.channels", "/admin/channels", "broadcast", Set.of("ADMIN"), 910);
    }
}
