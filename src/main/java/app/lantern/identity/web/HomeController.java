package app.lantern.identity.web;

import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.shared.web.LandingWidget;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** One landing page per role, assembled from the widgets modules contribute for that role. */
@Controller
class HomeController {

    private final CurrentActor currentActor;
    private final List<LandingWidget> widgets;

    HomeController(CurrentActor currentActor, List<LandingWidget> widgets) {
        this.currentActor = currentActor;
        this.widgets = widgets.stream()
                .sorted(Comparator.comparingInt(LandingWidget::order))
                .toList();
    }

    record ShownWidget(String fragment, java.util.Map<String, Object> model) {}

    @GetMapping("/")
    String home(Model model) {
        Actor actor = currentActor.require();
        String role = actor.primaryRole().name();
        model.addAttribute("role", role);
        model.addAttribute(
                "widgets",
                widgets.stream()
                        .filter(w -> w.roles().contains(role))
                        .map(w -> new ShownWidget(w.fragment(), w.model()))
                        .toList());
        return "identity/home";
    }
}
