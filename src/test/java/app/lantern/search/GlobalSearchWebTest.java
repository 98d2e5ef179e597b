package app.lantern.search;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.testing.WebSession;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@SpringBootTest
@AutoConfigureMockMvc
class GlobalSearchWebTest {

    private static final String DIGITS = "零一二三四五六七八九";
    private static final String DIGIT_INITIALS = "lyesswlqbj";

    @Autowired
    MockMvcTester mvc;

    /** A customer of rep1 named 华为科技 plus a unique Chinese suffix; returns {id, pinyin initials}. */
    private String[] customerOfRep1(String prefix) {
        StringBuilder suffix = new StringBuilder();
        StringBuilder initials = new StringBuilder("hwkj");
        for (int i = 0; i < 6; i++) {
            int d = ThreadLocalRandom.current().nextInt(10);
            suffix.append(DIGITS.charAt(d));
            initials.append(DIGIT_INITIALS.charAt(d));
        }
        String name = prefix + "华为科技" + suffix;
        MvcTestResult created = mvc.post()
                .uri("/api/v1/customers")
                .header("Authorization", WebSession.token(mvc, "rep1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name.replace("\"", "\\\"") + "\",\"confirmNotDuplicate\":true}")
                .exchange();
        assertThat(created).hasStatus(201);
        return new String[] {WebSession.json(created).get("id").asString(), initials.toString(), name};
    }

    private String get(String username, String uri) throws Exception {
        Cookie session = WebSession.login(mvc, username);
        MvcTestResult r = mvc.get().uri(uri).cookie(session).exchange();
        assertThat(r).hasStatusOk();
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aRepFindsTheirCustomerByChineseSubstringAndPinyinInitialsButAnotherTeamDoesNot() throws Exception {
        String[] customer = customerOfRep1("");
        String link = "href=\"/customers/" + customer[0] + "\"";
        String chinese = customer[2].substring(2);

        assertThat(get("rep1", "/search?q=" + chinese)).contains(link).contains("客户");
        assertThat(get("rep1", "/search?q=" + customer[1])).contains(link);
        assertThat(get("rep1", "/search?q=" + customer[1].toUpperCase())).contains(link);
        assertThat(get("rep1", "/search/suggest?q=" + customer[1])).contains(link);

        assertThat(get("rep7", "/search?q=" + chinese)).doesNotContain(link);
        assertThat(get("rep7", "/search?q=" + customer[1])).doesNotContain(link).contains("没有找到");
        assertThat(get("rep7", "/search/suggest?q=" + customer[1])).doesNotContain(link);
    }

    @Test
    void resultsAreEscaped() throws Exception {
        String[] customer = customerOfRep1("<script>alert(1)</script>");

        for (String uri : new String[] {"/search?q=" + customer[1], "/search/suggest?q=" + customer[1]}) {
            assertThat(get("rep1", uri))
                    .contains("href=\"/customers/" + customer[0] + "\"")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .doesNotContain("<script>alert(1)");
        }
        assertThat(get("rep1", "/search?q=%3Cscript%3Ealert(2)")).doesNotContain("<script>alert(2)");
    }

    @Test
    void theEnglishUiShowsEnglishKindLabelsAndTheEmptyPageSaysWhatToType() throws Exception {
        String[] customer = customerOfRep1("");

        String english = get("rep1", "/search?lang=en&q=" + customer[1]);
        assertThat(english).contains("href=\"/customers/" + customer[0] + "\"").contains(">Customer<");
        assertThat(english).doesNotContain(">客户<");

        assertThat(get("rep1", "/search")).contains("id=\"search-empty\"").contains("拼音首字母");
        assertThat(get("rep1", "/")).contains("id=\"global-search\"").contains("data-search-shortcut");
    }
}
