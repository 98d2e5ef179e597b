package app.lantern.identity.web;

import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.DataScope;
import app.lantern.identity.DataScopes;
import app.lantern.identity.Directory;
import app.lantern.identity.RecordKind;
import app.lantern.identity.Role;
import app.lantern.identity.TeamSummary;
import app.lantern.identity.UserSummary;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.PageQuery;
import app.lantern.shared.PageResult;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Users and teams within the caller's data scope; anything outside it is a 404. */
@RestController
@RequestMapping("/api/v1")
class UsersApiController {

    private static final Set<String> SORTS = Set.of("id", "username", "displayName");

    private final Directory directory;
    private final DataScopes scopes;
    private final CurrentActor currentActor;

    UsersApiController(Directory directory, DataScopes scopes, CurrentActor currentActor) {
        this.directory = directory;
        this.scopes = scopes;
        this.currentActor = currentActor;
    }

    record UserView(String id, String username, String displayName, String teamId, List<String> roles, boolean active) {
        static UserView of(UserSummary u) {
            return new UserView(
                    String.valueOf(u.id()),
                    u.username(),
                    u.displayName(),
                    u.teamId() == null ? null : String.valueOf(u.teamId()),
                    u.roles().stream().map(Role::name).sorted().toList(),
                    u.active());
        }
    }

    record TeamView(String id, String name, String parentId, String leaderId, String region) {
        static TeamView of(TeamSummary t) {
            return new TeamView(
                    String.valueOf(t.id()),
                    t.name(),
                    t.parentId() == null ? null : String.valueOf(t.parentId()),
                    t.leaderId() == null ? null : String.valueOf(t.leaderId()),
                    t.region());
        }
    }

    @GetMapping("/users")
    PageResult<UserView> users(
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        PageQuery query = PageQuery.of(page, size, sort, SORTS, "id,asc");
        DataScope scope = scopes.current(RecordKind.USER);
        Comparator<UserSummary> order = switch (query.sortField()) {
            case "username" -> Comparator.comparing(UserSummary::username);
            case "displayName" -> Comparator.comparing(UserSummary::displayName);
            default -> Comparator.comparingLong(UserSummary::id);
        };
        List<UserSummary> visible = directory.users().stream()
                .filter(u -> scope.covers(u.id()))
                .sorted(query.descending() ? order.reversed() : order)
                .toList();
        List<UserView> items = visible.stream()
                .skip(query.offset())
                .limit(query.size())
                .map(UserView::of)
                .toList();
        return PageResult.of(items, query, visible.size());
    }

    @GetMapping("/users/{id}")
    UserView user(@PathVariable long id) {
        scopes.current(RecordKind.USER).require(id, "user", id);
        return directory.user(id).map(UserView::of).orElseThrow(() -> NotFoundException.of("user", id));
    }

    @GetMapping("/teams")
    List<TeamView> teams() {
        Set<Long> visible = visibleTeams();
        return directory.teams().stream()
                .filter(t -> visible == null || visible.contains(t.id()))
                .map(TeamView::of)
                .toList();
    }

    @GetMapping("/teams/{id}")
    TeamView team(@PathVariable long id) {
        Set<Long> visible = visibleTeams();
        if (visible != null && !visible.contains(id)) {
            throw NotFoundException.of("team", id);
        }
        return directory.team(id).map(TeamView::of).orElseThrow(() -> NotFoundException.of("team", id));
    }

    /** Null means all teams. */
    private Set<Long> visibleTeams() {
        Actor actor = currentActor.require();
        if (actor.has(Role.EXECUTIVE) || actor.has(Role.ADMIN)) {
            return null;
        }
        Set<Long> teams = new HashSet<>();
        if (actor.teamId() != null) {
            teams.add(actor.teamId());
        }
        directory.teamsLedBy(actor.userId()).forEach(t -> teams.addAll(directory.subtree(t)));
        return teams;
    }
}
