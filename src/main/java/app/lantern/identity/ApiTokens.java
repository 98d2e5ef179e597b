package app.lantern.identity;

import static lantern.db.Tables.API_TOKENS;
import static lantern.db.Tables.USERS;

import app.lantern.audit.AuditLog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: 256 random bits shown once, stored only as their SHA-256, expiring, revocable, ended at once
 * when the user is deactivated.
 */
@Service
class ApiTokens {

    static final String PREFIX = "lt_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext db;
    private final Clock clock;
    private final AuditLog audit;
    private final Duration lifetime;

    ApiTokens(
            DSLContext db, Clock clock, AuditLog audit, @Value("${lantern.api.token-lifetime:30d}") Duration lifetime) {
        this.db = db;
        this.clock = clock;
        this.audit = audit;
        this.lifetime = lifetime;
    }

    record Issued(String token, OffsetDateTime expiresAt) {}

    @Transactional
    Issued issue(LanternPrincipal principal, String name) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime expires = now.plus(lifetime);
        Long id = db.insertInto(API_TOKENS)
                .set(API_TOKENS.USER_ID, principal.userId())
                .set(API_TOKENS.TOKEN_HASH, hash(token))
                .set(API_TOKENS.NAME, name)
                .set(API_TOKENS.CREATED_AT, now)
                .set(API_TOKENS.EXPIRES_AT, expires)
                .returning(API_TOKENS.ID)
                .fetchOne(API_TOKENS.ID);
        audit.recordedBy(
                principal,
                "api_token",
                id,
                "created",
                Map.of("userId", principal.userId(), "expiresAt", expires.toString()));
        return new Issued(token, expires);
    }

    /** The user id behind a valid token: known, not revoked, not expired, and its user active. */
    @Transactional
    Optional<Long> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        var row = db.select(API_TOKENS.ID, API_TOKENS.USER_ID)
                .from(API_TOKENS)
                .join(USERS)
                .on(USERS.ID.eq(API_TOKENS.USER_ID))
                .where(API_TOKENS.TOKEN_HASH.eq(hash(token)))
                .and(API_TOKENS.REVOKED_AT.isNull())
                .and(API_TOKENS.EXPIRES_AT.gt(now))
                .and(USERS.ACTIVE.isTrue())
                .fetchOptional();
        row.ifPresent(r -> db.update(API_TOKENS)
                .set(API_TOKENS.LAST_USED_AT, now)
                .where(API_TOKENS.ID.eq(r.value1()))
                .execute());
        return row.map(r -> r.value2());
    }

    /** A token as its owner sees it in the list: never the secret. */
    record Listed(
            long id,
            String name,
            OffsetDateTime createdAt,
            OffsetDateTime expiresAt,
            OffsetDateTime lastUsedAt,
            OffsetDateTime revokedAt,
            boolean active) {}

    @Transactional(readOnly = true)
    java.util.List<Listed> of(long userId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return db.selectFrom(API_TOKENS)
                .where(API_TOKENS.USER_ID.eq(userId))
                .orderBy(API_TOKENS.CREATED_AT.desc(), API_TOKENS.ID.desc())
                .fetch(r -> new Listed(
                        r.getId(),
                        r.getName(),
                        r.getCreatedAt(),
                        r.getExpiresAt(),
                        r.getLastUsedAt(),
                        r.getRevokedAt(),
                        r.getRevokedAt() == null && r.getExpiresAt().isAfter(now)));
    }

    /** Revokes one of the user's own tokens; false when the user has no such token (someone else's included). */
    @Transactional
    boolean revoke(Actor owner, long tokenId) {
        int changed = db.update(API_TOKENS)
                .set(API_TOKENS.REVOKED_AT, OffsetDateTime.now(clock))
                .where(API_TOKENS.ID.eq(tokenId))
                .and(API_TOKENS.USER_ID.eq(owner.userId()))
                .and(API_TOKENS.REVOKED_AT.isNull())
                .execute();
        boolean owned = changed > 0
                || db.fetchExists(API_TOKENS, API_TOKENS.ID.eq(tokenId).and(API_TOKENS.USER_ID.eq(owner.userId())));
        if (changed > 0) {
            audit.recorded("api_token", tokenId, "revoked", Map.of("userId", owner.userId()));
        }
        return owned;
    }

    @Transactional
    int revokeAll(long userId) {
        return db.update(API_TOKENS)
                .set(API_TOKENS.REVOKED_AT, OffsetDateTime.now(clock))
                .where(API_TOKENS.USER_ID.eq(userId))
                .and(API_TOKENS.REVOKED_AT.isNull())
                .execute();
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
