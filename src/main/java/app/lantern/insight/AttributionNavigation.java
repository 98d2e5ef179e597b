package app.lantern.insight;

import app.lantern.shared.nav.NavItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 归因分析 and 过程诊断 for managers and executives, under the decisions menu. */
@Configuration(proxyBeanMethods = false)
class AttributionNavigation {

    @Bean
    NavItem attributionNav() {
        return new NavItem(
                "nav.attribution",
                "/attribution",
                "bar-chart-steps",
                Set.of("MANAGER", "EXECUTIVE"),
                70,
                "nav.menu.insight");
    }
}
