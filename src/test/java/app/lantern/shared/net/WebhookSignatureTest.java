package app.lantern.shared.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        // echo -n '1700000000.{"a":1}' | openssl dgst -sha256 -hmac secret
        String sig = WebhookSignature.sign("secret", 1700000000L, "{\"a\":1}");
        assertThat(sig).isEqualTo("49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686");
        assertThat(WebhookSignature.matches("secret", 1700000000L, "{\"a\":1}", sig))
                .isTrue();
        assertThat(WebhookSignature.matches("secret", 1700000000L, "{\"a\":2}", sig))
                .isFalse();
        assertThat(WebhookSignature.matches("secret", 1700000001L, "{\"a\":1}", sig))
                .isFalse();
    }
}
