package app.lantern.pipeline.web;

import app.lantern.pipeline.OpportunityQueries;
import app.lantern.pipeline.OpportunityStatus;

/** Filters and sort of the opportunity list, kept in the URL. */
record OpportunityListFilter(
        Long pipelineId,
        Long stageId,
        OpportunityStatus status,
        Long ownerId,
        String q,
        Integer healthBelow,
        Long customerId,
        Integer page,
        String sort) {

    OpportunityQueries.Filter filter() {
        return new OpportunityQueries.Filter(pipelineId, stageId, status, ownerId, customerId, q, healthBelow);
    }
}
