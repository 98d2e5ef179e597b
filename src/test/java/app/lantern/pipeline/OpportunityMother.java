package app.lantern.pipeline;

/**
 * Opportunities for tests, named by what matters to the test: {@code anOpportunity(fx, "rep1").withDecisionChain()}
 * gives a deal that passes the medical pipeline's gates up to the demo stage. The signed-in user becomes the owner.
 */
public final class OpportunityMother {

    private OpportunityMother() {}

    /** A fresh customer of {@code owner} and an opportunity on it in the first stage, nothing filled in. */
    public static PipelineFixtures.OpportunityBuilder anOpportunity(PipelineFixtures fx, String owner) {
        return fx.opportunity(fx.customer(owner));
    }

    /** An opportunity whose gates up to the demo stage are met: amount, budget, core need and a decision maker. */
    public static PipelineFixtures.OpportunityBuilder aQualifiedOpportunity(PipelineFixtures fx, String owner) {
        return anOpportunity(fx, owner).withDecisionChain();
    }
}
