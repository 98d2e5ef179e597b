package app.lantern.conversation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the offline extraction found in one transcript: open objections with their evidence sentence, people with
 * their decision-chain role (and the matching contact, when one matches), commitments with due dates resolved against
 * the call date and the working calendar, the budget range in yuan, competitors and an extractive summary.
 */
public record Extraction(
        List<Objection> objections,
        List<Person> roles,
        List<Commitment> commitments,
        Budget budget,
        List<String> competitors,
        String summary) {

    public Extraction {
        objections = List.copyOf(objections);
        roles = List.copyOf(roles);
        commitments = List.copyOf(commitments);
        competitors = List.copyOf(competitors);
    }

    /** An objection the customer raised and did not withdraw; {@code evidence} is the sentence that shows it. */
    public record Objection(ObjectionCategory category, String evidence) {}

    /** A person as named in the call (王总, 陈工) with a role; {@code contactId} is null when no contact matches. */
    public record Person(String name, ChainRole role, Long contactId) {}

    /** Who promised what, due when (null when the call gave no date). */
    public record Commitment(Party who, String what, LocalDate due) {}

    /** The customer's budget in yuan; either bound may be null ("五十万以内" has only a maximum). */
    public record Budget(BigDecimal min, BigDecimal max) {}
}
