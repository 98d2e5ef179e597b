package app.lantern.shared;

import java.util.Optional;

/**
 * Facts about the request being served (id, client address, user agent), for audit entries and logs. Empty outside
 * a request, e.g. in scheduled jobs.
 */
public record RequestContext(String requestId, String ip, String userAgent) {

    private static final ThreadLocal<RequestContext> CURRENT = new ThreadLocal<>();

    public static Optional<RequestContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static void set(RequestContext context) {
        CURRENT.set(context);
    }

    public static void clear() {
        CURRENT.remove();
    }
}
