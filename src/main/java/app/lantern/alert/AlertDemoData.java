package app.lantern.alert;

import app.lantern.shared.demo.DemoContext;
import app.lantern.shared.demo.DemoDataContributor;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;

/**
 * Evaluates the built-in rules once over the demo data, so the alert board, at-risk marks and notifications are
 * alive on first start: reps without new opportunities, stale or unhealthy deals and missing daily reports trip them.
 */
@Component
class AlertDemoData implements DemoDataContributor {

    private final AlertEngine engine;

    AlertDemoData(AlertEngine engine) {
        this.engine = engine;
    }

    @Override
    public int order() {
        return 500;
    }

    @Override
    public void contribute(DemoContext context) {
        engine.evaluateAll(OffsetDateTime.now(context.clock()));
    }
}
