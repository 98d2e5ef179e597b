package app.lantern.pipeline;

import java.util.Optional;

/**
 * SPI for the health factor "quote status and feedback". The quote module implements it as a bean and calls
 * {@link Opportunities#recomputeHealth(long)} after a quote changes; without a bean or a signal the factor is neutral.
 */
public interface QuoteSignals {

    Optional<QuoteSignal> latestFor(long opportunityId);
}
