package app.lantern.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinyinInitialsTest {

    @Test
    void chineseCharactersBecomeTheirInitialsAndOtherLettersStay() {
        assertThat(PinyinInitials.of("华为科技")).isEqualTo("hwkj");
        assertThat(PinyinInitials.of("深圳ABC科技（集团）有限公司")).isEqualTo("szabckjjtyxgs");
        assertThat(PinyinInitials.of("Q-2026 报价")).isEqualTo("q2026bj");
    }
}
