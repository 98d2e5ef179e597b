package app.lantern.quote;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * Where customers reach Lantern: {@code lantern.public-base-url} when set. Otherwise the address of the request that
 * sends the quote, but only when its host is one of {@code lantern.public-hosts} (by default the local machine): the
 * Host header is chosen by the client, so an unlisted host never makes it into a link or a stored PDF. Unlisted hosts,
 * and calls outside a request (scheduled jobs, demo data), get {@code http://localhost:<port>}.
 */
@Component
class PublicBaseUrl {

    private final String configured;
    private final Set<String> allowedHosts;
    private final int port;

    PublicBaseUrl(
            @Value("${lantern.public-base-url:}") String configured,
            @Value("${lantern.public-hosts:localhost,127.0.0.1}") String allowedHosts,
            @Value("${server.port:8080}") int port) {
        String c = configured.strip();
        this.configured = c.endsWith("/") ? c.substring(0, c.length() - 1) : c;
        this.allowedHosts = Arrays.stream(allowedHosts.split(","))
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
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
            UriComponents request =
                    ServletUriComponentsBuilder.fromCurrentContextPath().build();
            if (request.getHost() != null
                    && allowedHosts.contains(request.getHost().toLowerCase(Locale.ROOT))) {
                return request.toUriString();
            }
        }
        return "http://localhost:" + port;
    }
}
