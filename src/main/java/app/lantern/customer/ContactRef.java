package app.lantern.customer;

/**
 * A contact person as other modules see them.
 *
 * @param decisionRole DECISION_MAKER, INFLUENCER, USER, GATEKEEPER, SUPPORTER, or null
 * @param active       false once the contact has left the company
 */
public record ContactRef(long id, long customerId, String name, String title, String decisionRole, boolean active) {}
