package app.lantern.integration.web;

import app.lantern.integration.WebhookEvent;
import app.lantern.integration.Webhooks;
import app.lantern.shared.ValidationException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin page of outbound webhooks: subscriptions, a test button, the delivery log with attempts and replay. */
@Controller
class AdminWebhooksController {

    private static final String PAGE = "/admin/integrations/webhooks";

    private final Webhooks webhooks;

    AdminWebhooksController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping(PAGE)
    String page(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Long webhook,
            @RequestParam(required = false) Long delivery,
            Model model) {
        model.addAttribute("subscriptions", webhooks.subscriptions());
        model.addAttribute("events", WebhookEvent.wireNames());
        model.addAttribute("statuses", Webhooks.STATUSES);
        model.addAttribute("status", status);
        model.addAttribute("webhook", webhook);
        model.addAttribute("deliveries", webhooks.deliveries(webhook, status, 100));
        if (delivery != null) {
            model.addAttribute("selected", webhooks.delivery(delivery));
            model.addAttribute("attempts", webhooks.attempts(delivery));
        }
        return "integration/webhooks";
    }

    @PostMapping(PAGE)
    String subscribe(
            @RequestParam(required = false) String url,
            @RequestParam(required = false) List<String> events,
            @RequestParam(required = false) String description,
            Model model,
            RedirectAttributes redirect) {
        try {
            var created = webhooks.subscribe(url, events, description);
            redirect.addFlashAttribute("secret", created.secret());
            redirect.addFlashAttribute("message", "subscribed");
            return "redirect:" + PAGE;
        } catch (ValidationException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("formUrl", url);
            model.addAttribute("formEvents", events == null ? List.of() : events);
            model.addAttribute("formDescription", description);
            return page(null, null, null, model);
        }
    }

    @PostMapping(PAGE + "/{id}/active")
    String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
        webhooks.setActive(id, active);
        redirect.addFlashAttribute("message", active ? "activated" : "deactivated");
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/{id}/test")
    String test(@PathVariable long id) {
        var outcome = webhooks.test(id);
        return "redirect:" + PAGE + "?delivery=" + outcome.id();
    }

    @PostMapping(PAGE + "/deliveries/{id}/replay")
    String replay(@PathVariable long id, RedirectAttributes redirect) {
        try {
            long replay = webhooks.replay(id);
            redirect.addFlashAttribute("message", "replayed");
            return "redirect:" + PAGE + "?delivery=" + replay;
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", e.errors().getFirst().message());
            return "redirect:" + PAGE + "?delivery=" + id;
        }
    }
}
