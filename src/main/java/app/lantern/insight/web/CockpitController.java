package app.lantern.insight.web;

import app.lantern.insight.cockpit.Cockpit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/** {@code /cockpit}: the executive's (and a manager's) page; an htmx request gets the body alone for the landing page. */
@Controller
class CockpitController {

    private final Cockpit cockpit;

    CockpitController(Cockpit cockpit) {
        this.cockpit = cockpit;
    }

    @GetMapping("/cockpit")
    String cockpit(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("c", cockpit.view());
        return htmx != null ? "insight/cockpit :: panel" : "insight/cockpit";
    }
}
