package app.lantern.integration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The WeCom connection, from configuration only ({@code LANTERN_WECOM_CORP_ID}, {@code LANTERN_WECOM_SECRET} (the
 * 客户联系 secret), {@code LANTERN_WECOM_TOKEN}, {@code LANTERN_WECOM_ENCODING_AES_KEY}, {@code LANTERN_WECOM_API_BASE_URL}):
 * secrets are never stored in the database nor shown on a page.
 */
@Component
class WeComSettings {

    private final String corpId;
    private final String secret;
    private final String token;
    private final String encodingAesKey;
    private final String apiBaseUrl;

    WeComSettings(
            @Value("${lantern.wecom.corp-id:}") String corpId,
            @Value("${lantern.wecom.secret:}") String secret,
            @Value("${lantern.wecom.token:}") String token,
            @Value("${lantern.wecom.encoding-aes-key:}") String encodingAesKey,
            @Value("${lantern.wecom.api-base-url:https://qyapi.weixin.qq.com}") String apiBaseUrl) {
        this.corpId = corpId.strip();
        this.secret = secret.strip();
        this.token = token.strip();
        this.encodingAesKey = encodingAesKey.strip();
        this.apiBaseUrl = apiBaseUrl.strip().replaceAll("/+$", "");
    }

    /** Whether callbacks can be verified (corp id, token and a 43-character EncodingAESKey are set). */
    boolean callbacksConfigured() {
        return !corpId.isEmpty() && !token.isEmpty() && encodingAesKey.length() == 43;
    }

    /** Whether the API can be called (corp id and secret are set). */
    boolean apiConfigured() {
        return !corpId.isEmpty() && !secret.isEmpty();
    }

    WeComCrypto crypto() {
        return new WeComCrypto(token, encodingAesKey, corpId);
    }

    String corpId() {
        return corpId;
    }

    String secret() {
        return secret;
    }

    String apiBaseUrl() {
        return apiBaseUrl;
    }

    boolean secretSet() {
        return !secret.isEmpty();
    }

    boolean tokenSet() {
        return !token.isEmpty();
    }

    boolean aesKeySet() {
        return encodingAesKey.length() == 43;
    }
}
