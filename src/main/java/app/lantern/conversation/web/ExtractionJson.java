package app.lantern.conversation.web;

import app.lantern.conversation.ChainRole;
import app.lantern.conversation.Extraction;
import app.lantern.conversation.ObjectionCategory;
import app.lantern.conversation.Party;
import app.lantern.shared.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** An extraction as the API shows and accepts it (ids as strings, money in yuan). */
record ExtractionJson(
        List<ObjectionJson> objections,
        List<RoleJson> roles,
        List<CommitmentJson> commitments,
        BudgetJson budget,
        List<String> competitors,
        String summary) {

    record ObjectionJson(ObjectionCategory category, String evidence) {}

    record RoleJson(String name, ChainRole role, String contactId) {}

    record CommitmentJson(Party who, String what, LocalDate due) {}

    record BudgetJson(BigDecimal min, BigDecimal max) {}

    static ExtractionJson of(Extraction e) {
        return new ExtractionJson(
                e.objections().stream()
                        .map(o -> new ObjectionJson(o.category(), o.evidence()))
                        .toList(),
                e.roles().stream()
                        .map(p -> new RoleJson(
                                p.name(), p.role(), p.contactId() == null ? null : String.valueOf(p.contactId())))
                        .toList(),
                e.commitments().stream()
                        .map(c -> new CommitmentJson(c.who(), c.what(), c.due()))
                        .toList(),
                e.budget() == null
                        ? null
                        : new BudgetJson(e.budget().min(), e.budget().max()),
                e.competitors(),
                e.summary());
    }

    Extraction toExtraction() {
        List<Extraction.Person> people = new java.util.ArrayList<>();
        List<RoleJson> rs = roles == null ? List.of() : roles;
        for (int i = 0; i < rs.size(); i++) {
            RoleJson r = rs.get(i);
            people.add(new Extraction.Person(r == null ? null : r.name(), r == null ? null : r.role(), id(r, i)));
        }
        return new Extraction(
                objections == null
                        ? List.of()
                        : objections.stream()
                                .filter(o -> o != null && o.category() != null)
                                .map(o -> new Extraction.Objection(o.category(), o.evidence()))
                                .toList(),
                people,
                commitments == null
                        ? List.of()
                        : commitments.stream()
                                .map(c -> c == null ? null : new Extraction.Commitment(c.who(), c.what(), c.due()))
                                .toList(),
                budget == null ? null : new Extraction.Budget(budget.min(), budget.max()),
                competitors == null ? List.of() : competitors,
                summary);
    }

    private static Long id(RoleJson r, int i) {
        if (r == null || r.contactId() == null || r.contactId().isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(r.contactId().strip());
        } catch (NumberFormatException e) {
            throw ValidationException.field("roles[" + i + "].contactId", "must be a contact id");
        }
    }
}
