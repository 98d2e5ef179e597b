package app.lantern.customer;

import app.lantern.customer.matching.InMemoryKeyIndex;
import app.lantern.customer.matching.MatchProfile;
import app.lantern.shared.Phrase;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The decisions of one chunk of an import before it is stored: the rows that become new customers (with or without a
 * review pair), the certain duplicates skipped or merged, and each row's outcome, completed with the new customers'
 * ids once they are inserted.
 */
final class ImportChunk {

    /** A review pair: the chunk's {@code createdIndex}-th new customer may duplicate {@code other}. */
    record Pair(int createdIndex, long other, double score) {}

    private final String policy;
    private final Map<Integer, ImportRowResult> outcomes = new TreeMap<>();
    private final List<ImportRows.Pending> created = new ArrayList<>();
    /** Rows whose outcome names a new customer of this chunk: row number → index in {@link #created}. */
    private final Map<Integer, Integer> ofCreated = new LinkedHashMap<>();

    private final List<Pair> pairs = new ArrayList<>();
    private final List<Long> storedMergeTargets = new ArrayList<>();
    private final List<ImportRows.Pending> storedMergeRows = new ArrayList<>();

    ImportChunk(String policy) {
        this.policy = policy;
    }

    void outcome(ImportRowResult result) {
        outcomes.put(result.row(), result);
    }

    /**
     * Decides a valid row by its best match: none → a new customer; a possible duplicate, or any under policy
     * {@code create} → a new customer on the review list; a certain duplicate → skipped, or (policy {@code merge}) merged
     * into an earlier row of this chunk. Certain duplicates of stored customers under {@code merge} are the caller's.
     */
    void decide(ImportRows.Pending row, ImportDuplicates.Verdict v, InMemoryKeyIndex fresh, boolean visible) {
        if (v == null) {
            create(row, fresh, ImportOutcome.IMPORTED, null);
            return;
        }
        if (!v.certain() || policy.equals("create")) {
            pairs.add(new Pair(created.size(), v.id(), v.score()));
            create(
                    row,
                    fresh,
                    ImportOutcome.REVIEW,
                    new Phrase("customer.import.row.review", target(v, visible), score(v)));
            return;
        }
        Phrase reason = new Phrase(v.evidence());
        if (policy.equals("skip")) {
            Long customer = v.inChunk() || !visible ? null : v.id();
            if (v.inChunk()) {
                ofCreated.put(row.rowNo, v.chunkIndex());
            }
            Phrase note = v.inChunk() || visible
                    ? new Phrase("customer.import.row.skipped", target(v, true), reason)
                    : new Phrase("customer.import.row.other-team", reason);
            outcome(ImportRowResult.of(row.rowNo, ImportOutcome.SKIPPED, customer, note));
            return;
        }
        ImportRows.Pending into = created.get(v.chunkIndex());
        into.form = fillBlanks(into.form, row.form);
        if (row.contact != null) {
            into.mergedContacts.add(row.contact);
        }
        ofCreated.put(row.rowNo, v.chunkIndex());
        outcome(ImportRowResult.of(
                row.rowNo,
                ImportOutcome.MERGED,
                null,
                new Phrase("customer.import.row.merged", target(v, true), reason)));
    }

    /** A certain duplicate merged into the stored customer (its blank fields filled by the caller). */
    void mergedIntoStored(ImportRows.Pending row, ImportDuplicates.Verdict v) {
        if (row.contact != null) {
            storedMergeTargets.add(v.id());
            storedMergeRows.add(row);
        }
        outcome(ImportRowResult.of(
                row.rowNo,
                ImportOutcome.MERGED,
                v.id(),
                new Phrase("customer.import.row.merged", target(v, true), new Phrase(v.evidence()))));
    }

    List<ImportRows.Pending> created() {
        return created;
    }

    List<Pair> pairs() {
        return pairs;
    }

    /** Contacts of rows merged into a new customer of this chunk or into a stored one, one statement for all. */
    void storeContacts(CustomerManagement customers, List<Long> ids) {
        List<Long> owners = new ArrayList<>();
        List<ContactForm> forms = new ArrayList<>();
        List<OffsetDateTime> times = new ArrayList<>();
        for (int i = 0; i < created.size(); i++) {
            for (ContactForm c : created.get(i).mergedContacts) {
                owners.add(ids.get(i));
                forms.add(c);
                times.add(created.get(i).createdAt);
            }
        }
        for (int i = 0; i < storedMergeRows.size(); i++) {
            owners.add(storedMergeTargets.get(i));
            forms.add(storedMergeRows.get(i).contact);
            times.add(storedMergeRows.get(i).createdAt);
        }
        customers.insertContacts(owners, forms, times);
    }

    /** Every row's outcome, with the ids the chunk's new customers were given. */
    Collection<ImportRowResult> outcomes(List<Long> ids) {
        ofCreated.forEach(
                (rowNo, index) -> outcomes.put(rowNo, outcomes.get(rowNo).withRecord(ids.get(index))));
        return outcomes.values();
    }

    private void create(ImportRows.Pending row, InMemoryKeyIndex fresh, ImportOutcome outcome, Phrase note) {
        MatchProfile q = row.query;
        fresh.add(new MatchProfile(
                ImportDuplicates.chunkId(created.size()), q.name(), q.phones(), q.emails(), q.creditCode()));
        ofCreated.put(row.rowNo, created.size());
        created.add(row);
        List<Phrase> notes = new ArrayList<>(row.notes);
        if (note != null) {
            notes.add(note);
        }
        outcome(new ImportRowResult(row.rowNo, outcome, null, notes));
    }

    /** The row or customer a row duplicates; a customer the importer cannot see is not named. */
    private Phrase target(ImportDuplicates.Verdict v, boolean visible) {
        if (v.inChunk()) {
            return new Phrase("customer.import.target.row", created.get(v.chunkIndex()).rowNo + 1);
        }
        return visible
                ? new Phrase("customer.import.target.customer", v.id())
                : new Phrase("customer.import.target.other-team");
    }

    private static String score(ImportDuplicates.Verdict v) {
        return String.format(Locale.ROOT, "%.2f", v.score());
    }

    /** A new customer's form with its blank fields filled from a later row of the same file merged into it. */
    private static CustomerForm fillBlanks(CustomerForm a, CustomerForm b) {
        return new CustomerForm(
                a.name(),
                or(a.shortName(), b.shortName()),
                or(a.creditCode(), b.creditCode()),
                or(a.industry(), b.industry()),
                or(a.province(), b.province()),
                or(a.city(), b.city()),
                or(a.address(), b.address()),
                or(a.size(), b.size()),
                or(a.source(), b.source()),
                or(a.tags(), b.tags()),
                or(a.status(), b.status()),
                or(a.phone(), b.phone()),
                or(a.email(), b.email()),
                or(a.website(), b.website()),
                a.ownerId());
    }

    private static String or(String a, String b) {
        return a == null || a.isBlank() ? b : a;
    }
}
