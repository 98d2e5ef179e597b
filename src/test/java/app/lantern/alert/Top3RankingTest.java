package app.lantern.alert;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.pipeline.NextStep;
import app.lantern.pipeline.OpportunityRef;
import app.lantern.pipeline.OpportunityStatus;
import app.lantern.quote.ExpiringQuote;
import app.lantern.shared.Phrase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class Top3RankingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    /** The application's Chinese messages, as the channels receive them. */
    private static List<String> words(List<Phrase> phrases) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/alert", "i18n/shared");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return phrases.stream()
                .map(p -> messages.getMessage(p, Locale.SIMPLIFIED_CHINESE))
                .toList();
    }

    private static OpportunityRef deal(long id, String name, String amount, Integer health, LocalDate expectedClose) {
        return new OpportunityRef(
                id,
                name,
                100 + id,
                7,
                1,
                "软件",
                1,
                "方案",
                2,
                new BigDecimal(amount),
                null,
                OpportunityStatus.OPEN,
                expectedClose,
                OffsetDateTime.parse("2026-10-01T09:00:00+08:00"),
                null,
                health);
    }

    private static ExpiringQuote quote(long id, String total, LocalDate until) {
        return new ExpiringQuote(id, "Q-2026-00" + id, "华润万家", null, new BigDecimal(total), until, false);
    }

    @Test
    void overdueNextStepsExpiringQuotesTodaysVisitsAndAtRiskHighTierDealsComeBeforeStalledBigDeals() {
        OpportunityRef stalledHuge = deal(1, "大型集团框架", "5000000", 80, null);
        OpportunityRef overdueStep = deal(2, "物流系统", "200000", 75, null);
        OpportunityRef visitToday = deal(3, "门店巡检", "150000", 90, null);
        OpportunityRef atRiskA = deal(4, "A类客户扩容", "800000", 45, null);
        List<String> top = words(TodayTodos.rank(
                TODAY,
                List.of(stalledHuge, overdueStep, visitToday, atRiskA),
                Map.of(1L, 8, 2L, 0, 3L, 0, 4L, 1),
                Map.of(4L, "A"),
                List.of(
                        new NextStep(overdueStep, "发送报价确认函", TODAY.minusDays(3)),
                        new NextStep(visitToday, "上门拜访采购总监", TODAY)),
                List.of(quote(9, "300000", TODAY.plusDays(1))),
                Map.of(9L, 1)));
        assertThat(top).hasSize(3);
        assertThat(top.get(0)).contains("发送报价确认函").contains("已逾期 3 天");
        assertThat(top.get(1)).contains("Q-2026-009").contains("1 个工作日后到期");
        assertThat(top.get(2)).startsWith("今日拜访：上门拜访采购总监").contains("¥15.0万");
        assertThat(top.get(1)).contains("¥30.0万");
        assertThat(String.join("", top)).doesNotContain("大型集团框架").doesNotContain("A类客户扩容");
    }

    @Test
    void anAtRiskDealOfAnATierCustomerOutranksAnOverdueCloseAndAStalledDealOfALowTierCustomer() {
        OpportunityRef atRiskA = deal(4, "A类客户扩容", "300000", 45, null);
        OpportunityRef overdueClose = deal(5, "逾期成交", "900000", 80, TODAY.minusDays(5));
        OpportunityRef stalledD = deal(6, "D类客户停滞", "2000000", 70, null);
        List<String> top = words(TodayTodos.rank(
                TODAY,
                List.of(stalledD, overdueClose, atRiskA),
                Map.of(4L, 0, 5L, 0, 6L, 6),
                Map.of(4L, "A", 6L, "D"),
                List.of(),
                List.of(),
                Map.of()));
        assertThat(top).hasSize(3);
        assertThat(top.get(0)).startsWith("高价值商机「A类客户扩容」（A 类客户").contains("健康度 45");
        assertThat(top.get(1)).contains("逾期成交").contains("预计成交日");
        assertThat(top.get(2)).contains("D类客户停滞").contains("6 个工作日未推进").contains("¥200.0万");
    }

    @Test
    void oneOpportunityAppearsOnceWithItsMostUrgentReason() {
        OpportunityRef both = deal(7, "既逾期又停滞", "400000", 40, TODAY.minusDays(2));
        List<String> top = words(TodayTodos.rank(
                TODAY,
                List.of(both),
                Map.of(7L, 5),
                Map.of(7L, "B"),
                List.of(new NextStep(both, "补充技术方案", TODAY.minusDays(1))),
                List.of(),
                Map.of()));
        assertThat(top).singleElement().asString().contains("补充技术方案").contains("已逾期 1 天");
    }

    @Test
    void aStageChangedAfterTheDayNeverReadsAsANegativeStall() {
        OpportunityRef moved = deal(8, "刚推进的商机", "400000", 80, null);
        List<String> top = words(TodayTodos.rank(
                TODAY, List.of(moved), Map.of(8L, -1), Map.of(8L, "A"), List.of(), List.of(), Map.of()));
        assertThat(String.join("", top)).doesNotContain("-1");
    }
}
