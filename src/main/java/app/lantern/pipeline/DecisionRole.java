package app.lantern.pipeline;

import java.util.Arrays;
import java.util.Optional;

/** The role a contact plays in an opportunity's decision chain (决策链). */
public enum DecisionRole {
    DECISION_MAKER,
    INFLUENCER,
    USER,
    GATEKEEPER,
    SUPPORTER;

    /** The role named {@code name}, if it is one (contacts carry roles as text from the customer module). */
    public static Optional<DecisionRole> of(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
    }
}
