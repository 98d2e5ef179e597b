package app.lantern.customer;

import app.lantern.customer.matching.Emails;
import app.lantern.customer.matching.MatchProfile;
import app.lantern.customer.matching.Phones;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.Phrase;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a file row into a customer form (and one contact) by the confirmed mapping: values trimmed, sizes and
 * statuses read from their Chinese names, historical creation times parsed, the owner resolved; a row breaking a rule
 * is rejected with every problem named.
 */
final class ImportRows {

    /** What a row becomes once read: a valid row waiting for its duplicate decision, or its final outcome. */
    sealed interface Parsed permits Pending, ImportRowResult {}

    /** A validated row waiting for its duplicate decision. */
    static final class Pending implements Parsed {
        final int rowNo;
        CustomerForm form;
        final ContactForm contact;
        final OffsetDateTime createdAt;
        final MatchProfile query;
        final List<Phrase> notes;
        List<Long> storedCandidates = List.of();
        /** For a row that becomes a new customer: contacts of later rows of the chunk merged into it. */
        final List<ContactForm> mergedContacts = new ArrayList<>();

        Pending(int rowNo, CustomerForm form, ContactForm contact, OffsetDateTime createdAt, List<Phrase> notes) {
            this.rowNo = rowNo;
            this.form = form;
            this.contact = contact;
            this.createdAt = createdAt;
            this.notes = notes;
            this.query =
                    MatchProfile.of(-1, form.name(), phones(form, contact), emails(form, contact), form.creditCode());
        }

        /** The profiles the key index holds for the new customer: its name and, if any, its short name. */
        List<MatchProfile> profiles(long customerId) {
            List<String> phones = phones(form, contact);
            List<String> emails = emails(form, contact);
            for (ContactForm c : mergedContacts) {
                phones.addAll(phones(null, c));
                emails.addAll(emails(null, c));
            }
            List<MatchProfile> result = new ArrayList<>();
            result.add(MatchProfile.of(customerId, form.name(), phones, emails, form.creditCode()));
            if (form.shortName() != null && !form.shortName().isBlank()) {
                result.add(MatchProfile.of(customerId, form.shortName(), phones, emails, form.creditCode()));
            }
            return result;
        }
    }

    private final CustomerManagement customers;
    private final Clock clock;
    private final ImportOwners owners;
    private final Map<String, String> mapping;

    ImportRows(CustomerManagement customers, Clock clock, ImportOwners owners, Map<String, String> mapping) {
        this.customers = customers;
        this.clock = clock;
        this.owners = owners;
        this.mapping = mapping;
    }

    /** A {@link Pending} row, or the outcome of a row that goes no further (empty or rejected). */
    Parsed parse(int rowNo, List<String> cells) {
        Map<String, String> v = new LinkedHashMap<>();
        mapping.forEach((col, field) -> {
            int c = Integer.parseInt(col);
            String value = c < cells.size() ? cells.get(c) : null;
            if (value != null && !value.isBlank()) {
                v.put(field, value.strip());
            }
        });
        if (v.isEmpty()) {
            return ImportRowResult.of(rowNo, ImportOutcome.SKIPPED, null, new Phrase("customer.import.row.empty"));
        }
        CustomerForm form = new CustomerForm(
                v.get("name"),
                v.get("shortName"),
                v.get("creditCode"),
                v.get("industry"),
                v.get("province"),
                v.get("city"),
                v.get("address"),
                sizeCode(v.get("size")),
                v.get("source"),
                v.get("tags"),
                statusCode(v.get("status")),
                v.get("phone"),
                v.get("email"),
                v.get("website"),
                null);
        List<Phrase> problems = new ArrayList<>();
        for (FieldErrors.FieldError e : customers.validate(form, true)) {
            problems.add(ImportMessages.invalid(e.field(), e.message()));
        }
        OffsetDateTime createdAt = null;
        if (v.containsKey("createdAt")) {
            createdAt = parseTime(v.get("createdAt"));
            if (createdAt == null) {
                problems.add(new Phrase("customer.import.row.not-a-date", v.get("createdAt")));
            } else if (createdAt.isAfter(OffsetDateTime.now(clock))) {
                problems.add(new Phrase("customer.import.row.future", v.get("createdAt")));
            }
        }
        ContactForm contact = v.containsKey("contactName")
                ? new ContactForm(
                        v.get("contactName"),
                        v.get("contactTitle"),
                        null,
                        v.get("contactMobile"),
                        v.get("contactEmail"),
                        null,
                        null,
                        null,
                        null)
                : null;
        if (contact != null && contact.mobile() != null && !Phones.isValid(contact.mobile())) {
            problems.add(ImportMessages.invalid("contactMobile", "is not a valid phone number"));
        }
        if (contact != null && contact.email() != null && !Emails.isValid(contact.email())) {
            problems.add(ImportMessages.invalid("contactEmail", "is not a valid e-mail address"));
        }
        if (!problems.isEmpty()) {
            return new ImportRowResult(rowNo, ImportOutcome.REJECTED, null, problems);
        }
        ImportOwners.Assignment owner = owners.assign(v.get("owner"));
        List<Phrase> notes = owner.note() == null ? List.of() : List.of(owner.note());
        return new Pending(rowNo, withOwner(form, owner.ownerId()), contact, createdAt, notes);
    }

    private static CustomerForm withOwner(CustomerForm f, long ownerId) {
        return new CustomerForm(
                f.name(),
                f.shortName(),
                f.creditCode(),
                f.industry(),
                f.province(),
                f.city(),
                f.address(),
                f.size(),
                f.source(),
                f.tags(),
                f.status(),
                f.phone(),
                f.email(),
                f.website(),
                String.valueOf(ownerId));
    }

    static String sizeCode(String s) {
        if (s == null) {
            return null;
        }
        return switch (s) {
            case "微型" -> "MICRO";
            case "小型" -> "SMALL";
            case "中型" -> "MEDIUM";
            case "大型" -> "LARGE";
            case "集团", "特大型" -> "ENTERPRISE";
            default -> s.toUpperCase(Locale.ROOT);
        };
    }

    static String statusCode(String s) {
        if (s == null) {
            return null;
        }
        return switch (s) {
            case "潜在", "潜在客户" -> "PROSPECT";
            case "合作中", "活跃", "成交" -> "ACTIVE";
            case "休眠" -> "DORMANT";
            case "流失" -> "LOST";
            default -> s.toUpperCase(Locale.ROOT);
        };
    }

    OffsetDateTime parseTime(String s) {
        return ImportCells.time(s, clock.getZone());
    }

    static List<String> phones(CustomerForm form, ContactForm contact) {
        List<String> phones = new ArrayList<>();
        if (form != null && form.phone() != null) {
            phones.add(form.phone());
        }
        if (contact != null && contact.mobile() != null) {
            phones.add(contact.mobile());
        }
        return phones;
    }

    static List<String> emails(CustomerForm form, ContactForm contact) {
        List<String> emails = new ArrayList<>();
        if (form != null && form.email() != null) {
            emails.add(form.email());
        }
        if (contact != null && contact.email() != null) {
            emails.add(contact.email());
        }
        return emails;
    }
}
