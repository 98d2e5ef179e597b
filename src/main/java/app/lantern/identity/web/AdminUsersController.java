package app.lantern.identity.web;

import app.lantern.identity.Directory;
import app.lantern.identity.Role;
import app.lantern.identity.UserAccounts;
import app.lantern.identity.UserSummary;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.ValidationException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages: list users and teams, create users, change roles, move between teams, deactivate. */
@Controller
@RequestMapping("/admin/users")
class AdminUsersController {

    private final Directory directory;
    private final UserAccounts accounts;

    AdminUsersController(Directory directory, UserAccounts accounts) {
        this.directory = directory;
        this.accounts = accounts;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", directory.users());
        model.addAttribute("teams", directory.teams());
        model.addAttribute("roles", Role.values());
        return "identity/admin-users";
    }

    @PostMapping
    String create(
            @RequestParam String username,
            @RequestParam String displayName,
            @RequestParam String password,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) Long teamId,
            @RequestParam(name = "roles", required = false) List<Role> roles,
            Model model,
            RedirectAttributes redirect) {
        try {
            accounts.create(
                    new UserAccounts.NewUser(username, displayName, password, email, null, teamId, toSet(roles)));
        } catch (ValidationException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("draft", new Draft(username, displayName, email, teamId, toSet(roles)));
            return list(model);
        }
        redirect.addFlashAttribute("message", "created");
        return "redirect:/admin/users";
    }

    record Draft(String username, String displayName, String email, Long teamId, Set<Role> roles) {}

    @PostMapping("/{id}/team")
    String move(@PathVariable long id, @RequestParam(required = false) Long teamId, RedirectAttributes redirect) {
        accounts.moveToTeam(existing(id).id(), teamId);
        redirect.addFlashAttribute("message", "moved");
        return "redirect:/admin/users";
    }

    @PostMapping("/{id}/roles")
    String roles(
            @PathVariable long id,
            @RequestParam(name = "roles", required = false) List<Role> roles,
            RedirectAttributes redirect) {
        UserSummary user = existing(id);
        try {
            accounts.changeRoles(id, toSet(roles));
            redirect.addFlashAttribute("message", "saved");
        } catch (ValidationException e) {
            redirect.addFlashAttribute(
                    "error", user.username() + ": " + e.errors().getFirst().message());
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, RedirectAttributes redirect) {
        accounts.deactivate(existing(id).id());
        redirect.addFlashAttribute("message", "deactivated");
        return "redirect:/admin/users";
    }

    @PostMapping("/{id}/reactivate")
    String reactivate(@PathVariable long id, RedirectAttributes redirect) {
        accounts.reactivate(existing(id).id());
        redirect.addFlashAttribute("message", "reactivated");
        return "redirect:/admin/users";
    }

    @PostMapping("/teams")
    String createTeam(
            @RequestParam String name,
            @RequestParam(required = false) Long parentId,
            @RequestParam(required = false) Long leaderId,
            @RequestParam(required = false) String region,
            RedirectAttributes redirect) {
        try {
            accounts.createTeam(name, parentId, leaderId, region);
            redirect.addFlashAttribute("message", "teamCreated");
        } catch (ValidationException e) {
            redirect.addFlashAttribute(
                    "error",
                    e.errors().getFirst().field() + ": " + e.errors().getFirst().message());
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/teams/{id}/leader")
    String setLeader(
            @PathVariable long id, @RequestParam(required = false) Long leaderId, RedirectAttributes redirect) {
        try {
            accounts.setTeamLeader(id, leaderId);
            redirect.addFlashAttribute("message", "leaderSet");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", e.errors().getFirst().message());
        }
        return "redirect:/admin/users";
    }

    private UserSummary existing(long id) {
        return directory.user(id).orElseThrow(() -> NotFoundException.of("user", id));
    }

    private static Set<Role> toSet(List<Role> roles) {
        return roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }
}
