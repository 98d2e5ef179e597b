package app.lantern.pipeline;

import java.time.OffsetDateTime;

/**
 * A logged contact with the customer about an opportunity, as the activity module reports it to the pipeline
 * (which does not depend on activity). Drives last contact time and several health factors.
 *
 * @param activityType      the activity type name (VISIT, CALL, DEMO, PROPOSAL, …)
 * @param decisionMaker     a decision maker took part
 * @param twoWay            the customer interacted (not a one-way email or message)
 */
public record Interaction(
        long opportunityId, String activityType, OffsetDateTime occurredAt, boolean decisionMaker, boolean twoWay) {}
