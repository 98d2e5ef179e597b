package app.lantern.identity;

import app.lantern.shared.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer lt_…} requests to the API; a bad token is a 401, never a fallback. */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final PrincipalLoader principals;

    BearerTokenFilter(ApiTokens tokens, PrincipalLoader principals) {
        this.tokens = tokens;
        this.principals = principals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        var principal = tokens.authenticate(header.substring(7).trim())
                .flatMap(principals::byId)
                .filter(LanternPrincipal::isEnabled);
        if (principal.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            Problems.write(
                    response,
                    Problems.of(
                            HttpStatus.UNAUTHORIZED,
                            "unauthorized",
                            "Unauthorized",
                            "the token is invalid, expired or revoked"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                principal.get(), null, principal.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
