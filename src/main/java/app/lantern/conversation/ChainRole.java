package app.lantern.conversation;

/** A person's role in the customer's decision chain as the conversation shows it. */
public enum ChainRole {
    DECISION_MAKER,
    INFLUENCER,
    USER,
    GATEKEEPER,
    CHAMPION
}
