package app.lantern.notification.web;

import app.lantern.identity.Directory;
import app.lantern.notification.ChannelKind;
import app.lantern.notification.DeliveryStatus;
import app.lantern.notification.NotificationChannels;
import app.lantern.notification.Notifications;
import app.lantern.shared.ValidationException;
import java.time.Duration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages: channels and the SSRF allow-list ({@code /admin/channels}), reach and the delivery log. */
@Controller
class AdminChannelsController {

    private final NotificationChannels channels;
    private final Notifications notifications;
    private final Directory directory;

    AdminChannelsController(NotificationChannels channels, Notifications notifications, Directory directory) {
        this.channels = channels;
        this.notifications = notifications;
        this.directory = directory;
    }

    @GetMapping("/admin/channels")
    String list(@RequestParam(required = false) Long edit, Model model) {
        model.addAttribute("channels", channels.list());
        model.addAttribute("hosts", channels.allowedHosts());
        model.addAttribute("kinds", ChannelKind.values());
        model.addAttribute("teams", directory.teams());
        model.addAttribute("reach", notifications.reach(Duration.ofDays(30)));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", edit == null ? null : channels.get(edit));
        }
        model.addAttribute("editId", edit);
        return "notification/admin-channels";
    }

    @PostMapping("/admin/channels")
    String save(
            @RequestParam(required = false) Long id,
            @RequestParam String name,
            @RequestParam ChannelKind kind,
            @RequestParam(required = false) String endpoint,
            @RequestParam(required = false) String appId,
            @RequestParam(required = false) String agentId,
            @RequestParam(required = false) String credentialEnv,
            @RequestParam(required = false) String secretEnv,
            @RequestParam(required = false) String msgFormat,
            @RequestParam(required = false) Long teamId,
            @RequestParam(defaultValue = "false") boolean defaultOn,
            @RequestParam(defaultValue = "false") boolean enabled,
            Model model,
            RedirectAttributes redirect) {
        var form = new NotificationChannels.ChannelForm(
                name, kind, endpoint, appId, agentId, credentialEnv, secretEnv, msgFormat, teamId, defaultOn, enabled);
        try {
            if (id == null) {
                channels.create(form);
            } else {
                channels.update(id, form);
            }
        } catch (ValidationException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute(
                    "form",
                    new NotificationChannels.ChannelView(
                            id == null ? 0 : id,
                            name,
                            kind,
                            endpoint,
                            appId,
                            agentId,
                            credentialEnv,
                            false,
                            secretEnv,
                            false,
                            msgFormat,
                            teamId,
                            defaultOn,
                            enabled));
            return list(id, model);
        }
        redirect.addFlashAttribute("message", "saved");
        return "redirect:/admin/channels";
    }

    @PostMapping("/admin/channels/hosts")
    String allowHost(@RequestParam String host, RedirectAttributes redirect) {
        try {
            channels.allowHost(host);
            redirect.addFlashAttribute("message", "hostAllowed");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("hostError", e.errors().getFirst().message());
        }
        return "redirect:/admin/channels";
    }

    @PostMapping("/admin/channels/hosts/remove")
    String removeHost(@RequestParam String host, RedirectAttributes redirect) {
        channels.removeHost(host);
        redirect.addFlashAttribute("message", "hostRemoved");
        return "redirect:/admin/channels";
    }

    @GetMapping("/admin/notifications")
    String deliveries(@RequestParam(required = false) DeliveryStatus status, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("statuses", DeliveryStatus.values());
        model.addAttribute("deliveries", channels.deliveries(status, 200));
        model.addAttribute("reach", notifications.reach(Duration.ofDays(30)));
        return "notification/admin-deliveries";
    }

    @PostMapping("/admin/notifications/deliveries/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        channels.retry(id);
        redirect.addFlashAttribute("message", "retried");
        return "redirect:/admin/notifications?status=FAILED";
    }
}
