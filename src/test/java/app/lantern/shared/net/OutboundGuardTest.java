package app.lantern.shared.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lantern.shared.ValidationException;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundGuardTest {

    private static final OutboundGuard.Resolver PUBLIC =
            host -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {(byte) 203, 0, 113, 7})};

    private static OutboundGuard guard(Set<String> allowed, OutboundGuard.Resolver resolver) {
        return new OutboundGuard(() -> allowed, resolver);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1/",
                "http://localhost/",
                "http://2130706433/",
                "http://017700000001/",
                "http://0x7f000001/",
                "http://0x7f.1/",
                "http://127.1/",
                "http://0177.0.0.1/",
                "http://[::1]/",
                "http://[::ffff:127.0.0.1]/",
                "http://[::ffff:7f00:1]/",
                "http://[::127.0.0.1]/",
                "http://[::ffff:0:7f00:1]/",
                "http://[::ffff:0:127.0.0.1]/",
                "http://[::ffff:0:a9fe:a9fe]/",
                "http://[64:ff9b:1::7f00:1]/",
                "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/",
                "http://[2001:db8::1]/",
                "http://[fe80::200:5efe:a00:1]/",
                "http://[2400:3200::200:5efe:c0a8:101]/",
                "http://[100::1]/",
                "http://[ff02::1]/",
                "http://10.0.0.1/",
                "http://172.16.5.4/",
                "http://192.168.1.1/",
                "http://169.254.169.254/latest/meta-data",
                "http://[fe80::1]/",
                "http://[fd00::1]/",
                "http://[fc00::1]/",
                "http://224.0.0.1/",
                "http://0.0.0.0/",
                "http://0/",
                "http://[::]/",
                "http://100.64.0.1/",
                "http://[2002:7f00:1::]/",
                "http://[64:ff9b::a00:1]/",
                "http://255.255.255.255/",
                "http://LOCALHOST./",
                "smtp://192.168.0.25:25"
            })
    void refusesInternalAddressesInEverySpelling(String url) {
        assertThat(guard(Set.of(), PUBLIC).refusal(URI.create(url))).isPresent();
        assertThatThrownBy(() -> guard(Set.of(), PUBLIC).check(URI.create(url), "endpoint"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("endpoint");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://8.8.8.8/",
                "file:///etc/passwd",
                "http://user@8.8.8.8/",
                "http://8.8.8.8:bad/",
                "https:///no-host"
            })
    void refusesWebhookUrlsThatAreNotPlainHttp(String url) {
        assertThat(guard(Set.of(), PUBLIC).httpRefusal(url)).isPresent();
    }

    @Test
    void acceptsPublicAddressesAndNames() {
        OutboundGuard g = guard(Set.of(), PUBLIC);
        assertThatCode(() -> g.check(URI.create("https://qyapi.weixin.qq.com/cgi-bin"), "endpoint"))
                .doesNotThrowAnyException();
        assertThatCode(() -> g.check(URI.create("https://8.8.8.8/"), "endpoint"))
                .doesNotThrowAnyException();
        assertThatCode(() -> g.check(URI.create("https://[2400:3200::1]/"), "endpoint"))
                .doesNotThrowAnyException();
        assertThatCode(() -> g.check(URI.create("https://[::ffff:0:808:808]/"), "endpoint"))
                .doesNotThrowAnyException();
        assertThatCode(() -> g.check(URI.create("https://[64:ff9b::808:808]/"), "endpoint"))
                .doesNotThrowAnyException();
        assertThat(g.httpRefusal("https://finance.example.com/hook")).isEmpty();
    }

    @Test
    void refusesANameWhenAnyOfItsAddressesIsInternal() {
        OutboundGuard.Resolver rebinding = host -> new InetAddress[] {
            InetAddress.getByAddress(host, new byte[] {8, 8, 8, 8}),
            InetAddress.getByAddress(host, new byte[] {10, 1, 2, 3})
        };
        assertThat(guard(Set.of(), rebinding).refusal(URI.create("https://evil.example.com/")))
                .isPresent();
    }

    @Test
    void refusesUnresolvableHosts() {
        OutboundGuard.Resolver none = host -> {
            throw new UnknownHostException(host);
        };
        assertThat(guard(Set.of(), none).refusal(URI.create("https://nowhere.invalid/")))
                .hasValueSatisfying(r -> assertThat(r).contains("cannot be resolved"));
    }

    @Test
    void letsAnAllowListedHostThrough() {
        OutboundGuard.Resolver internal =
                host -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {10, 0, 0, 9})};
        OutboundGuard g = guard(Set.of("127.0.0.1", "finance.intranet.example"), internal);
        assertThat(g.refusal(URI.create("http://127.0.0.1:8089/"))).isEmpty();
        assertThat(g.httpRefusal("https://finance.intranet.example/hook")).isEmpty();
        // the allow-list names a spelling, not every alias of the address
        assertThat(g.refusal(URI.create("http://2130706433/"))).isPresent();
        assertThat(g.refusal(URI.create("https://other.intranet.example/"))).isPresent();
    }

    @Test
    void readsTheAllowListOnEveryCheck() {
        Set<String> allowed = new java.util.HashSet<>();
        OutboundGuard g = new OutboundGuard(() -> Set.copyOf(allowed), PUBLIC);
        assertThat(g.refusal(URI.create("http://10.9.8.7/"))).isPresent();
        allowed.add("10.9.8.7");
        assertThat(g.refusal(URI.create("http://10.9.8.7/"))).isEmpty();
    }

    @Test
    void checksEveryRedirectTargetBeforeFollowingIt() throws Exception {
        List<String> hits = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            hits.add(exchange.getRequestMethod() + " " + path);
            switch (path) {
                case "/inward" ->
                    exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data");
                case "/moved" -> exchange.getResponseHeaders().add("Location", "/final");
                default -> {}
            }
            exchange.sendResponseHeaders(path.equals("/final") ? 204 : 307, -1);
            exchange.close();
        });
        server.start();
        try {
            OutboundGuard g = guard(Set.of("127.0.0.1"), PUBLIC);
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            HttpResponse<Void> followed = g.send(
                    HttpRequest.newBuilder(URI.create(base + "/moved"))
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(followed.statusCode()).isEqualTo(204);
            assertThat(hits).containsExactly("POST /moved", "POST /final");

            assertThatThrownBy(() -> g.send(
                            HttpRequest.newBuilder(URI.create(base + "/inward"))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding()))
                    .isInstanceOf(OutboundGuard.RefusedTarget.class)
                    .hasMessageContaining("169.254.169.254");
            assertThatThrownBy(() -> g.send(
                            HttpRequest.newBuilder(URI.create("http://10.0.0.1/"))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding()))
                    .isInstanceOf(OutboundGuard.RefusedTarget.class);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void parsesLooseIpv4SpellingsLikeInetAton() {
        assertThat(OutboundGuard.parseIpv4Loose("127.1")).containsExactly(127, 0, 0, 1);
        assertThat(OutboundGuard.parseIpv4Loose("0x7f.0.0.01")).containsExactly(127, 0, 0, 1);
        assertThat(OutboundGuard.parseIpv4Loose("10.0x10203")).containsExactly(10, 1, 2, 3);
        assertThat(OutboundGuard.parseIpv4Loose("example")).isNull();
        assertThat(OutboundGuard.parseIpv4Loose("09.1.1.1")).isNull();
        assertThat(OutboundGuard.parseIpv4Loose("4294967296")).isNull();
    }
}
