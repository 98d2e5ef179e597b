package app.lantern.audit.web;

import app.lantern.audit.SecurityEventKind;
import app.lantern.audit.SecurityEvents;
import app.lantern.shared.PageQuery;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin page of security events: refused attempts aggregated per minute, newest first, filterable by kind. */
@Controller
@RequestMapping("/admin/security-events")
class SecurityEventsController {

    private static final int PAGE_SIZE = 50;

    private final SecurityEvents events;

    SecurityEventsController(SecurityEvents events) {
        this.events = events;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) SecurityEventKind kind,
            @RequestParam(required = false) Integer page,
            Model model) {
        AuditRoles.requireAny("ADMIN");
        model.addAttribute("kinds", SecurityEventKind.values());
        model.addAttribute("kind", kind);
        model.addAttribute(
                "result", events.recent(kind, PageQuery.of(page, PAGE_SIZE, null, Set.of("lastAt"), "lastAt")));
        return "audit/security-events";
    }
}
