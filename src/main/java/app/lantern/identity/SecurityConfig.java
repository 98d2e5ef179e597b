package app.lantern.identity;

import app.lantern.audit.SecurityEvents;
import app.lantern.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String CSP = "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
            + "form-action 'self'; base-uri 'self'; object-src 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(PrincipalLoader principals, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(principals);
        provider.setPasswordEncoder(encoder);
        // The password is checked before the account state, so that only someone who knows it learns that an
        // account is deactivated; a wrong password for a deactivated user fails like any wrong password.
        provider.setPreAuthenticationChecks(user -> {});
        provider.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("deactivated");
            }
        });
        return new ProviderManager(provider);
    }

    @Bean
    SecurityFilterChain security(
            HttpSecurity http,
            ApiTokens tokens,
            PrincipalLoader principals,
            LoginThrottle throttle,
            LoginOutcomes outcomes,
            AuthenticationManager authenticationManager,
            SecurityEvents securityEvents)
            throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        RequestMatcher bearer = (HttpServletRequest r) -> {
            String h = r.getHeader("Authorization");
            return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7);
        };
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/login", "/setup", "/error", "/error/**", "/favicon.*")
                        .permitAll()
                        .requestMatchers("/webjars/**", "/css/**", "/js/**", "/img/**")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        // metrics reveal volumes and activity: a scraper signs in with an API token (docs/security.md)
                        .requestMatchers("/actuator/prometheus")
                        .authenticated()
                        .requestMatchers(
                                "/public/**", "/api/v1/public/**", "/api/v1/inbound/**", "/integrations/wecom/callback")
                        .permitAll()
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/auth/tokens")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/admin/**", "/api/v1/admin/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens, principals), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(outcomes)
                        .failureHandler(outcomes)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        bearer,
                        PathPatternRequestMatcher.withDefaults().matcher("/api/v1/auth/tokens"),
                        PathPatternRequestMatcher.withDefaults().matcher("/api/v1/public/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/api/v1/inbound/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/integrations/wecom/callback")))
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                                (request, response, e) -> Problems.write(
                                        response,
                                        Problems.of(
                                                HttpStatus.UNAUTHORIZED,
                                                "unauthorized",
                                                "Unauthorized",
                                                "sign in or send a Bearer token")),
                                api)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"), new NegatedRequestMatcher(api))
                        .accessDeniedHandler(new RefusalHandler(securityEvents, api)))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), geolocation=(), microphone=(self)")));
        return http.build();
    }
}
