package app.lantern.identity.web;

import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.Directory;
import app.lantern.identity.Role;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
class MeApiController {

    private final CurrentActor currentActor;
    private final Directory directory;

    MeApiController(CurrentActor currentActor, Directory directory) {
        this.currentActor = currentActor;
        this.directory = directory;
    }

    record Me(
            String id,
            String username,
            String displayName,
            List<String> roles,
            List<String> teamIds,
            List<String> ledTeamIds) {}

    @GetMapping
    Me me() {
        Actor a = currentActor.require();
        return new Me(
                String.valueOf(a.userId()),
                a.username(),
                a.displayName(),
                a.roles().stream().map(Role::name).sorted().toList(),
                a.teamId() == null ? List.of() : List.of(String.valueOf(a.teamId())),
                directory.teamsLedBy(a.userId()).stream()
                        .sorted()
                        .map(String::valueOf)
                        .toList());
    }
}
