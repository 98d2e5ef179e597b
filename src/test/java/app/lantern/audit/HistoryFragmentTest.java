package app.lantern.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/** The reusable {@code audit/history :: trail(entries)} fragment as a record page includes it. */
@SpringBootTest
class HistoryFragmentTest {

    @Autowired
    ITemplateEngine templates;

    @Autowired
    ApplicationContext application;

    String render(List<AuditEntry> history, Locale locale) {
        Context context = new Context(locale, Map.of("history", history));
        context.setVariable(
                ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, null));
        return templates.process("audit-test/trail", context);
    }

    static AuditEntry entry(long id, String action, String changes) {
        return new AuditEntry(
                id,
                OffsetDateTime.of(2026, 11, 27, 2, 0, 0, 0, ZoneOffset.UTC),
                7L,
                "rep1",
                "10.1.2.3",
                "Mozilla",
                "req-1",
                "customer",
                "42",
                action,
                changes);
    }

    @Test
    void showsWhoChangedWhatAndWhenWithBeforeAndAfter() {
        String html = render(
                List.of(
                        entry(2, "updated", "{\"name\":{\"before\":\"万科\",\"after\":\"<b>万科A</b>\"}}"),
                        entry(1, "created", "{\"name\":\"万科\"}")),
                Locale.SIMPLIFIED_CHINESE);
        assertThat(html)
                .contains("2026-11-27 10:00:00")
                .contains("rep1")
                .contains("10.1.2.3")
                .contains("修改")
                .contains("创建")
                .contains("修改前")
                .contains("修改后")
                .contains("万科")
                .contains("&lt;b&gt;万科A&lt;/b&gt;")
                .doesNotContain("<b>万科A</b>");
        assertThat(html.indexOf("修改")).isLessThan(html.indexOf("创建"));
    }

    @Test
    void speaksEnglishWhenAskedTo() {
        assertThat(render(List.of(entry(1, "login.failed", "{\"reason\":\"bad credentials\"}")), Locale.ENGLISH))
                .contains("Sign-in failed")
                .contains("Reason")
                .contains("bad credentials");
    }

    @Test
    void saysWhatWillAppearWhenTheRecordHasNoHistory() {
        assertThat(render(List.of(), Locale.SIMPLIFIED_CHINESE)).contains("这条记录还没有变更历史");
    }
}
