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
    void readsShortNamesAsWordInitialsBrandsAndHoldingNamesButNotAsTradeWords() {
        assertThat(score("澜投股份", "云岚澜源投资股份有限公司")).isLessThan(0.85);
        assertThat(score("澜能", "澜源能源股份有限公司")).isGreaterThanOrEqualTo(0.85);
        assertThat(score("澜曜", "中冶澜曜股份有限公司")).isGreaterThanOrEqualTo(0.85);
        assertThat(score("澜曜精工", "澜曜精工电子科技有限公司")).isGreaterThanOrEqualTo(0.85);
        assertThat(score("襄阳轴承", "瑞昶滑动轴承股份有限公司"))
                .as("a region and a trade name no company")
                .isLessThan(0.85);
        assertThat(score("湖南发展", "湖南投资集团股份有限公司")).isLessThan(0.85);
        assertThat(score("澜曜科技", "澜曜瓷业股份有限公司"))
                .as("a brand's trade the short name does not keep")
                .isLessThan(0.95);
    }

    @Test
    void aBrandSeveralCustomersShareIsNoDuplicateOfAnyOfThem() {
        InMemoryKeyIndex index = new InMemoryKeyIndex();
        index.add(MatchProfile.of(1, "河南宏澜电缆股份有限公司", java.util.Set.of(), java.util.Set.of(), null));
        index.add(MatchProfile.of(2, "江苏宏澜动力科技股份有限公司", java.util.Set.of(), java.util.Set.of(), null));
        index.add(MatchProfile.of(3, "昶曜精密制造股份有限公司", java.util.Set.of(), java.util.Set.of(), null));
        MatchProfile shared = MatchProfile.of(-1, "宏澜股份", java.util.Set.of(), java.util.Set.of(), null);
        assertThat(DuplicateMatcher.candidates(shared, index, 0.85, 10)).isEmpty();
        assertThat(DuplicateMatcher.candidates(shared, index, 0.6, 10))
                .extracting(DuplicateMatcher.Match::id)
                .contains(1L, 2L);
        MatchProfile unique = MatchProfile.of(-1, "昶曜股份", java.util.Set.of(), java.util.Set.of(), null);
        assertThat(DuplicateMatcher.candidates(unique, index, 0.85, 10))
                .extracting(DuplicateMatcher.Match::id)
                .containsExactly(3L);
        index.add(MatchProfile.of(4, "昶曜精密制造股份有限公司", java.util.Set.of(), java.util.Set.of(), null));
        assertThat(DuplicateMatcher.candidates(unique, index, 0.85, 10))
                .as("one company entered twice is no ambiguity")
                .extracting(DuplicateMatcher.Match::id)
                .containsExactly(3L, 4L);
    }

    @Test
    void prefersTheCompanyWhoseNameStartsWithTheBrandOverOneItOnlyAbbreviates() {
        InMemoryKeyIndex index = index("北京澜通印刷股份有限公司", "广东澜路通信科技股份有限公司");
        assertThat(DuplicateMatcher.candidates(query("澜通股份"), index, 0.85, 10))
                .extracting(DuplicateMatcher.Match::id)
                .as("澜通 starts 澜通印刷, it is only the initials of 澜路通信")
                .containsExactly(1L);
    }

    @Test
    void aBareBrandIsNoMatchForAShortNameOfAnotherCompanyCarryingIt() {
        InMemoryKeyIndex index = index("澜联控股股份有限公司", "北京澜联商厦股份有限公司", "湖南澜联瓷业股份有限公司");
        assertThat(DuplicateMatcher.candidates(query("澜联股份"), index, 0.85, 10))
                .as("澜联股份 reduces to 澜联 like 澜联控股, but could as well be 澜联商厦 or 澜联瓷业")
                .isEmpty();
        assertThat(DuplicateMatcher.candidates(query("澜联控股"), index, 0.85, 10))
                .extracting(DuplicateMatcher.Match::id)
                .as("written word for word it names one company")
                .containsExactly(1L);
    }

    @Test
    void readsRegionsInBracketsLongNamesWithAWordLeftOutAndALeadingCountry() {
        assertThat(CompanyName.of("天顺风能（苏州）股份有限公司").region()).isEqualTo("苏州");
        assertThat(score("广东澜工", "澜工集团（云南）股份有限公司"))
                .as("seated in another province")
                .isLessThan(0.85);
        assertThat(score("澜螺新材", "澜螺（安徽）节能环保新材料股份有限公司")).isGreaterThanOrEqualTo(0.85);
        assertThat(score("澜发控制", "中国澜发动力控制股份有限公司")).isGreaterThanOrEqualTo(0.85);
        assertThat(score("澜发控制", "澜发动力控制股份有限公司")).isGreaterThanOrEqualTo(0.85);
        assertThat(DuplicateMatcher.candidates(query("澜货航"), index("中国澜际货运航空股份有限公司"), 0.85, 10))
                .as("found through the name without the country")
                .extracting(DuplicateMatcher.Match::id)
                .containsExactly(1L);
        assertThat(score("澜觉中国", "澜觉（中国）文化发展股份有限公司"))
                .as("a country in brackets some short names keep")
                .isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void weighsASharedLeadingWordCharactersFoundApartAndABrandInsideAnotherAsWeakEvidence() {
        assertThat(score("渤海航运", "渤海食品股份有限公司"))
                .as("a shared region-like leading word, another trade")
                .isLessThan(0.85);
        assertThat(score("天宏股份", "天成宏达通信股份有限公司"))
                .as("two characters found apart in a long name")
                .isLessThan(0.85);
        assertThat(score("川盛能源", "河南川盛畅和环保股份有限公司"))
                .as("a brand inside a longer brand")
                .isLessThan(0.85);
        assertThat(score("九嘉药业", "四川九嘉电器股份有限公司"))
                .as("one brand pair in two industries")
                .isLessThan(0.85);
        assertThat(score("澜胜精密", "山东澜胜股份有限公司"))
                .as("a registered name whose whole brand is shorter says the other is another company")
                .isLessThan(0.85);
        assertThat(score("恒澜股份", "中恒澜气股份有限公司"))
                .as("a pair across the words after a one-character lead")
                .isLessThan(0.85);
        assertThat(score("澜光股份", "新澜光股份有限公司"))
                .as("a pair closing the brand after a one-character lead is still read")
                .isGreaterThanOrEqualTo(0.7);
        assertThat(score("澜盛金控", "澜盛金融控股集团股份有限公司"))
                .as("the first character of a group word the core drops")
                .isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void prefersAmongRivalsTheOneCarryingTheWordsTheShortNameAddsToItsBrand() {
        InMemoryKeyIndex index = index("沈阳澜远智能工业集团股份有限公司", "澜远产业控股股份有限公司");
        assertThat(DuplicateMatcher.candidates(query("澜远控股"), index, 0.85, 10))
                .extracting(DuplicateMatcher.Match::id)
                .containsExactly(2L);
    }

    private static InMemoryKeyIndex index(String... names) {
        InMemoryKeyIndex index = new InMemoryKeyIndex();
        for (int i = 0; i < names.length; i++) {
            index.add(MatchProfile.of(i + 1, names[i], java.util.Set.of(), java.util.Set.of(), null));
        }
        return index;
    }

    private static MatchProfile query(String name) {
        return MatchProfile.of(-1, name, java.util.Set.of(), java.util.Set.of(), null);
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
