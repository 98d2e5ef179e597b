package app.lantern.customer.matching;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** What duplicate matching compares: one customer (or a query), its identifiers normalised. */
public record MatchProfile(long id, CompanyName name, Set<String> phones, Set<String> emails, String creditCode) {

    public MatchProfile {
        phones = Set.copyOf(phones);
        emails = Set.copyOf(emails);
    }

    /** Normalises raw values; unparseable phones and e-mails are left out. */
    public static MatchProfile of(
            long id, String name, Collection<String> phones, Collection<String> emails, String creditCode) {
        Set<String> p = new LinkedHashSet<>();
        if (phones != null) {
            phones.forEach(x -> Phones.normalize(x).ifPresent(p::add));
        }
        Set<String> e = new LinkedHashSet<>();
        if (emails != null) {
            emails.forEach(x -> Emails.normalize(x).ifPresent(e::add));
        }
        return new MatchProfile(
                id,
                name == null || name.isBlank() ? null : CompanyName.of(name),
                p,
                e,
                CreditCodes.normalize(creditCode));
    }
}
