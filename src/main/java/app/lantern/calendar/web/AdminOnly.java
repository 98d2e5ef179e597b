package app.lantern.calendar.web;

import app.lantern.shared.ForbiddenException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Calendar edits are configuration changes: only admins may make them. */
final class AdminOnly {

    private AdminOnly() {}

    static void require() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean admin = auth != null
                && auth.isAuthenticated()
                && auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        if (!admin) {
            throw new ForbiddenException("only administrators may change the working calendar");
        }
    }
}
