package app.lantern.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseAmountTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "123456.78, 壹拾贰万叁仟肆佰伍拾陆元柒角捌分",
        "10, 壹拾元整",
        "100.05, 壹佰元零伍分",
        "1000000, 壹佰万元整",
        "10010.10, 壹万零壹拾元壹角整",
        "0.5, 伍角整",
        "0, 零元整",
        "0.05, 伍分",
        "0.55, 伍角伍分",
        "1, 壹元整",
        "1.05, 壹元零伍分",
        "15, 壹拾伍元整",
        "1001, 壹仟零壹元整",
        "1010, 壹仟零壹拾元整",
        "100100, 壹拾万零壹佰元整",
        "107000.53, 壹拾万柒仟元伍角叁分",
        "1000010, 壹佰万零壹拾元整",
        "100000000, 壹亿元整",
        "100010000, 壹亿零壹万元整",
        "120000000.30, 壹亿贰仟万元叁角整",
        "2000000000000, 贰万亿元整",
        "1680.32, 壹仟陆佰捌拾元叁角贰分",
        "99.995, 壹佰元整",
        "0.004, 零元整"
    })
    void writesAmountInChineseCapitals(String amount, String expected) {
        assertThat(ChineseAmount.of(new BigDecimal(amount))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"-10.5, 负壹拾元伍角整"})
    void prefixesNegativeAmounts(String amount, String expected) {
        assertThat(ChineseAmount.of(new BigDecimal(amount))).isEqualTo(expected);
    }
}
