package app.lantern.alert;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;

/** Lets tests outside the alert package run the built-in rules for one rep now, as the scheduled job would. */
@Component
public class AlertRuleRunner {

    private final AlertEngine engine;
    private final Clock clock;

    AlertRuleRunner(AlertEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    public void evaluateRep(long repId) {
        engine.evaluateRep(repId, OffsetDateTime.now(clock));
    }
}
