package app.lantern.testing;

import app.lantern.shared.BusinessClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A running clock that a test can start at another moment, for a context that must live on several dates in turn (the
 * demo sweep). Registered as the primary {@link Clock}, it moves every service's "now" together.
 */
public final class SettableClock extends Clock {

    private volatile Clock delegate;

    public SettableClock(Clock initial) {
        this.delegate = initial;
    }

    /** Starts the clock at {@code start} (see {@link BusinessClock#of}); it runs on from there. */
    public void startAt(String start) {
        delegate = BusinessClock.of(delegate.getZone(), start);
    }

    @Override
    public ZoneId getZone() {
        return delegate.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return delegate.withZone(zone);
    }

    @Override
    public Instant instant() {
        return delegate.instant();
    }
}
