package app.lantern.shared.net;

import app.lantern.shared.ValidationException;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one guard against server-side request forgery: refuses outbound requests to addresses inside the organisation's
 * network — loopback, link-local (incl. cloud metadata 169.254.169.254), private, unique-local, carrier-grade NAT,
 * multicast and unspecified addresses — however the host is spelt (decimal, octal or hex IPv4, shortened dotted forms,
 * IPv4-mapped or -compatible IPv6, 6to4, NAT64). Every address a name resolves to is checked. Hosts on the admin
 * allow-list ({@link AllowedOutboundHosts}) pass: local test servers, an intranet SMTP relay or finance system.
 *
 * <p>Callers check a target when it is configured ({@link #check}) and again before every request ({@link #send} does
 * this, and re-checks every redirect it follows). Limit: the JDK client resolves the name again when it connects, so
 * a DNS answer that changes between check and connect (rebinding) is not caught.
 */
public final class OutboundGuard {

    /** Name resolution, replaceable in tests. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public static final Resolver DNS = InetAddress::getAllByName;

    static final int MAX_REDIRECTS = 3;

    private final Supplier<Set<String>> allowedHosts;
    private final Resolver resolver;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /**
     * @param allowedHosts the allow-listed host spellings (lower case, no brackets), read on every check
     * @param resolver     how names resolve, {@link #DNS} outside tests
     */
    public OutboundGuard(Supplier<Set<String>> allowedHosts, Resolver resolver) {
        this.allowedHosts = allowedHosts;
        this.resolver = resolver;
    }

    /** Why the URI's host may not be called, or empty when it may. Any scheme; see {@link #httpRefusal}. */
    public Optional<String> refusal(URI uri) {
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("must name a host");
        }
        return hostRefusal(host);
    }

    /** Like {@link #refusal(URI)}, and the text must be an absolute http(s) URL without user information. */
    public Optional<String> httpRefusal(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("only http and https URLs are allowed");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry user information (credentials belong in variables)");
        }
        return refusal(uri);
    }

    /** Throws a {@link ValidationException} on {@code field} when the URI's host is refused. */
    public void check(URI uri, String field) {
        refusal(uri).ifPresent(reason -> {
            throw ValidationException.field(field, reason);
        });
    }

    /**
     * Sends the request after checking its target; follows up to three redirects, checking each new target first
     * (307/308 keep method and body, 301/302/303 continue as GET). A refused target throws {@link RefusedTarget}.
     */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        HttpRequest current = request;
        for (int hop = 0; ; hop++) {
            URI target = current.uri();
            String refusal = httpRefusal(target.toString()).orElse(null);
            if (refusal != null) {
                throw new RefusedTarget(target, refusal);
            }
            HttpResponse<T> response = client.send(current, handler);
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (status < 300 || status > 399 || status == 304 || location.isEmpty() || hop == MAX_REDIRECTS) {
                return response;
            }
            URI next = target.resolve(location.get().strip());
            HttpRequest.Builder b = HttpRequest.newBuilder(next);
            current.timeout().ifPresent(b::timeout);
            current.headers().map().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
            if (status == 307 || status == 308) {
                b.method(current.method(), current.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody()));
            } else {
                b.GET();
            }
            current = b.build();
        }
    }

    /** A request target (or a redirect's target) the guard refused; nothing was sent to it. */
    public static final class RefusedTarget extends IOException {
        public RefusedTarget(URI target, String reason) {
            super(target.getHost() + ": " + reason);
        }
    }

    private Optional<String> hostRefusal(String rawHost) {
        String host = rawHost.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (allowedHosts.get().contains(host)) {
            return Optional.empty();
        }
        String refused = "host " + rawHost
                + " points into a private, loopback or link-local network; an admin must allow-list it";
        byte[] literal = parseIpv4Loose(host);
        InetAddress[] addresses;
        try {
            if (literal != null) {
                addresses = new InetAddress[] {InetAddress.getByAddress(literal)};
            } else if (host.contains(":")) {
                addresses = new InetAddress[] {InetAddress.getByName(host)};
            } else {
                if (host.equals("localhost") || host.endsWith(".localhost")) {
                    return Optional.of(refused);
                }
                addresses = resolver.resolve(host);
            }
        } catch (UnknownHostException e) {
            return Optional.of("host " + rawHost + " cannot be resolved");
        }
        if (addresses.length == 0) {
            return Optional.of("host " + rawHost + " cannot be resolved");
        }
        for (InetAddress a : addresses) {
            if (isInternal(a)) {
                return Optional.of(refused);
            }
        }
        return Optional.empty();
    }

    static boolean isInternal(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return internalV4(b);
        }
        if (!(address instanceof Inet6Address)) {
            return true;
        }
        for (byte[] v4 : embeddedIpv4(b)) {
            if (internalV4(v4)) {
                return true;
            }
        }
        if ((b[0] & 0xe0) != 0x20) {
            // Outside global unicast 2000::/3: IPv4-mapped, -translated and -compatible forms, NAT64, unique-local,
            // link-local, site-local, multicast and reserved space. Only the embeddings of a public IPv4 address
            // are reachable on the public internet, and they were checked above.
            return !isPublicEmbedding(b);
        }
        return (b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8;
    }

    /** The IPv4 addresses an IPv6 address carries, in every embedding a stack may route to the IPv4 address. */
    private static List<byte[]> embeddedIpv4(byte[] b) {
        List<byte[]> found = new ArrayList<>();
        byte[] last = {b[12], b[13], b[14], b[15]};
        if (isPublicEmbedding(b)) {
            found.add(last);
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) { // 2002::/16 6to4
            found.add(new byte[] {b[2], b[3], b[4], b[5]});
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0) { // 2001::/32 Teredo
            found.add(new byte[] {b[4], b[5], b[6], b[7]});
            found.add(new byte[] {(byte) ~b[12], (byte) ~b[13], (byte) ~b[14], (byte) ~b[15]});
        }
        if ((b[8] & 0xfd) == 0 && b[9] == 0 && (b[10] & 0xff) == 0x5e && (b[11] & 0xff) == 0xfe) { // ISATAP
            found.add(last);
        }
        return found;
    }

    /**
     * Whether the address is one of the forms that embed an IPv4 address in its last 32 bits: mapped
     * {@code ::ffff:0:0/96}, translated {@code ::ffff:0:0:0/96}, compatible {@code ::/96} and NAT64
     * {@code 64:ff9b::/96} and {@code 64:ff9b:1::/48}.
     */
    private static boolean isPublicEmbedding(byte[] b) {
        boolean mapped = prefix(b, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean translated = prefix(b, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && b[10] == 0 && b[11] == 0;
        boolean compatible = prefix(b, 12);
        boolean nat64 = b[0] == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        boolean wellKnownNat64 = nat64 && isZero(new byte[] {b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11]});
        boolean localNat64 = nat64 && b[4] == 0 && b[5] == 1;
        return mapped || translated || compatible || wellKnownNat64 || localNat64;
    }

    /** Whether the first {@code length} bytes are zero. */
    private static boolean prefix(byte[] b, int length) {
        for (int i = 0; i < length; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean internalV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        return a0 == 0 // 0.0.0.0/8 unspecified / "this network"
                || a0 == 10
                || a0 == 127
                || a0 == 169 && a1 == 254
                || a0 == 172 && a1 >= 16 && a1 <= 31
                || a0 == 192 && a1 == 168
                || a0 == 100 && a1 >= 64 && a1 <= 127 // carrier-grade NAT
                || a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0 // IETF protocol assignments
                || a0 == 198 && (a1 == 18 || a1 == 19) // benchmarking
                || a0 >= 224; // multicast, reserved, broadcast
    }

    /**
     * Parses the IPv4 spellings that C's {@code inet_aton} (and so many HTTP stacks) accept: one to four parts, each
     * decimal, octal (leading 0) or hex (0x); the last part fills the remaining bytes. Null if the host is not one.
     */
    static byte[] parseIpv4Loose(String host) {
        if (host.isEmpty()
                || !host.matches("[0-9a-fx.]+")
                || host.startsWith(".")
                || host.endsWith(".")
                || host.contains("..")) {
            return null;
        }
        String[] parts = host.split("\\.");
        if (parts.length > 4) {
            return null;
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long v = parsePart(parts[i]);
            if (v == null) {
                return null;
            }
            values[i] = v;
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 255) {
                return null;
            }
            address |= values[i] << (24 - 8 * i);
        }
        long last = values[parts.length - 1];
        int remainingBits = 8 * (4 - (parts.length - 1));
        if (last >= (1L << remainingBits)) {
            return null;
        }
        address |= last;
        return new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
    }

    private static Long parsePart(String p) {
        try {
            if (p.startsWith("0x")) {
                return p.length() == 2 ? 0L : Long.parseLong(p.substring(2), 16);
            }
            if (p.contains("x") || !p.matches("[0-9]+")) {
                return null;
            }
            if (p.length() > 1 && p.startsWith("0")) {
                return p.matches("[0-7]+") ? Long.parseLong(p, 8) : null;
            }
            return p.length() > 12 ? null : Long.parseLong(p);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
