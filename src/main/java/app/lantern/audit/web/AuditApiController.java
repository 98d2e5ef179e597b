package app.lantern.audit.web;

import app.lantern.audit.AuditCheckpoint;
import app.lantern.audit.AuditCheckpoints;
import app.lantern.audit.AuditEntry;
import app.lantern.audit.AuditFilter;
import app.lantern.audit.AuditTrail;
import app.lantern.audit.AuditVerification;
import app.lantern.audit.AuditVerificationResult;
import app.lantern.shared.PageQuery;
import app.lantern.shared.PageResult;
import java.time.OffsetDateTime;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log over REST: entries (admins and executives), chain verification and checkpoints (admins). */
@RestController
@RequestMapping("/api/v1/audit")
class AuditApiController {

    private final AuditTrail trail;
    private final AuditVerification verification;
    private final AuditCheckpoints checkpoints;

    AuditApiController(AuditTrail trail, AuditVerification verification, AuditCheckpoints checkpoints) {
        this.trail = trail;
        this.verification = verification;
        this.checkpoints = checkpoints;
    }

    @GetMapping
    PageResult<EntryJson> list(
            @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        AuditRoles.requireAny("ADMIN", "EXECUTIVE");
        AuditFilter filter = AuditFilters.of(entityType, entityId, actor, action, from, to);
        PageQuery query = PageQuery.of(page, size, sort, Set.of("occurredAt"), "occurredAt,desc");
        return trail.search(filter, query).map(EntryJson::of);
    }

    @GetMapping("/verify")
    AuditVerificationResult verify() {
        AuditRoles.requireAny("ADMIN");
        return verification.verify();
    }

    @PostMapping("/checkpoints")
    ResponseEntity<AuditCheckpoint> checkpoint() {
        AuditRoles.requireAny("ADMIN");
        return checkpoints
                .checkpoint("manual")
                .map(c -> ResponseEntity.status(HttpStatus.CREATED).body(c))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    /** An entry as JSON: ids as strings, changes as the stored JSON text. */
    record EntryJson(
            String id,
            OffsetDateTime occurredAt,
            String actorId,
            String actorName,
            String ip,
            String userAgent,
            String requestId,
            String entityType,
            String entityId,
            String action,
            String changes) {

        static EntryJson of(AuditEntry e) {
            return new EntryJson(
                    Long.toString(e.id()),
                    e.occurredAt(),
                    e.actorId() == null ? null : Long.toString(e.actorId()),
                    e.actorName(),
                    e.ip(),
                    e.userAgent(),
                    e.requestId(),
                    e.entityType(),
                    e.entityId(),
                    e.action(),
                    e.changes());
        }
    }
}
