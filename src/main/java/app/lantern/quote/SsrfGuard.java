package app.lantern.quote;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses webhook targets inside the organisation's network: loopback, private (RFC 1918, fc00::/7), link-local
 * (incl. cloud metadata 169.254.169.254), carrier-grade NAT, multicast and unspecified addresses — unless the host is on
 * the admin allow-list ({@code lantern.quote.webhook-allowed-hosts}). Checked when a webhook is configured and again
 * before every delivery, against every address the name resolves to.
 */
final class SsrfGuard {

    private final Set<String> allowedHosts;

    SsrfGuard(String allowedHosts) {
        this.allowedHosts = allowedHosts == null ? Set.of()
                : Arrays.stream(allowedHosts.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
    }

    /** Returns why the URL is refused, or null when it may be called. */
    String refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return "not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return "only http and https URLs are allowed";
        }
        if (uri.getHost() == null || uri.getUserInfo() != null) {
            return "the URL needs a host and no user information";
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (allowedHosts.contains(host)) {
            return null;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return "the host does not resolve";
        }
        for (InetAddress a : addresses) {
            if (internal(a)) {
                return "the host resolves to an internal address (" + a.getHostAddress() + "); ask an administrator to allow-list it";
            }
        }
        return null;
    }

    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) || (first == 198 && (second == 18 || second == 19)) || first >= 240;
        }
        if (b.length == 16) {
            boolean uniqueLocal = (b[0] & 0xFE) == 0xFC;
            boolean mappedV4 = true;
            for (int i = 0; i < 10; i++) {
                mappedV4 &= b[i] == 0;
            }
            mappedV4 &= (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
            if (mappedV4) {
                try {
                    return internal(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return uniqueLocal;
        }
        return true;
    }
}
