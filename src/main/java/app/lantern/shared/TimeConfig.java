package app.lantern.shared;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole application, in the business time zone ({@code lantern.time-zone}, default Asia/Shanghai),
 * started at {@code lantern.clock.start} when that is set (see {@link BusinessClock}).
 */
@Configuration(proxyBeanMethods = false)
class TimeConfig {

    @Bean
    Clock clock(
            @Value("${lantern.time-zone:Asia/Shanghai}") ZoneId zone, @Value("${lantern.clock.start:}") String start) {
        return BusinessClock.of(zone, start);
    }
}
