package app.lantern.customer;

import app.lantern.shared.Phrase;
import app.lantern.shared.UserRef;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One chunk of a history import as its {@link ImportKind} sees it: the rows by field, and what the engine resolves for
 * them — owners (username, e-mail or display name, within what the importer may assign), customers (external id or
 * name, created when unknown), stage values (the importer's stage mapping), times kept as given and amounts.
 */
public final class ImportBatch {

    /** A file row by field: trimmed values, blank cells absent; {@code rowNo} is the file line less one. */
    public record Row(int rowNo, Map<String, String> values) {

        public String get(String field) {
            return values.get(field);
        }

        public boolean has(String field) {
            return values.containsKey(field);
        }
    }

    /** A row's customer: its id (null when it could not be named) and a note (e.g. the customer was created). */
    public record CustomerMatch(Long id, Phrase note) {}

    private final List<Row> rows;
    private final Map<String, String> headers;
    private final ImportOwners owners;
    private final ImportCustomers customers;
    private final Map<String, Long> stages;
    private final UserRef importer;
    private final Map<String, Object> source;
    private final Clock clock;

    ImportBatch(
            List<Row> rows,
            Map<String, String> headers,
            ImportOwners owners,
            ImportCustomers customers,
            Map<String, Long> stages,
            UserRef importer,
            Map<String, Object> source,
            Clock clock) {
        this.rows = rows;
        this.headers = headers;
        this.owners = owners;
        this.customers = customers;
        this.stages = stages;
        this.importer = importer;
        this.source = source;
        this.clock = clock;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The admin running the import (the actor of its audit entries). */
    public UserRef importer() {
        return importer;
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** What an imported record's history says of its row: the import, the file and the line. */
    public Map<String, Object> details(Row row) {
        Map<String, Object> d = new LinkedHashMap<>(source);
        d.put("row", row.rowNo() + 1);
        return d;
    }

    /** The owner a row's {@code field} names; a note is added when it could not be used (the default owner then). */
    public long owner(Row row, String field, List<Phrase> notes) {
        ImportOwners.Assignment a = owners.assign(row.get(field));
        if (a.note() != null) {
            notes.add(a.note());
        }
        return a.ownerId();
    }

    /**
     * The customers the rows name in {@code nameField} or {@code externalIdField}, by row number (rows naming none
     * are absent); unknown names become customers owned by {@code ownerOf} with the creation time {@code createdAt}.
     */
    public Map<Integer, CustomerMatch> customers(
            String nameField,
            String externalIdField,
            Map<Integer, Long> ownerOf,
            Map<Integer, OffsetDateTime> createdAt) {
        List<ImportCustomers.Wanted> wanted = rows.stream()
                .filter(r -> r.has(nameField) || r.has(externalIdField))
                .filter(r -> ownerOf.containsKey(r.rowNo()))
                .map(r -> new ImportCustomers.Wanted(
                        r.rowNo(),
                        r.get(nameField),
                        r.get(externalIdField),
                        ownerOf.get(r.rowNo()),
                        createdAt.get(r.rowNo())))
                .toList();
        Map<Integer, CustomerMatch> result = new HashMap<>();
        customers.resolve(wanted).forEach((row, f) -> result.put(row, new CustomerMatch(f.id(), f.note())));
        return result;
    }

    /** The stage the importer mapped a stage value to (exact, then ignoring case), or null. */
    public Long stage(String value) {
        if (value == null) {
            return null;
        }
        Long id = stages.get(value.strip());
        return id != null ? id : stages.get(value.strip().toLowerCase(Locale.ROOT));
    }

    /** The time a row's {@code field} names, kept as given (business time zone when it has no offset), or null. */
    public OffsetDateTime time(Row row, String field) {
        return ImportCells.time(row.get(field), clock.getZone());
    }

    public LocalDate date(Row row, String field) {
        return ImportCells.date(row.get(field), clock.getZone());
    }

    public BigDecimal amount(Row row, String field) {
        return ImportCells.amount(row.get(field));
    }

    /**
     * A reason naming the column: {@code 列“Close Date”的值“31/31/2024”：不是日期}. {@code problem} is one of the
     * {@code customer.import.problem.*} keys' last part (not-a-date, future, not-a-number, unknown-stage…).
     */
    public Phrase problem(Row row, String field, String problem) {
        return new Phrase(
                "customer.import.row.cell",
                headers.getOrDefault(field, field),
                row.get(field) == null ? "" : row.get(field),
                new Phrase("customer.import.problem." + problem));
    }
}
