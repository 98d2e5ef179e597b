package app.lantern.identity.web;

import app.lantern.identity.SignIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page where users see their own API tokens and revoke the ones they no longer need. */
@Controller
@RequestMapping("/me/tokens")
class MyTokensController {

    private final SignIn signIn;

    MyTokensController(SignIn signIn) {
        this.signIn = signIn;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("tokens", signIn.myTokens());
        return "identity/tokens";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        signIn.revokeMyToken(id);
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/me/tokens";
    }
}
