package app.lantern.integration.web;

import app.lantern.identity.Directory;
import app.lantern.identity.UserSummary;
import app.lantern.integration.WeComAdmin;
import app.lantern.shared.ValidationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The WeCom admin page: configuration state, connection test, last sync, events, error log and user mapping. */
@Controller
class AdminWeComController {

    private static final String PAGE = "/admin/integrations/wecom";

    private final WeComAdmin wecom;
    private final Directory directory;

    AdminWeComController(WeComAdmin wecom, Directory directory) {
        this.wecom = wecom;
        this.directory = directory;
    }

    @GetMapping(PAGE)
    String page(Model model) {
        model.addAttribute("status", wecom.status());
        model.addAttribute("events", wecom.events(50));
        model.addAttribute("log", wecom.errorLog(50));
        model.addAttribute("mappings", wecom.mappings());
        model.addAttribute(
                "users", directory.users().stream().filter(UserSummary::active).toList());
        return "integration/wecom";
    }

    @PostMapping(PAGE + "/test")
    String test(RedirectAttributes redirect) {
        redirect.addFlashAttribute("test", wecom.testConnection());
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/events/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        wecom.retry(id);
        redirect.addFlashAttribute("message", "retried");
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/users")
    String map(
            @RequestParam(required = false) String wecomUserId,
            @RequestParam(required = false) Long userId,
            RedirectAttributes redirect) {
        try {
            wecom.map(wecomUserId, userId);
            redirect.addFlashAttribute("message", "mapped");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", e.errors());
        }
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/users/remove")
    String unmap(@RequestParam String wecomUserId, RedirectAttributes redirect) {
        wecom.unmap(wecomUserId);
        redirect.addFlashAttribute("message", "unmapped");
        return "redirect:" + PAGE;
    }
}
