package app.lantern.testing;

import app.lantern.shared.BusinessClock;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The clock the test suite runs on, for code outside a Spring context (fake provider servers, plain unit tests):
 * the same clock the application context gets, started at {@code LANTERN_TEST_CLOCK} when that is set.
 */
public final class SuiteClock {

    private static final Clock CLOCK =
            BusinessClock.of(ZoneId.of("Asia/Shanghai"), System.getenv("LANTERN_TEST_CLOCK"));

    private SuiteClock() {}

    public static Clock get() {
        return CLOCK;
    }
}
