package app.lantern.quote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuoteHealthReportTest {

    @Test
    void neutralisesSpreadsheetFormulasInExports() {
        assertThat(QuoteHealthReport.safe("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(QuoteHealthReport.safe("+1")).startsWith("'");
        assertThat(QuoteHealthReport.safe("@cmd")).startsWith("'");
        assertThat(QuoteHealthReport.safe("张伟")).isEqualTo("张伟");
    }
}
