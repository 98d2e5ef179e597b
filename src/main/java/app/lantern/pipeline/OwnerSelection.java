package app.lantern.pipeline;

import app.lantern.identity.DataScope;
import app.lantern.identity.DataScopes;
import app.lantern.identity.Directory;
import app.lantern.identity.RecordKind;
import app.lantern.identity.Role;
import app.lantern.identity.TeamSummary;
import app.lantern.identity.UserSummary;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Whose opportunities a reader may pick in filters (owner, team), always inside the reader's data scope. */
@Component
public class OwnerSelection {

    private final DataScopes scopes;
    private final Directory directory;

    OwnerSelection(DataScopes scopes, Directory directory) {
        this.scopes = scopes;
        this.directory = directory;
    }

    /** Active reps whose opportunities the reader sees (owner pickers). */
    public List<UserSummary> reps() {
        DataScope scope = scopes.current(RecordKind.OPPORTUNITY);
        return directory.users().stream()
                .filter(u -> u.active() && u.roles().contains(Role.REP) && scope.covers(u.id()))
                .toList();
    }

    /** Teams with at least one member in the reader's scope (team pickers). */
    public List<TeamSummary> teams() {
        DataScope scope = scopes.current(RecordKind.OPPORTUNITY);
        return directory.teams().stream()
                .filter(t -> directory.members(Set.of(t.id())).stream().anyMatch(m -> scope.covers(m.id())))
                .toList();
    }

    /**
     * The owners a funnel covers: everybody in scope, narrowed to a team's subtree and/or one owner; an owner outside
     * the scope is a 404.
     */
    public Set<Long> owners(Long ownerId, Long teamId) {
        DataScope scope = scopes.current(RecordKind.OPPORTUNITY);
        Set<Long> owners = scope.isEverything()
                ? directory.users().stream().map(UserSummary::id).collect(Collectors.toSet())
                : scope.ownerIds();
        if (teamId != null) {
            Set<Long> team = directory.members(directory.subtree(teamId)).stream()
                    .map(UserSummary::id)
                    .collect(Collectors.toSet());
            owners = owners.stream().filter(team::contains).collect(Collectors.toSet());
        }
        if (ownerId != null) {
            scope.require(ownerId, "user", ownerId);
            owners = owners.contains(ownerId) ? Set.of(ownerId) : Set.of();
        }
        return owners;
    }
}
