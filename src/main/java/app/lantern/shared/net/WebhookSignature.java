package app.lantern.shared.net;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature of every Lantern webhook (finance and integration subscriptions), both directions: {@code X-Lantern-Signature} = lower-case hex of
 * HMAC-SHA256(secret, timestamp + "." + body), {@code X-Lantern-Timestamp} = Unix seconds. Receivers reject timestamps
 * more than 5 minutes away from their clock and signatures they have seen before.
 */
public final class WebhookSignature {

    public static final String TIMESTAMP_HEADER = "X-Lantern-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Lantern-Signature";
    public static final long WINDOW_SECONDS = 300;

    private WebhookSignature() {}

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean matches(String secret, long timestamp, String body, String signature) {
        if (signature == null) {
            return false;
        }
        String given = signature.strip().toLowerCase(java.util.Locale.ROOT);
        if (given.startsWith("sha256=")) {
            given = given.substring(7);
        }
        return MessageDigest.isEqual(
                sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }
}
