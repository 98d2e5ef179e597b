package app.lantern.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lantern.shared.ValidationException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OutboundGuardTest {

    private static final OutboundGuard.Resolver PUBLIC = host -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {(byte) 203, 0, 113, 7})};

    @ParameterizedTest
    @ValueSource(strings = {
        "http://127.0.0.1/", "http://localhost/", "http://2130706433/", "http://017700000001/", "http://0x7f000001/", "http://0x7f.1/",
        "http://127.1/", "http://0177.0.0.1/", "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://[::127.0.0.1]/",
        "http://10.0.0.1/", "http://172.16.5.4/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data", "http://[fe80::1]/",
        "http://[fd00::1]/", "http://[fc00::1]/", "http://224.0.0.1/", "http://0.0.0.0/", "http://0/", "http://[::]/", "http://100.64.0.1/",
        "http://[2002:7f00:1::]/", "http://[64:ff9b::a00:1]/", "http://255.255.255.255/", "http://LOCALHOST./"})
    void refusesInternalAddressesInEverySpelling(String url) {
        assertThatThrownBy(() -> OutboundGuard.check(URI.create(url), Set.of(), PUBLIC))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("endpoint");
    }

    @Test
    void acceptsPublicAddressesAndNames() {
        assertThatCode(() -> OutboundGuard.check(URI.create("https://qyapi.weixin.qq.com/cgi-bin"), Set.of(), PUBLIC)).doesNotThrowAnyException();
        assertThatCode(() -> OutboundGuard.check(URI.create("https://8.8.8.8/"), Set.of(), PUBLIC)).doesNotThrowAnyException();
        assertThatCode(() -> OutboundGuard.check(URI.create("https://[2400:3200::1]/"), Set.of(), PUBLIC)).doesNotThrowAnyException();
    }

    @Test
    void refusesANameWhenAnyOfItsAddressesIsInternal() {
        OutboundGuard.Resolver rebinding = host -> new InetAddress[] {
            InetAddress.getByAddress(host, new byte[] {8, 8, 8, 8}), InetAddress.getByAddress(host, new byte[] {10, 1, 2, 3})};
        assertThatThrownBy(() -> OutboundGuard.check(URI.create("https://evil.example.com/"), Set.of(), rebinding))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void refusesUnresolvableHosts() {
        OutboundGuard.Resolver none = host -> {
            throw new UnknownHostException(host);
        };
        assertThatThrownBy(() -> OutboundGuard.check(URI.create("https://nowhere.invalid/"), Set.of(), none))
                .hasMessageContaining("cannot be resolved");
    }

    @Test
    void letsAnAllowListedHostThrough() {
        assertThatCode(() -> OutboundGuard.check(URI.create("http://127.0.0.1:8089/"), Set.of("127.0.0.1"), PUBLIC)).doesNotThrowAnyException();
        // the allow-list names a spelling, not every alias of the address
        assertThatThrownBy(() -> OutboundGuard.check(URI.create("http://2130706433/"), Set.of("127.0.0.1"), PUBLIC))
                .isInstanceOf(ValidationException.class);
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
