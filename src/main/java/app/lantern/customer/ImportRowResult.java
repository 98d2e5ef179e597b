package app.lantern.customer;

import app.lantern.shared.Phrase;
import java.util.List;

/** A row's outcome as an import records it: the customer it created or went into, and what the importer should know. */
record ImportRowResult(int row, ImportOutcome outcome, Long customerId, List<Phrase> notes)
        implements ImportRows.Parsed {

    ImportRowResult {
        notes = List.copyOf(notes);
    }

    static ImportRowResult of(int row, ImportOutcome outcome, Long customerId, Phrase... notes) {
        return new ImportRowResult(row, outcome, customerId, List.of(notes));
    }

    ImportRowResult withCustomer(Long id) {
        return new ImportRowResult(row, outcome, id, notes);
    }
}
