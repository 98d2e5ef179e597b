package app.lantern.customer.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class LatinNamesTest {

    private static double score(String a, String b) {
        return NameSimilarity.score(CompanyName.of(a), CompanyName.of(b));
    }

    @Test
    void splitsLatinNamesIntoCaseFoldedWordsWithoutLegalForms() {
        assertThat(LatinNames.words("Acme Corp.")).containsExactly("acme");
        assertThat(LatinNames.words("ACME CORPORATION")).containsExactly("acme");
        assertThat(LatinNames.words("Bio-holding GmbH")).containsExactly("bio");
        assertThat(LatinNames.words("Nordwind Logistics Co., Ltd.")).containsExactly("nordwind", "logistics");
        assertThat(LatinNames.words("ZhongXing Tech Holdings Limited")).containsExactly("zhong", "xing", "tech");
        assertThat(LatinNames.words("Kestrel & Sons PLC")).containsExactly("kestrel", "sons");
    }

    @Test
    void findsTheSameCompanyWrittenInAnotherCaseFormOrPunctuation() {
        assertThat(score("Acme Corp.", "ACME CORPORATION")).isGreaterThanOrEqualTo(0.85);
        assertThat(score("Acme Inc", "acme, inc.")).isGreaterThanOrEqualTo(0.85);
        assertThat(score("Bio-holding", "Bioholding GmbH")).isGreaterThanOrEqualTo(0.85);
        assertThat(score("Nordwind Logistics Co., Ltd.", "NORDWIND LOGISTICS LIMITED"))
                .isGreaterThanOrEqualTo(0.85);
        assertThat(score("Kestrel Industries Inc", "Kestrel Industires Ltd"))
                .as("one typo in a long word")
                .isGreaterThanOrEqualTo(0.85);
        assertThat(score("Kestrel Tech", "Kestrel Technology Corporation"))
                .as("a generic word shortened")
                .isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void readsPinyinWordsWrittenTogetherOrApart() {
        assertThat(score("ZhongXing Tech", "Zhongxing Technology Co., Ltd.")).isGreaterThanOrEqualTo(0.85);
        assertThat(score("Zhong Xing", "ZHONGXING")).isGreaterThanOrEqualTo(0.85);
        assertThat(score("Zhongxing Tech", "Zhongshan Tech")).isLessThan(0.5);
    }

    @Test
    void aSharedGenericWordOrPrefixIsWeakEvidence() {
        assertThat(score("Bioplex", "Bioholding")).isLessThan(0.85);
        assertThat(score("Xx-zobam", "Xx-holding")).isLessThan(0.85);
        assertThat(score("Nova Bio", "Zeta Bio Ltd")).isLessThanOrEqualTo(LatinNames.GENERIC_ONLY_CAP);
        assertThat(score("Global Tech Ltd", "Global Widgets Ltd")).isLessThanOrEqualTo(LatinNames.GENERIC_ONLY_CAP);
        assertThat(score("Acme", "Acme Widgets International")).isLessThan(0.85);
    }

    @Test
    void comparesAMixedNameByItsWords() {
        assertThat(score("ACME（深圳）科技有限公司", "Acme Corp.")).isGreaterThanOrEqualTo(0.85);
        assertThat(score("Kestrel 物流", "Osprey 物流")).isLessThan(0.5);
    }

    @Test
    void theDuplicateCheckFindsLatinVariantsAndNotNamesSharingAPrefix() {
        InMemoryKeyIndex index = new InMemoryKeyIndex();
        index.add(MatchProfile.of(1, "ACME CORPORATION", Set.of(), Set.of(), null));
        index.add(MatchProfile.of(2, "Bioholding GmbH", Set.of(), Set.of(), null));
        index.add(MatchProfile.of(3, "Xx-holding", Set.of(), Set.of(), null));
        assertThat(DuplicateMatcher.candidates(
                        MatchProfile.of(-1, "Acme Corp.", Set.of(), Set.of(), null), index, 0.85, 10))
                .extracting(DuplicateMatcher.Match::id)
                .containsExactly(1L);
        assertThat(DuplicateMatcher.candidates(
                        MatchProfile.of(-1, "Bioplex", Set.of(), Set.of(), null), index, 0.85, 10))
                .isEmpty();
        assertThat(DuplicateMatcher.candidates(
                        MatchProfile.of(-1, "Xx-zobam", Set.of(), Set.of(), null), index, 0.85, 10))
                .isEmpty();
    }
}
