package app.lantern.pipeline;

import java.math.BigDecimal;
import java.util.List;

/**
 * One stage of the Kanban board: its first cards, and how many open opportunities it really holds and their summed
 * amount (counted in SQL over the whole column, not over the cards shown).
 */
public record BoardColumn(StageView stage, List<OpportunityCard> cards, long count, BigDecimal amount) {

    /** Whether the column holds more opportunities than the cards shown. */
    public boolean more() {
        return count > cards.size();
    }
}
