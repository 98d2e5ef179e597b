package app.lantern.customer;

import static lantern.db.Tables.CUSTOMER_IMPORT_ROWS;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.springframework.context.MessageSource;

/**
 * The error report of an import: every row that did not land as a plain new customer (or has a note, such as an owner
 * that could not be used), with its file line, outcome, customer and reason in the reader's language, as csv that
 * Excel opens (UTF-8 with BOM; cells that look like formulas neutralised).
 */
final class ImportReport {

    private ImportReport() {}

    static String csv(DSLContext db, long id, MessageSource messages, Locale locale) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append(CustomerExport.csvLine(List.of(
                messages.getMessage("customer.import.report.line", null, locale),
                messages.getMessage("customer.import.report.outcome", null, locale),
                messages.getMessage("customer.import.report.code", null, locale),
                messages.getMessage("customer.import.report.customer", null, locale),
                messages.getMessage("customer.import.report.reason", null, locale))));
        db.selectFrom(CUSTOMER_IMPORT_ROWS)
                .where(CUSTOMER_IMPORT_ROWS.IMPORT_ID.eq(id))
                .and(CUSTOMER_IMPORT_ROWS
                        .OUTCOME
                        .ne(ImportOutcome.IMPORTED.name())
                        .or(CUSTOMER_IMPORT_ROWS.MESSAGE.isNotNull()))
                .orderBy(CUSTOMER_IMPORT_ROWS.IMPORT_ID, CUSTOMER_IMPORT_ROWS.ROW_NO)
                .forEach(r -> sb.append(CustomerExport.csvLine(Arrays.asList(
                        String.valueOf(r.getRowNo() + 1),
                        messages.getMessage("customer.import.outcome." + r.getOutcome(), null, r.getOutcome(), locale),
                        r.getOutcome(),
                        r.getRecordId() == null ? "" : String.valueOf(r.getRecordId()),
                        CustomerExport.safe(ImportMessages.render(r.getMessage(), messages, locale))))));
        return sb.toString();
    }
}
