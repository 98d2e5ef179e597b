package app.lantern.quote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SsrfGuardTest {

    private final SsrfGuard guard = new SsrfGuard("finance.internal.example");

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "http://localhost/hook", "http://10.1.2.3/", "http://172.16.0.5/", "http://192.168.1.10/",
        "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://[fd00::1]/", "http://100.64.0.1/", "http://0.0.0.0/",
        "http://[::ffff:127.0.0.1]/", "ftp://8.8.8.8/", "file:///etc/passwd", "http://user@8.8.8.8/"})
    void refusesInternalOrOddTargets(String url) {
        assertThat(guard.refusal(url)).isNotNull();
    }

    @Test
    void allowsPublicAddressesAndAllowListedHosts() {
        assertThat(guard.refusal("https://8.8.8.8/hook")).isNull();
        assertThat(guard.refusal("https://finance.internal.example/hook")).isNull();
    }

    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        // echo -n '1700000000.{"a":1}' | openssl dgst -sha256 -hmac secret
        String sig = WebhookSignature.sign("secret", 1700000000L, "{\"a\":1}");
        assertThat(sig).isEqualTo("49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686");
        assertThat(WebhookSignature.matches("secret", 1700000000L, "{\"a\":1}", sig)).isTrue();
        assertThat(WebhookSignature.matches("secret", 1700000000L, "{\"a\":2}", sig)).isFalse();
        assertThat(WebhookSignature.matches("secret", 1700000001L, "{\"a\":1}", sig)).isFalse();
    }

    @Test
    void neutralisesSpreadsheetFormulasInExports() {
        assertThat(QuoteHealthReport.safe("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(QuoteHealthReport.safe("+1")).startsWith("'");
        assertThat(QuoteHealthReport.safe("@cmd")).startsWith("'");
        assertThat(QuoteHealthReport.safe("张伟")).isEqualTo("张伟");
    }
}
