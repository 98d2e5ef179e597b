package app.lantern.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import app.lantern.identity.Directory;
import app.lantern.notification.ChannelKind;
import app.lantern.notification.Notification;
import app.lantern.notification.NotificationChannels;
import app.lantern.notification.Notifications;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
class NotificationWebTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Notifications notifications;

    @Autowired
    NotificationChannels channels;

    @Autowired
    Directory directory;

    private final String run = Long.toString(System.nanoTime(), 36);

    private Cookie login(String username) {
        MvcTestResult result = mvc.post()
                .uri("/login")
                .with(csrf())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("username", username)
                .param("password", "lantern-demo")
                .exchange();
        return result.getResponse().getHeaders("Set-Cookie").stream()
                .filter(h -> h.startsWith("LANTERN_SESSION="))
                .map(h -> new Cookie("LANTERN_SESSION", h.substring("LANTERN_SESSION=".length(), h.indexOf(';'))))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    private String token(String username) {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/auth/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"lantern-demo\"}")
                .exchange();
        return JsonMapper.builder()
                .build()
                .readTree(result.getResponse().getContentAsByteArray())
                .path("token")
                .asString();
    }

    private long id(String username) {
        return directory.userByUsername(username).orElseThrow().id();
    }

    @Test
    void theBellShowsUnreadMessagesAndTheInboxOpensAndMarksThemRead() throws Exception {
        long rep = id("rep10");
        notifications.markAllRead(rep);
        notifications.send(new Notification(
                rep, "alert", "连续3个工作日无新增商机-" + run, "请今天补充 <b>线索</b>", "/notifications/preferences", "web-" + run));
        Cookie session = login("rep10");

        MvcTestResult home = mvc.get().uri("/").cookie(session).exchange();
        assertThat(home).hasStatusOk();
        assertThat(home).bodyText().contains("id=\"bell\"").contains("data-unread>1</span>");

        MvcTestResult inbox = mvc.get().uri("/notifications").cookie(session).exchange();
        assertThat(inbox).bodyText().contains("连续3个工作日无新增商机-" + run).contains("请今天补充 &lt;b&gt;线索&lt;/b&gt;");

        long notificationId = notifications
                .inbox(rep, true, app.lantern.shared.PageQuery.of(0, 1, null, java.util.Set.of("id"), "id,desc"))
                .items()
                .getFirst()
                .id();
        assertThat(mvc.get()
                        .uri("/notifications/{id}/open", notificationId)
                        .cookie(session)
                        .exchange())
                .hasRedirectedUrl("/notifications/preferences");
        assertThat(notifications.unreadCount(rep)).isZero();

        MvcTestResult bell = mvc.get()
                .uri("/notifications/bell")
                .cookie(session)
                .header("HX-Request", "true")
                .exchange();
        assertThat(bell).bodyText().doesNotContain("data-unread");
    }

    @Test
    void theApiListsOnlyTheCallersMessagesAndHidesOthers() {
        long rep = id("rep4");
        // other tests' briefs and alerts reach rep4 too: start from an inbox with nothing unread
        notifications.markAllRead(rep);
        notifications.send(new Notification(rep, "brief", "每日简报-" + run, "今日TOP3", null, "api-" + run));
        long othersId = notifications
                .inbox(rep, false, app.lantern.shared.PageQuery.of(0, 1, null, java.util.Set.of("id"), "id,desc"))
                .items()
                .getFirst()
                .id();

        String repToken = token("rep4");
        MvcTestResult list = mvc.get()
                .uri("/api/v1/notifications?unread=true")
                .header("Authorization", "Bearer " + repToken)
                .exchange();
        assertThat(list).hasStatusOk();
        assertThat(list).bodyJson().extractingPath("$.items[0].title").isEqualTo("每日简报-" + run);
        assertThat(list).bodyJson().extractingPath("$.items[0].id").isEqualTo(String.valueOf(othersId));

        String otherToken = token("rep3");
        assertThat(mvc.post()
                        .uri("/api/v1/notifications/{id}/read", othersId)
                        .header("Authorization", "Bearer " + otherToken)
                        .exchange())
                .hasStatus(404);
        assertThat(mvc.post()
                        .uri("/api/v1/notifications/{id}/read", othersId)
                        .header("Authorization", "Bearer " + repToken)
                        .exchange())
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.unread")
                .isEqualTo(0);
    }

    @Test
    void adminSeesChannelsWithVariableNamesButNeverSecretValues() {
        System.setProperty("LANTERN_T_WEB_SECRET_" + run.toUpperCase(), "very-secret-value-" + run);
        channels.allowHost("127.0.0.1");
        channels.create(new NotificationChannels.ChannelForm(
                "钉钉华东群-" + run,
                ChannelKind.DINGTALK_ROBOT,
                "http://127.0.0.1:9",
                null,
                null,
                "LANTERN_T_WEB_TOKEN_" + run.toUpperCase(),
                "LANTERN_T_WEB_SECRET_" + run.toUpperCase(),
                "markdown",
                null,
                false,
                false));
        Cookie admin = login("admin");
        MvcTestResult page = mvc.get().uri("/admin/channels").cookie(admin).exchange();
        assertThat(page).hasStatusOk();
        assertThat(page)
                .bodyText()
                .contains("钉钉华东群-" + run)
                .contains("LANTERN_T_WEB_SECRET_" + run.toUpperCase())
                .doesNotContain("very-secret-value-" + run)
                .contains("送达率");
        assertThat(mvc.get()
                        .uri("/admin/notifications?status=FAILED")
                        .cookie(admin)
                        .exchange())
                .hasStatusOk();

        MvcTestResult refused = mvc.post()
                .uri("/admin/channels")
                .cookie(admin)
                .with(csrf())
                .param("name", "内网-" + run)
                .param("kind", "WECOM_ROBOT")
                .param("endpoint", "http://0x7f.1:8080")
                .param("credentialEnv", "LANTERN_X")
                .param("enabled", "true")
                .exchange();
        assertThat(refused).hasStatusOk();
        assertThat(refused).bodyText().contains("服务地址");

        assertThat(mvc.get().uri("/admin/channels").cookie(login("rep2")).exchange())
                .hasStatus(403);
    }

    @Test
    void preferencesRejectBadInputWithFieldMessages() {
        Cookie session = login("rep2");
        MvcTestResult result = mvc.post()
                .uri("/notifications/preferences")
                .cookie(session)
                .with(csrf())
                .param("locale", "zh-CN")
                .param("email", "not-an-email")
                .param("mobile", "12345")
                .param("quietStart", "22:00")
                .exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("邮箱").contains("手机号").contains("免打扰结束");
        MvcTestResult ok = mvc.post()
                .uri("/notifications/preferences")
                .cookie(session)
                .with(csrf())
                .param("locale", "en")
                .param("email", "rep2@demo.lantern.app")
                .param("quietStart", "22:00")
                .param("quietEnd", "08:00")
                .exchange();
        assertThat(ok).hasRedirectedUrl("/notifications/preferences");
    }

    @Test
    void theInboxShowsMarkdownAsSafeHtml() {
        long rep = id("rep11");
        notifications.send(new Notification(
                rep,
                "brief",
                "每日简报-" + run,
                "**本周动作**：拜访 1/5\n1. 跟进 [商机](/opportunities)\n2. <script>alert('x')</script>\n\n[外链](https://evil.example)",
                "/briefs/preview",
                "web-md-" + run));
        MvcTestResult inbox =
                mvc.get().uri("/notifications").cookie(login("rep11")).exchange();
        assertThat(inbox).hasStatusOk();
        assertThat(inbox)
                .bodyText()
                .contains("<strong>本周动作</strong>：拜访 1/5")
                .contains("<a href=\"/opportunities\">商机</a>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .doesNotContain("<script>alert")
                .doesNotContain("evil.example")
                .doesNotContain("**本周动作**");
    }
}
