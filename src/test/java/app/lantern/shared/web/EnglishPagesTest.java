package app.lantern.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.alert.AlertSignal;
import app.lantern.alert.Alerts;
import app.lantern.pipeline.OpportunityDetails;
import app.lantern.pipeline.PipelineFixtures;
import app.lantern.shared.Phrase;
import app.lantern.testing.WebSession;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An English-speaking user who switched the interface to English meets no Chinese in what the application itself writes:
 * navigation, headings, table headers, buttons, labels, card headers, badges, empty states, and the legends, series, axis
 * and indicator names of charts. What users entered (names, notes; demo data is Chinese) stays as entered: templates mark
 * such places inside chrome with {@code data-user}, and the language switch's "中文" carries {@code lang="zh-CN"}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EnglishPagesTest {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}|[，。：；、（）「」《》！？]");
    /** Elements that are the application's own words; their content is checked. */
    private static final Pattern CHROME = Pattern.compile(
            "<(nav|h[1-6]|th|button|label|legend|option)\\b([^>]*)>(.*?)</\\1>"
                    + "|<(div|span)\\b([^>]*class=\"[^\"]*\\b(?:card-header|badge|empty-state|form-text)\\b[^\"]*\"[^>]*)>(.*?)</\\4>",
            Pattern.DOTALL);

    private static final Pattern USER_DATA =
            Pattern.compile("<(\\w+)\\b[^>]*\\s(?:data-user|lang=\"zh-CN\")[^>]*>.*?</\\1>", Pattern.DOTALL);
    private static final Pattern CHART = Pattern.compile("data-chart=\"([^\"]*)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final List<String> EVERYONE = List.of(
            "/",
            "/opportunities/board",
            "/opportunities",
            "/opportunities/funnel",
            "/activities",
            "/activities/new",
            "/activities/report",
            "/activities/reports/team",
            "/activities/backfill",
            "/targets",
            "/customers",
            "/customers/new",
            "/quotes",
            "/quotes/new",
            "/quotes/catalog",
            "/notifications",
            "/notifications/preferences");

    private static final Map<String, List<String>> PAGES = Map.of(
            "rep1", List.of("/alerts", "/briefs", "/goals/progress/reps/{rep1}"),
            "manager1",
                    List.of(
                            "/alerts",
                            "/briefs",
                            "/goals/progress",
                            "/goals/progress/reps/{rep1}",
                            "/activities/heatmap",
                            "/opportunities/interventions",
                            "/quotes/weekly"),
            "exec", List.of("/goals/progress", "/activities/heatmap", "/quotes/weekly"),
            "finance", List.of("/quotes/finance", "/quotes/weekly"),
            "admin",
                    List.of(
                            "/admin/users",
                            "/admin/audit",
                            "/admin/calendar",
                            "/admin/channels",
                            "/admin/notifications",
                            "/admin/pipelines",
                            "/admin/alert-rules",
                            "/quotes/settings",
                            "/quotes/finance",
                            "/customers/value",
                            "/customers/duplicates",
                            "/activities/heatmap"));

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PipelineFixtures fx;

    @Autowired
    Alerts alerts;

    private OpportunityDetails deal;

    @BeforeEach
    void aDealWithACustomer() {
        fx.signIn("rep1");
        deal = fx.opportunity(fx.customer("rep1")).create();
        fx.signOut();
    }

    private String page(Cookie session, String path) throws Exception {
        MvcTestResult r = mvc.get()
                .uri(path)
                .cookie(session, new Cookie("lantern-lang", "en"))
                .exchange();
        assertThat(r).as(path).hasStatusOk();
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** What the application wrote in Chinese on the page, one finding per place. */
    static List<String> chineseChrome(String html) {
        String page = USER_DATA
                .matcher(html.replaceAll("(?s)<script\\b.*?</script>", ""))
                .replaceAll("");
        List<String> found = new ArrayList<>();
        Matcher m = CHROME.matcher(page);
        while (m.find()) {
            String content = m.group(3) != null ? m.group(3) : m.group(6);
            String text = HtmlUtils.htmlUnescape(content.replaceAll("(?s)<[^>]*>", " "))
                    .replaceAll("\\s+", " ")
                    .strip();
            if (HAN.matcher(text).find()) {
                found.add(text.length() > 160 ? text.substring(0, 160) : text);
            }
        }
        Matcher c = CHART.matcher(html);
        while (c.find()) {
            JsonNode option = JSON.readTree(HtmlUtils.htmlUnescape(c.group(1)));
            List<String> names = new ArrayList<>();
            option.path("legend").path("data").forEach(n -> names.add(n.asString()));
            option.path("series").forEach(s -> {
                names.add(s.path("name").asString(""));
                names.add(s.path("markLine").path("label").path("formatter").asString(""));
                s.path("markPoint")
                        .path("data")
                        .forEach(p -> names.add(p.path("value").asString("")));
            });
            for (String axis : List.of("xAxis", "yAxis")) {
                JsonNode a = option.path(axis);
                (a.isArray() ? a : JSON.createArrayNode().add(a))
                        .forEach(x -> names.add(x.path("name").asString("")));
            }
            option.path("radar")
                    .path("indicator")
                    .forEach(i -> names.add(i.path("name").asString("")));
            names.stream().filter(n -> HAN.matcher(n).find()).forEach(n -> found.add("chart: " + n));
        }
        return found;
    }

    @Test
    void everyRoleSeesItsMainPagesInEnglish() throws Exception {
        String rep1 = String.valueOf(fx.userId("rep1"));
        Map<String, List<String>> chinese = new java.util.TreeMap<>();
        for (var role : PAGES.entrySet()) {
            Cookie session = WebSession.login(mvc, role.getKey());
            List<String> paths = new ArrayList<>(EVERYONE);
            paths.addAll(role.getValue());
            if (!role.getKey().equals("finance")) {
                paths.add("/opportunities/" + deal.id() + "?tab=health");
            }
            for (String path : paths) {
                String url = path.replace("{rep1}", rep1);
                List<String> found = chineseChrome(page(session, url));
                if (!found.isEmpty()) {
                    chinese.put(role.getKey() + " " + url, found);
                }
            }
        }
        assertThat(chinese).isEmpty();
    }

    @Test
    void theHealthTabExplainsEveryFactorInEnglishAndTheKpiChartHasAnEnglishLegend() throws Exception {
        Cookie manager = WebSession.login(mvc, "manager1");
        String health = page(manager, "/opportunities/" + deal.id() + "?tab=health");
        assertThat(health)
                .contains("Decision chain coverage")
                .contains("Last contact")
                .contains("0/4 roles")
                .contains("≤3 days: full marks")
                .doesNotContain("决策链完整度")
                .doesNotContain("满分");

        String home = page(manager, "/");
        Matcher chart = CHART.matcher(home);
        List<String> legends = new ArrayList<>();
        while (chart.find()) {
            JSON.readTree(HtmlUtils.htmlUnescape(chart.group(1)))
                    .path("legend")
                    .path("data")
                    .forEach(n -> legends.add(n.asString()));
        }
        assertThat(legends).contains("Action completion %", "Month-end signing share %", "Sales cycle (days)");
    }

    @Test
    void anAlertReadsInTheReadersLanguage() throws Exception {
        long rep = fx.userId("rep1");
        alerts.raise(new AlertSignal(
                "HEALTH_LOW",
                "opportunity",
                deal.id(),
                rep,
                "HIGH",
                new Phrase("alert.message.healthLow", deal.name(), 42, 60),
                "/alerts/reps/" + rep));
        Cookie manager = WebSession.login(mvc, "manager1");
        assertThat(page(manager, "/alerts")).contains("Deal &quot;" + deal.name() + "&quot; has health 42, below 60");
        MvcTestResult chinese = mvc.get().uri("/alerts").cookie(manager).exchange();
        assertThat(chinese.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("商机「" + deal.name() + "」健康度 42，低于 60");
    }

    @Test
    void chineseStaysTheDefault() throws Exception {
        Cookie manager = WebSession.login(mvc, "manager1");
        MvcTestResult r = mvc.get()
                .uri("/opportunities/" + deal.id() + "?tab=health")
                .cookie(manager)
                .exchange();
        assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("决策链完整度")
                .contains("≤3 天满分");
    }
}
