package app.lantern.identity;

import app.lantern.audit.SecurityEventKind;
import app.lantern.audit.SecurityEvents;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The one place that decides who sees what: rep → own records; manager → records of everybody in the teams they
 * lead (transitively); executive and admin → all; finance → all quotes and contracts, own records otherwise. Every
 * module applies the scope to every read, write, search and export.
 */
@Service
public class DataScopes {

    private final CurrentActor currentActor;
    private final Directory directory;
    private final SecurityEvents securityEvents;

    DataScopes(CurrentActor currentActor, Directory directory, SecurityEvents securityEvents) {
        this.currentActor = currentActor;
        this.directory = directory;
        this.securityEvents = securityEvents;
    }

    /** The scope of the signed-in user for this kind of record. */
    public DataScope current(RecordKind kind) {
        return of(currentActor.require(), kind);
    }

    public DataScope of(Actor actor, RecordKind kind) {
        if (actor.has(Role.EXECUTIVE) || actor.has(Role.ADMIN)) {
            return DataScope.everything();
        }
        if (actor.has(Role.FINANCE) && (kind == RecordKind.QUOTE || kind == RecordKind.CONTRACT)) {
            return DataScope.everything();
        }
        return DataScope.ownedBy(visibleOwners(actor))
                .reportingDenialsTo(
                        record -> securityEvents.record(SecurityEventKind.SCOPE_DENIED, actor.username(), record));
    }

    /** The users whose records the actor sees: themselves plus, for a manager, the members of their teams' subtrees. */
    public Set<Long> visibleOwners(Actor actor) {
        String key = DataScopes.class.getName() + ".owners." + actor.userId();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof Set<?> cached) {
            @SuppressWarnings("unchecked")
            Set<Long> owners = (Set<Long>) cached;
            return owners;
        }
        Set<Long> owners = new HashSet<>();
        owners.add(actor.userId());
        if (actor.has(Role.MANAGER)) {
            Set<Long> teams = new HashSet<>();
            directory.teamsLedBy(actor.userId()).forEach(t -> teams.addAll(directory.subtree(t)));
            directory.users().stream()
                    .filter(u -> u.teamId() != null && teams.contains(u.teamId()))
                    .forEach(u -> owners.add(u.id()));
        }
        Set<Long> result = Set.copyOf(owners);
        if (request != null) {
            request.setAttribute(key, result, RequestAttributes.SCOPE_REQUEST);
        }
        return result;
    }
}
