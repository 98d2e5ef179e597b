package app.lantern.pipeline;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

public record OpportunityWon(long opportunityId, long ownerId, BigDecimal amount, OffsetDateTime at) {}
