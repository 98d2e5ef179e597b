package app.lantern.identity;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: failed sign-ins drain a bucket per username and one per client address; an empty
 * bucket refuses further attempts until it refills. Kept in memory per node, bounded in size.
 */
@Component
class LoginThrottle {

    private static final int MAX_TRACKED = 10_000;

    private final int perUser;
    private final int perIp;
    private final Duration window;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    LoginThrottle(
            @Value("${lantern.login.max-failures-per-user:5}") int perUser,
            @Value("${lantern.login.max-failures-per-ip:20}") int perIp,
            @Value("${lantern.login.window:15m}") Duration window) {
        this.perUser = perUser;
        this.perIp = perIp;
        this.window = window;
    }

    /** Whether another attempt for this user from this address may go ahead. */
    synchronized boolean allows(String username, String ip) {
        return bucket(userKey(username), perUser).getAvailableTokens() > 0
                && bucket(ipKey(ip), perIp).getAvailableTokens() > 0;
    }

    synchronized void failed(String username, String ip) {
        bucket(userKey(username), perUser).tryConsume(1);
        bucket(ipKey(ip), perIp).tryConsume(1);
    }

    synchronized void succeeded(String username) {
        buckets.remove(userKey(username));
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

    private static String userKey(String username) {
        return "u:" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
    }

    private static String ipKey(String ip) {
        return "ip:" + ip;
    }
}
