package app.lantern.quote;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where customers reach Lantern: {@code lantern.public-base-url} when set. Otherwise the address of the request that
 * sends the quote — X-Forwarded-* headers count only when Spring's forward-headers strategy is set, because
 * {@link ServletUriComponentsBuilder} reads the request as the container (or ForwardedHeaderFilter) presents it — and
 * outside a request (scheduled jobs, demo data) {@code http://localhost:<port>}.
 */
@Component
class PublicBaseUrl {

    private final String configured;
    private final int port;

    PublicBaseUrl(@Value("${lantern.public-base-url:}") String configured, @Value("${server.port:8080}") int port) {
        String c = configured.strip();
        this.configured = c.endsWith("/") ? c.substring(0, c.length() - 1) : c;
        this.port = port;
    }

    boolean isConfigured() {
        return !configured.isEmpty();
    }

    String resolve() {
        if (isConfigured()) {
            return configured;
        }
        if (RequestContextHolder.getRequestAttributes() != null) {
            return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        }
        return "http://localhost:" + port;
    }
}
