package app.lantern.goal;

import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.DataScope;
import app.lantern.identity.DataScopes;
import app.lantern.identity.Directory;
import app.lantern.identity.RecordKind;
import app.lantern.identity.Role;
import app.lantern.identity.TeamSummary;
import app.lantern.identity.UserSummary;
import app.lantern.shared.ForbiddenException;
import app.lantern.shared.NotFoundException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The organisation targets are set for (the company, its teams, their reps) and who may read and change which. Who
 * sees whom is decided by {@link DataScopes} alone: a user reads the targets of the reps in their scope and of those
 * reps' teams (and their own team), and changes them when they manage those people; executives and admins everything.
 */
@Component
class TargetAccess {

    private final Directory directory;
    private final DataScopes scopes;
    private final CurrentActor currentActor;

    TargetAccess(Directory directory, DataScopes scopes, CurrentActor currentActor) {
        this.directory = directory;
        this.scopes = scopes;
        this.currentActor = currentActor;
    }

    Optional<TeamSummary> company() {
        return directory.teams().stream().filter(t -> t.parentId() == null).findFirst();
    }

    /** Teams directly below a team, or active reps of a team (for REP targets). */
    List<Targets.Subject> childrenOf(TargetLevel level, long subjectId) {
        return switch (level) {
            case COMPANY ->
                directory.teams().stream()
                        .filter(t -> Long.valueOf(subjectId).equals(t.parentId()))
                        .map(t -> new Targets.Subject(TargetLevel.TEAM, t.id(), t.name(), 1))
                        .toList();
            case TEAM ->
                directory.members(Set.of(subjectId)).stream()
                        .filter(u -> u.roles().contains(Role.REP))
                        .map(u -> new Targets.Subject(TargetLevel.REP, u.id(), u.displayName(), 2))
                        .toList();
            case REP -> List.of();
        };
    }

    String subjectName(TargetLevel level, long id) {
        return level == TargetLevel.REP
                ? directory.user(id).map(UserSummary::displayName).orElse("#" + id)
                : directory.team(id).map(TeamSummary::name).orElse("#" + id);
    }

    /** What the signed-in user may read and change. */
    record Access(
            boolean all,
            Set<Long> readTeams,
            Set<Long> writeTeams,
            Set<Long> readReps,
            Set<Long> writeReps,
            long companyId) {

        boolean canRead(TargetLevel level, long subject) {
            return all
                    || switch (level) {
                        case COMPANY -> true;
                        case TEAM -> readTeams.contains(subject);
                        case REP -> readReps.contains(subject);
                    };
        }

        boolean canWrite(TargetLevel level, long subject) {
            return all
                    || switch (level) {
                        case COMPANY -> false;
                        case TEAM -> writeTeams.contains(subject);
                        case REP -> writeReps.contains(subject);
                    };
        }
    }

    /** The signed-in user's access, from their data scope. */
    Access access() {
        Actor actor = currentActor.require();
        long companyId = company().map(TeamSummary::id).orElse(0L);
        DataScope scope = scopes.current(RecordKind.TARGET);
        if (scope.isEverything()) {
            return new Access(true, Set.of(), Set.of(), Set.of(), Set.of(), companyId);
        }
        Set<Long> readReps = scope.ownerIds();
        Set<Long> readTeams = new HashSet<>();
        Set<Long> writeTeams = new HashSet<>();
        boolean manages = actor.has(Role.MANAGER);
        for (long owner : readReps) {
            directory.user(owner).map(UserSummary::teamId).ifPresent(team -> {
                readTeams.add(team);
                if (manages && owner != actor.userId()) {
                    writeTeams.add(team);
                }
            });
        }
        if (actor.teamId() != null) {
            readTeams.add(actor.teamId());
        }
        Set<Long> writeReps = manages ? readReps : Set.of();
        return new Access(false, readTeams, writeTeams, readReps, writeReps, companyId);
    }

    /** 404 when the user may not even read the subject's targets, 403 when they may read but not change them. */
    void requireWrite(TargetLevel level, long subject) {
        Access access = access();
        if (!access.canWrite(level, subject)) {
            if (!access.canRead(level, subject)) {
                throw NotFoundException.of(level.name().toLowerCase(Locale.ROOT), subject);
            }
            throw new ForbiddenException("you may not change this target");
        }
    }
}
