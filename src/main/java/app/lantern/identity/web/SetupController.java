package app.lantern.identity.web;

import app.lantern.identity.SignIn;
import app.lantern.shared.ValidationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The one-time page that creates the first administrator outside demo mode. */
@Controller
class SetupController {

    private final SignIn signIn;

    SetupController(SignIn signIn) {
        this.signIn = signIn;
    }

    @GetMapping("/setup")
    String form(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("token", token);
        return "identity/setup";
    }

    @PostMapping("/setup")
    String create(
            @RequestParam String token,
            @RequestParam String username,
            @RequestParam String displayName,
            @RequestParam String password,
            Model model) {
        try {
            if (signIn.completeSetup(token, username, displayName, password)) {
                return "redirect:/login?setup";
            }
            model.addAttribute("failed", true);
        } catch (ValidationException e) {
            model.addAttribute("errors", e.errors());
        }
        model.addAttribute("token", token);
        model.addAttribute("username", username);
        model.addAttribute("displayName", displayName);
        return "identity/setup";
    }
}
