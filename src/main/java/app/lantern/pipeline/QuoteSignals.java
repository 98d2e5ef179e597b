package app.lantern.pipeline;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * SPI for the health factor "quote status and feedback". The quote module implements it as a bean and calls
 * {@link Opportunities#recomputeHealth(long)} after a quote changes; without a bean or a signal the factor is neutral.
 */
public interface QuoteSignals {

    Optional<QuoteSignal> latestFor(long opportunityId);

    /**
     * The latest signal of each opportunity that has one. The full recompute asks per chunk of a few thousand rows;
     * implementations should answer with one query (the default asks one by one).
     */
    default Map<Long, QuoteSignal> latestFor(Collection<Long> opportunityIds) {
        Map<Long, QuoteSignal> signals = new HashMap<>();
        opportunityIds.forEach(id -> latestFor(id).ifPresent(s -> signals.put(id, s)));
        return signals;
    }
}
