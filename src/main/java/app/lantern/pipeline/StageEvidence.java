package app.lantern.pipeline;

import java.util.List;
import java.util.Set;

/** What an opportunity can show for a stage gate: the entry-criteria fields it has filled in. */
record StageEvidence(Set<OpportunityField> filled) {

    StageEvidence {
        filled = Set.copyOf(filled);
    }

    /** The criteria not met, in the criteria's order. */
    List<OpportunityField> missing(List<OpportunityField> criteria) {
        return criteria.stream().filter(f -> !filled.contains(f)).toList();
    }
}
