package app.lantern.pipeline;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** The opportunity was closed as won for {@code amount} yuan ({@code actorId}: who closed it). */
public record OpportunityWon(long opportunityId, long ownerId, BigDecimal amount, OffsetDateTime at, long actorId) {}
