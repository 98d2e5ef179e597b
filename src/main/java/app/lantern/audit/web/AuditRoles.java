package app.lantern.audit.web;

import app.lantern.shared.ForbiddenException;
import java.util.Arrays;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Role checks from the security context (audit sits below identity, so it reads the granted authorities). */
final class AuditRoles {

    private AuditRoles() {}

    static boolean has(String... roles) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null
                && auth.getAuthorities().stream()
                        .anyMatch(a -> Arrays.stream(roles).anyMatch(r -> ("ROLE_" + r).equals(a.getAuthority())));
    }

    static void requireAny(String... roles) {
        if (!has(roles)) {
            throw new ForbiddenException("only " + String.join(" or ", roles).toLowerCase(java.util.Locale.ROOT)
                    + " users may read the audit log");
        }
    }
}
