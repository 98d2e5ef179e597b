package app.lantern.audit.web;

import app.lantern.audit.AuditCheckpoints;
import app.lantern.audit.AuditFilter;
import app.lantern.audit.AuditTrail;
import app.lantern.audit.AuditVerification;
import app.lantern.shared.PageQuery;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin page: the audit log filtered and paged, newest first, with chain verification and checkpoints. */
@Controller
@RequestMapping("/admin/audit")
class AuditAdminController {

    private static final int PAGE_SIZE = 50;

    private final AuditTrail trail;
    private final AuditVerification verification;
    private final AuditCheckpoints checkpoints;
    private final ZoneId zone;

    AuditAdminController(
            AuditTrail trail,
            AuditVerification verification,
            AuditCheckpoints checkpoints,
            @Value("${lantern.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.trail = trail;
        this.verification = verification;
        this.checkpoints = checkpoints;
        this.zone = zone;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        AuditRoles.requireAny("ADMIN");
        OffsetDateTime start = from == null ? null : from.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end =
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        AuditFilter filter = AuditFilters.of(entityType, entityId, actor, action, start, end);
        var result = trail.search(filter, PageQuery.of(page, PAGE_SIZE, null, Set.of("occurredAt"), "occurredAt,desc"));
        model.addAttribute("result", result);
        model.addAttribute(
                "filter", new Form(filter.entityType(), filter.entityId(), filter.actor(), filter.action(), from, to));
        model.addAttribute("checkpoint", checkpoints.latest().orElse(null));
        return htmx != null ? "audit/admin :: entries" : "audit/admin";
    }

    @PostMapping("/verify")
    String verify(Model model) {
        AuditRoles.requireAny("ADMIN");
        model.addAttribute("verification", verification.verify());
        return "audit/admin :: verification";
    }

    @PostMapping("/checkpoint")
    String checkpoint(Model model) {
        AuditRoles.requireAny("ADMIN");
        model.addAttribute("newCheckpoint", checkpoints.checkpoint("manual").orElse(null));
        model.addAttribute("checkpointTaken", true);
        return "audit/admin :: verification";
    }

    /** The filter as the form shows it again. */
    record Form(String entityType, String entityId, String actor, String action, LocalDate from, LocalDate to) {}
}
