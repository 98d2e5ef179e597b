package app.lantern.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.testing.WebSession;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@SpringBootTest
@AutoConfigureMockMvc
class NavigationTest {

    @Autowired
    MockMvcTester mvc;

    private String page(String username, String path) throws Exception {
        Cookie session = WebSession.login(mvc, username);
        MvcTestResult page = mvc.get().uri(path).cookie(session).exchange();
        assertThat(page).hasStatusOk();
        return page.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static String settingsMenu(String html) {
        int start = html.indexOf("id=\"settings-menu\"");
        return start < 0 ? "" : html.substring(start, html.indexOf("</ul>", start));
    }

    @Test
    void administratorsFindEverySettingPageInOneMenuAndOthersDoNotSeeIt() throws Exception {
        String admin = page("admin", "/");
        assertThat(settingsMenu(admin))
                .contains("设置")
                .contains("href=\"/admin/users\"")
                .contains("href=\"/admin/audit\"")
                .contains("href=\"/admin/calendar\"")
                .doesNotContain("href=\"/customers\"");
        assertThat(admin).contains("href=\"/customers\"");

        String onUsers = page("admin", "/admin/users");
        assertThat(settingsMenu(onUsers)).contains("nav-link dropdown-toggle active");

        String rep = page("rep2", "/");
        assertThat(settingsMenu(rep)).isEmpty();
        assertThat(rep).doesNotContain("href=\"/admin/users\"").contains("href=\"/customers\"");
    }
}
