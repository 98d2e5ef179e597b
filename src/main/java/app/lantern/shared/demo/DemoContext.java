package app.lantern.shared.demo;

import java.time.Clock;
import java.util.Random;

/**
 * What a demo-data contributor needs to generate deterministic records.
 *
 * @param seed  base seed; derive module seeds from it ({@code seed ^ "customer".hashCode()})
 * @param scale 1 for the demo organisation; larger values multiply record counts for benchmarks
 * @param clock the clock the demo organisation is built against ("now" in the demo story)
 */
public record DemoContext(long seed, int scale, Clock clock) {

    public Random random(String module) {
        return new Random(seed ^ module.hashCode());
    }
}
