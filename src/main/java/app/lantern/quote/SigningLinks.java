package app.lantern.quote;

import static lantern.db.Tables.QUOTE_SIGNING_LINKS;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import org.jooq.DSLContext;

/** Signing tokens: 256 random bits, base64url; only their SHA-256 is stored, so a database leak yields no usable link. */
final class SigningLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SigningLinks() {}

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return sha256(token.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.matches("[A-Za-z0-9_-]+");
    }

    static int revokeAll(DSLContext db, long quoteId, OffsetDateTime now) {
        return db.update(QUOTE_SIGNING_LINKS)
                .set(QUOTE_SIGNING_LINKS.REVOKED_AT, now)
                .where(QUOTE_SIGNING_LINKS.QUOTE_ID.eq(quoteId).and(QUOTE_SIGNING_LINKS.REVOKED_AT.isNull()))
                .execute();
    }
}
