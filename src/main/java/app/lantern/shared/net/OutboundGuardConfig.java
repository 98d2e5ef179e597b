package app.lantern.shared.net;

import java.util.HashSet;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OutboundGuardConfig {

    @Bean
    OutboundGuard outboundGuard(ObjectProvider<AllowedOutboundHosts> allowLists) {
        return new OutboundGuard(
                () -> {
                    Set<String> hosts = new HashSet<>();
                    allowLists.orderedStream().forEach(list -> hosts.addAll(list.hosts()));
                    return hosts;
                },
                OutboundGuard.DNS);
    }
}
