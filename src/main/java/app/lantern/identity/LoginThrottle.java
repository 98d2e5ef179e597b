package app.lantern.identity;

import app.lantern.audit.SecurityEventKind;
import app.lantern.audit.SecurityEvents;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without handing anyone a way to lock a colleague out (ADR 0008). Every attempt takes
 * a token, before the password is checked, from three buckets: the account from this address (5), the address
 * across all accounts (20) and the account across all addresses (50, a backstop against guessing from many
 * addresses); a successful sign-in gives its tokens back. Taking the tokens is atomic, so thirty concurrent guesses
 * get at most five password checks. Kept in memory per node, bounded in size.
 */
@Component
class LoginThrottle {

    private static final int MAX_TRACKED = 10_000;

    private final int perAccountAndAddress;
    private final int perAddress;
    private final int perAccount;
    private final Duration window;
    private final SecurityEvents securityEvents;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    LoginThrottle(
            @Value("${lantern.login.max-failures-per-user:5}") int perAccountAndAddress,
            @Value("${lantern.login.max-failures-per-ip:20}") int perAddress,
            @Value("${lantern.login.max-failures-per-account:50}") int perAccount,
            @Value("${lantern.login.window:15m}") Duration window,
            SecurityEvents securityEvents) {
        this.perAccountAndAddress = perAccountAndAddress;
        this.perAddress = perAddress;
        this.perAccount = perAccount;
        this.window = window;
        this.securityEvents = securityEvents;
    }

    /**
     * Takes one attempt from the budgets of this account and address; false (and a security event) when one of them
     * is spent, in which case the password must not be checked.
     */
    boolean tryAcquire(String username, String ip) {
        boolean granted;
        synchronized (this) {
            Bucket[] all = bucketsOf(username, ip);
            granted = all[0].getAvailableTokens() > 0
                    && all[1].getAvailableTokens() > 0
                    && all[2].getAvailableTokens() > 0;
            if (granted) {
                for (Bucket b : all) {
                    b.tryConsume(1);
                }
            }
        }
        if (!granted) {
            securityEvents.record(SecurityEventKind.LOGIN_THROTTLED, clean(username), ip, "sign-in refused");
        }
        return granted;
    }

    /** A correct password: the attempt is given back and the account's failures from this address are forgotten. */
    synchronized void succeeded(String username, String ip) {
        Bucket[] all = bucketsOf(username, ip);
        buckets.remove(accountAddressKey(username, ip));
        all[1].addTokens(1);
        all[2].addTokens(1);
    }

    private Bucket[] bucketsOf(String username, String ip) {
        return new Bucket[] {
            bucket(accountAddressKey(username, ip), perAccountAndAddress),
            bucket("ip:" + ip, perAddress),
            bucket("u:" + clean(username), perAccount)
        };
    }

    private Bucket bucket(String key, int capacity) {
        return buckets.computeIfAbsent(
                key,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(capacity)
                                .refillGreedy(capacity, window)
                                .build())
                        .build());
    }

    private static String accountAddressKey(String username, String ip) {
        return "u:" + clean(username) + "@" + ip;
    }

    private static String clean(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }
}
