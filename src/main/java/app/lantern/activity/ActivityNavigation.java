package app.lantern.activity;

import app.lantern.shared.nav.NavItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The activity pages in the main navigation: everyone logs activities, managers and above read the heatmap. */
@Configuration
class ActivityNavigation {

    @Bean
    NavItem activitiesNav() {
        return new NavItem("nav.activities", "/activities", "journal-check", Set.of(), 25, "nav.menu.activities");
    }

    @Bean
    NavItem heatmapNav() {
        return new NavItem(
                "nav.heatmap",
                "/activities/heatmap",
                "grid-3x3",
                Set.of("MANAGER", "EXECUTIVE", "ADMIN"),
                26,
                "nav.menu.activities");
    }
}
