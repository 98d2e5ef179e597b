package app.lantern.notification.web;

import app.lantern.identity.CurrentActor;
import app.lantern.notification.NotificationPreferences;
import app.lantern.notification.Notifications;
import app.lantern.shared.PageQuery;
import app.lantern.shared.ValidationException;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The user's inbox, the bell, and their notification preferences. */
@Controller
@RequestMapping("/notifications")
class NotificationController {

    private final CurrentActor currentActor;
    private final Notifications notifications;
    private final NotificationPreferences preferences;

    NotificationController(
            CurrentActor currentActor, Notifications notifications, NotificationPreferences preferences) {
        this.currentActor = currentActor;
        this.notifications = notifications;
        this.preferences = preferences;
    }

    @GetMapping
    String inbox(
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(required = false) Integer page,
            Model model) {
        long me = currentActor.require().userId();
        model.addAttribute("unreadOnly", unread);
        model.addAttribute(
                "items", notifications.inbox(me, unread, PageQuery.of(page, 30, null, Set.of("id"), "id,desc")));
        return "notification/inbox";
    }

    @GetMapping("/bell")
    String bell(Model model) {
        model.addAttribute(
                "unreadNotifications",
                notifications.unreadCount(currentActor.require().userId()));
        return "notification/bell :: bell";
    }

    /** Opens the message's target and marks it read; only paths inside Lantern are followed. */
    @GetMapping("/{id}/open")
    String open(@PathVariable long id) {
        String link =
                notifications.markRead(currentActor.require().userId(), id).orElse(null);
        return "redirect:" + (link != null && link.startsWith("/") && !link.startsWith("//") ? link : "/notifications");
    }

    @PostMapping("/{id}/read")
    String read(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        long me = currentActor.require().userId();
        notifications.markRead(me, id);
        if (htmx != null) {
            model.addAttribute("unreadNotifications", notifications.unreadCount(me));
            return "notification/bell :: bell";
        }
        return "redirect:/notifications";
    }

    @PostMapping("/read-all")
    String readAll() {
        notifications.markAllRead(currentActor.require().userId());
        return "redirect:/notifications";
    }

    @GetMapping("/preferences")
    String preferences(Model model) {
        if (!model.containsAttribute("prefs")) {
            model.addAttribute("prefs", preferences.view(currentActor.require().userId()));
        }
        return "notification/preferences";
    }

    @PostMapping("/preferences")
    String savePreferences(
            @RequestParam(required = false) String locale,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String wecomUserId,
            @RequestParam(required = false) String mobile,
            @RequestParam(required = false) String quietStart,
            @RequestParam(required = false) String quietEnd,
            @RequestParam(name = "channels", required = false) List<Long> channels,
            Model model,
            RedirectAttributes redirect) {
        long me = currentActor.require().userId();
        try {
            preferences.update(
                    me,
                    new NotificationPreferences.PreferencesForm(
                            locale,
                            email,
                            wecomUserId,
                            mobile,
                            quietStart,
                            quietEnd,
                            channels == null ? Set.of() : Set.copyOf(channels)));
        } catch (ValidationException e) {
            model.addAttribute("errors", e.errors());
            var current = preferences.view(me);
            model.addAttribute(
                    "prefs",
                    new NotificationPreferences.Preferences(
                            locale, email, wecomUserId, mobile, quietStart, quietEnd, current.channels()));
            return "notification/preferences";
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/notifications/preferences";
    }
}
