package app.lantern.customer.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormalisationTest {

    @Test
    void reducesLegalFormsBracketsWidthAndRegionToTheCore() {
        CompanyName n = CompanyName.of("深圳市振业（集团）股份有限公司");
        assertThat(n.core()).isEqualTo("振业");
        assertThat(n.region()).isEqualTo("深圳");
        assertThat(CompanyName.of("万  科Ａ").core()).isEqualTo("万科");
        assertThat(CompanyName.of("*ST国华").core()).isEqualTo("国华");
        assertThat(CompanyName.of("天顺风能（苏州）股份有限公司").core()).isEqualTo("天顺风能");
    }

    @Test
    void matchesShortNamesToTheFullNamesTheyAbbreviate() {
        assertThat(score("万科A", "万科企业股份有限公司")).isGreaterThanOrEqualTo(0.85);
        assertThat(score("深康佳A", "康佳集团股份有限公司")).isGreaterThanOrEqualTo(0.85);
        assertThat(score("深振业A", "深圳市振业(集团)股份有限公司")).isGreaterThanOrEqualTo(0.85);
        assertThat(score("中信海直", "中信海洋直升机股份有限公司")).isGreaterThanOrEqualTo(0.85);
        assertThat(score("吉电股份", "吉林电力股份有限公司")).isGreaterThanOrEqualTo(0.85);
        assertThat(score("深圳万科", "万科企业股份有限公司")).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void keepsCompaniesOfDifferentRegionsApart() {
        assertThat(score("重庆啤酒股份有限公司", "青岛啤酒股份有限公司")).isLessThan(0.85);
        assertThat(score("万科A", "平安银行股份有限公司")).isLessThan(0.5);
    }

    @Test
    void normalisesPhonesWithCountryCodesSeparatorsAndExtensions() {
        assertThat(Phones.normalize("+86 138-1234-5678")).contains("13812345678");
        assertThat(Phones.normalize("0086 13812345678")).contains("13812345678");
        assertThat(Phones.normalize("(0755) 8888-1234 转 806")).contains("075588881234");
        assertThat(Phones.normalize("+86 755 88881234")).contains("075588881234");
        assertThat(Phones.normalize("400-810-8888")).contains("4008108888");
        assertThat(Phones.normalize("12345")).isEmpty();
        assertThat(Phones.normalize("call me")).isEmpty();
    }

    @Test
    void foldsEmailCase() {
        assertThat(Emails.normalize(" Zhang.Wei@Example.COM ")).contains("zhang.wei@example.com");
        assertThat(Emails.normalize("not-an-email")).isEmpty();
    }

    @Test
    void validatesTheCreditCodeCheckDigit() {
        String first17 = "91440300MA5F1234X";
        String valid = first17 + CreditCodes.checkDigit(first17);
        assertThat(CreditCodes.isValid(valid)).isTrue();
        assertThat(CreditCodes.isValid(valid.toLowerCase())).isTrue();
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        assertThat(CreditCodes.isValid(first17 + wrong)).isFalse();
        assertThat(CreditCodes.isValid("91440300MA5F1234")).isFalse();
        assertThat(CreditCodes.isValid("91440300MA5F1234IO")).isFalse();
    }

    @Test
    void combinesPhoneEmailAndCreditCodeEvidence() {
        MatchProfile a = MatchProfile.of(1, "甲公司", java.util.List.of("13812345678"), java.util.List.of(), null);
        MatchProfile b = MatchProfile.of(2, "完全不同", java.util.List.of("+86 138 1234 5678"), java.util.List.of(), null);
        var m = DuplicateMatcher.compare(a, b);
        assertThat(m.matchedOn()).containsExactly("phone");
        assertThat(m.score()).isGreaterThanOrEqualTo(0.85);
    }

    private static double score(String a, String b) {
        return NameSimilarity.score(CompanyName.of(a), CompanyName.of(b));
    }
}
