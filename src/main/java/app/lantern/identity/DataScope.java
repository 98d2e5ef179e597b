package app.lantern.identity;

import app.lantern.shared.NotFoundException;
import java.util.Set;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Which owners' records an actor may read and write for one kind of record: everything, or the records owned by a
 * fixed set of users (themselves, and for a manager everybody in the teams they lead, transitively).
 */
public final class DataScope {

    private final boolean all;
    private final Set<Long> ownerIds;
    private final Consumer<String> onDenied;

    private DataScope(boolean all, Set<Long> ownerIds, Consumer<String> onDenied) {
        this.all = all;
        this.ownerIds = Set.copyOf(ownerIds);
        this.onDenied = onDenied;
    }

    public static DataScope everything() {
        return new DataScope(true, Set.of(), denied -> {});
    }

    public static DataScope ownedBy(Set<Long> ownerIds) {
        return new DataScope(false, ownerIds, denied -> {});
    }

    /** The same scope, telling {@code onDenied} which record ("customer 616") a refused {@link #require} asked for. */
    DataScope reportingDenialsTo(Consumer<String> onDenied) {
        return new DataScope(all, ownerIds, onDenied);
    }

    public boolean isEverything() {
        return all;
    }

    /** The owners covered; meaningless when {@link #isEverything()}. */
    public Set<Long> ownerIds() {
        return ownerIds;
    }

    /** A SQL condition restricting {@code ownerField} to this scope. */
    public Condition condition(Field<Long> ownerField) {
        if (all) {
            return DSL.trueCondition();
        }
        return ownerIds.isEmpty() ? DSL.falseCondition() : ownerField.in(ownerIds);
    }

    public boolean covers(Long ownerId) {
        return all || (ownerId != null && ownerIds.contains(ownerId));
    }

    /** Throws 404 (not 403) for a record outside the scope, so that its existence does not leak. */
    public void require(Long ownerId, String entity, Object id) {
        if (!covers(ownerId)) {
            onDenied.accept(entity + " " + id);
            throw NotFoundException.of(entity, id);
        }
    }
}
