package app.lantern.customer;

import app.lantern.identity.Directory;
import app.lantern.identity.UserSummary;
import app.lantern.shared.Phrase;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The owner an import row names, by username, e-mail or display name, within what the importer may assign (a rep:
 * themselves; a manager: their teams; admins and executives: anyone active). A name that is unknown, ambiguous or
 * outside the importer's scope gives the row the default owner the importer chose, with a note saying so.
 */
final class ImportOwners {

    record Assignment(long ownerId, Phrase note) {}

    private final Directory directory;
    /** Users the importer may assign customers to; null for everyone. */
    private final Set<Long> allowed;

    private final UserSummary fallback;
    private final Map<String, Assignment> known = new HashMap<>();
    private List<UserSummary> users;

    ImportOwners(Directory directory, Set<Long> allowed, UserSummary fallback) {
        this.directory = directory;
        this.allowed = allowed;
        this.fallback = fallback;
    }

    long defaultOwner() {
        return fallback.id();
    }

    /** The owner for a row's owner cell (blank: the default owner). */
    Assignment assign(String value) {
        if (value == null || value.isBlank()) {
            return new Assignment(fallback.id(), null);
        }
        String v = value.strip();
        return known.computeIfAbsent(v.toLowerCase(Locale.ROOT), k -> resolve(v));
    }

    private Assignment resolve(String value) {
        Optional<UserSummary> user = find(value);
        if (user.isEmpty()) {
            return new Assignment(
                    fallback.id(), new Phrase("customer.import.row.owner-unknown", value, fallback.displayName()));
        }
        if (!mayAssign(user.get())) {
            return new Assignment(
                    fallback.id(), new Phrase("customer.import.row.owner-out-of-scope", value, fallback.displayName()));
        }
        return new Assignment(user.get().id(), null);
    }

    boolean mayAssign(UserSummary user) {
        return user.active() && (allowed == null || allowed.contains(user.id()));
    }

    private Optional<UserSummary> find(String value) {
        if (users == null) {
            users = directory.users().stream().filter(UserSummary::active).toList();
        }
        for (UserSummary u : users) {
            if (u.username().equalsIgnoreCase(value)) {
                return Optional.of(u);
            }
        }
        if (value.contains("@")) {
            Optional<UserSummary> byEmail = directory.userByEmail(value);
            if (byEmail.isPresent() && byEmail.get().active()) {
                return byEmail;
            }
        }
        List<UserSummary> named = users.stream()
                .filter(u -> u.displayName().strip().equalsIgnoreCase(value))
                .toList();
        if (named.size() > 1) {
            named = named.stream().filter(this::mayAssign).toList();
        }
        return named.size() == 1 ? Optional.of(named.getFirst()) : Optional.empty();
    }
}
