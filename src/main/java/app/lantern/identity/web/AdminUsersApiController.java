package app.lantern.identity.web;

import app.lantern.identity.Directory;
import app.lantern.identity.Role;
import app.lantern.identity.UserAccounts;
import app.lantern.shared.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What the admin user pages do, as an API (ADMIN only, see SecurityConfig). */
@RestController
@RequestMapping("/api/v1/admin")
class AdminUsersApiController {

    private final UserAccounts accounts;
    private final Directory directory;

    AdminUsersApiController(UserAccounts accounts, Directory directory) {
        this.accounts = accounts;
        this.directory = directory;
    }

    record CreateUser(
            @NotBlank @Size(max = 64) String username,
            @NotBlank @Size(max = 100) String displayName,
            @NotBlank @Size(max = 128) String password,
            @Size(max = 200) String email,
            @Size(max = 40) String phone,
            String teamId,
            @NotEmpty Set<Role> roles) {}

    record ChangeUser(
            @NotBlank @Size(max = 100) String displayName,
            @Size(max = 200) String email,
            @Size(max = 40) String phone,
            @NotEmpty Set<Role> roles) {}

    record MoveUser(String teamId) {}

    record CreateTeam(
            @NotBlank @Size(max = 100) String name,
            String parentId,
            String leaderId,
            @Size(max = 50) String region) {}

    record Created(String id) {}

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    UsersApiController.UserView create(@Valid @RequestBody CreateUser body) {
        long id = accounts.create(new UserAccounts.NewUser(
                body.username(),
                body.displayName(),
                body.password(),
                body.email(),
                body.phone(),
                parseId("teamId", body.teamId()),
                EnumSet.copyOf(body.roles())));
        return UsersApiController.UserView.of(directory.user(id).orElseThrow());
    }

    @PatchMapping("/users/{id}")
    UsersApiController.UserView change(@PathVariable long id, @Valid @RequestBody ChangeUser body) {
        existing(id);
        accounts.change(
                id,
                new UserAccounts.UserChange(
                        body.displayName(), body.email(), body.phone(), EnumSet.copyOf(body.roles())));
        return UsersApiController.UserView.of(directory.user(id).orElseThrow());
    }

    @PutMapping("/users/{id}/team")
    UsersApiController.UserView move(@PathVariable long id, @RequestBody MoveUser body) {
        existing(id);
        accounts.moveToTeam(id, parseId("teamId", body.teamId()));
        return UsersApiController.UserView.of(directory.user(id).orElseThrow());
    }

    @PostMapping("/users/{id}/deactivate")
    UsersApiController.UserView deactivate(@PathVariable long id) {
        existing(id);
        accounts.deactivate(id);
        return UsersApiController.UserView.of(directory.user(id).orElseThrow());
    }

    @PostMapping("/users/{id}/reactivate")
    UsersApiController.UserView reactivate(@PathVariable long id) {
        existing(id);
        accounts.reactivate(id);
        return UsersApiController.UserView.of(directory.user(id).orElseThrow());
    }

    @PostMapping("/teams")
    @ResponseStatus(HttpStatus.CREATED)
    Created createTeam(@Valid @RequestBody CreateTeam body) {
        return new Created(String.valueOf(accounts.createTeam(
                body.name(),
                parseId("parentId", body.parentId()),
                parseId("leaderId", body.leaderId()),
                body.region())));
    }

    private void existing(long id) {
        directory.user(id).orElseThrow(() -> NotFoundException.of("user", id));
    }

    private static Long parseId(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw app.lantern.shared.ValidationException.field(field, "is not an id");
        }
    }
}
