package app.lantern.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The test vectors of WeCom's official WXBizMsgCrypt sample (weworkapi callback Sample: 验证回调URL and 对用户回复的消息解密),
 * with the token, EncodingAESKey and corp id the sample assumes.
 */
class WeComCryptoTest {

    static final String TOKEN = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
    static final String AES_KEY = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
    static final String CORP_ID = "ww1436e0e65a779aee";

    final WeComCrypto crypto = new WeComCrypto(TOKEN, AES_KEY, CORP_ID);

    @Test
    void verifiesAndDecryptsTheSampleEchostr() {
        String echo = crypto.open(
                "012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb",
                "1476416373",
                "47744683",
                "fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==");
        assertThat(echo).isEqualTo("1288432023552776189");
    }

    @Test
    void verifiesAndDecryptsTheSampleMessage() {
        String encrypted =
                "Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+";
        String xml = crypto.open("0c3914025cb4b4d68103f6bfc8db550f79dcf48e", "1476422779", "1597212914", encrypted);
        assertThat(xml)
                .isEqualTo("<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName>"
                        + "<CreateTime>1476422779</CreateTime><MsgType>text</MsgType><Content>你好</Content>"
                        + "<MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>");
    }

    @Test
    void refusesAWrongSignatureAnotherCorpAndTamperedCiphertext() {
        String echostr = "fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==";
        assertThatThrownBy(() ->
                        crypto.open("012bc692d0a58dd4b10f8dfe5c4ac00ae211ebec", "1476416373", "47744683", echostr))
                .isInstanceOf(WeComCrypto.Refused.class)
                .hasMessageContaining("signature");
        assertThatThrownBy(() -> new WeComCrypto(TOKEN, AES_KEY, "wwsomebodyelse").decrypt(echostr))
                .isInstanceOf(WeComCrypto.Refused.class)
                .hasMessageContaining("receiver");
        String tampered = "A" + echostr.substring(1);
        assertThatThrownBy(() -> crypto.decrypt(tampered)).isInstanceOf(WeComCrypto.Refused.class);
    }

    @Test
    void encryptsSoThatItDecryptsAgainWithPaddingTo32Bytes() {
        byte[] random = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String encrypted = crypto.encrypt("<xml><Content>你好</Content></xml>", random);
        assertThat(java.util.Base64.getDecoder().decode(encrypted).length % 32).isZero();
        assertThat(crypto.decrypt(encrypted)).isEqualTo("<xml><Content>你好</Content></xml>");
    }
}
