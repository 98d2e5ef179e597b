package app.lantern.customer;

import app.lantern.shared.Phrase;
import java.util.List;

/**
 * A row's outcome as an import records it: the record it created or went into (a customer, or the record of the
 * import's kind), and what the importer should know. {@code row} is the file line less one (the first data row is 1).
 */
public record ImportRowResult(int row, ImportOutcome outcome, Long recordId, List<Phrase> notes)
        implements ImportRows.Parsed {

    public ImportRowResult {
        notes = List.copyOf(notes);
    }

    public static ImportRowResult of(int row, ImportOutcome outcome, Long customerId, Phrase... notes) {
        return new ImportRowResult(row, outcome, customerId, List.of(notes));
    }

    ImportRowResult withRecord(Long id) {
        return new ImportRowResult(row, outcome, id, notes);
    }
}
