package app.lantern.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetsTest {

    private static Extraction.Budget budget(String sentence) {
        return Budgets.find(List.of(sentence)).orElse(null);
    }

    private static Extraction.Budget of(Integer min, Integer max) {
        return new Extraction.Budget(
                min == null ? null : BigDecimal.valueOf(min), max == null ? null : BigDecimal.valueOf(max));
    }

    @Test
    void readsRangesCapsAndPointsInChineseAndArabicNumerals() {
        assertThat(budget("我们预算也就二三十万")).isEqualTo(of(200000, 300000));
        assertThat(budget("预算大概五十万以内吧")).isEqualTo(of(null, 500000));
        assertThat(budget("项目预算15万左右")).isEqualTo(of(150000, 150000));
        assertThat(budget("预算我们大概能拿出150,000左右")).isEqualTo(of(150000, 150000));
        assertThat(budget("预算十五万")).isEqualTo(of(150000, 150000));
        assertThat(budget("预算在五十万以上")).isEqualTo(of(500000, null));
        assertThat(budget("我们的预算在三十万到四十万之间")).isEqualTo(of(300000, 400000));
    }

    @Test
    void theLastAmountRefinesAnEarlierOne() {
        assertThat(budget("预算批了四十万，但是领导希望能控制在三十五万以内")).isEqualTo(of(null, 350000));
    }

    @Test
    void aPriceWithoutBudgetTalkIsNoBudget() {
        assertThat(budget("人家悟空CRM才几万块")).isNull();
        assertThat(budget("明源云便宜你们二十万")).isNull();
    }
}
