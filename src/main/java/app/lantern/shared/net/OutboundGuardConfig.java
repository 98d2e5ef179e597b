package app.lantern.shared.net;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OutboundGuardConfig {

    @Bean
    OutboundGuard outboundGuard(List<AllowedOutboundHosts> allowLists) {
        return new OutboundGuard(() -> {
            Set<String> hosts = new HashSet<>();
            allowLists.forEach(list -> hosts.addAll(list.hosts()));
            return hosts;
        }, OutboundGuard.DNS);
    }
}
