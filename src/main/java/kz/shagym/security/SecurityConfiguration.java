package kz.shagym.security;

import jakarta.servlet.http.HttpServletResponse;
import kz.shagym.web.ProblemResponses;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.firewall.RequestRejectedHandler;

@Configuration
@org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * Spring's publisher, except that refusals it has no event for (a Basic login of an account with a second factor, a
     * wrong TOTP code) are published as bad-credentials failures instead of silently dropped, so that
     * {@link AuthenticationAudit} records and counts them.
     */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        DefaultAuthenticationEventPublisher events = new DefaultAuthenticationEventPublisher(publisher);
        events.setDefaultAuthenticationFailureEvent(AuthenticationFailureBadCredentialsEvent.class);
        return events;
    }

    /**
     * Spring Security's firewall refuses paths that could mean two things to two parsers (a ';', an encoded '.' or
     * '%', a backslash) before any chain runs: a 400 as problem+json on the API, the error page elsewhere.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> ProblemResponses.refuse(request, response, HttpServletResponse.SC_BAD_REQUEST,
                "Bad Request", "the request path is malformed");
    }

    /**
     * The API: stateless, HTTP Basic or a personal token ({@code Authorization: Bearer shg_…}); health is public so that
     * load balancers and the README's check can see it. Order 1: before the pages' chain
     * (kz.shagym.web.WebSecurityConfiguration, order 2), which matches every other request.
     */
    @Bean
    @ConditionalOnWebApplication // a command run without a server has no HTTP to secure
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, AuditLog audit, AuthenticationAudit authenticationAudit,
                            AccessDenials denials, AccountStanding standing) throws Exception {
        return http
                .securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(EndpointRequest.to("health", "info")).permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/api/users/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .addFilterBefore(new ApiTokenFilter(tokens, audit, authenticationAudit), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized()))
                // a password set by an administrator opens nothing but its own change
                .addFilterBefore(standing.apiFilter(), org.springframework.security.web.access.intercept.AuthorizationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized())
                        // a URL rule's denial (a lawyer on /api/users): recorded, and answered as problem+json
                        .accessDeniedHandler((request, response, denied) -> {
                            denials.record(request, denied);
                            AuthProblems.write(response, HttpStatus.FORBIDDEN, "your role does not allow this");
                        }))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // stateless Basic/bearer auth: no session cookie to ride on
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)))
                .build();
    }

    /**
     * 401 as problem+json saying what to do. No WWW-Authenticate: Basic header, so a browser that strays onto the API
     * shows no password dialog.
     */
    private static AuthenticationEntryPoint unauthorized() {
        return (request, response, failure) -> AuthProblems.write(response, HttpStatus.UNAUTHORIZED,
                switch (failure) {
                    case SecondFactorRequiredException second -> second.getMessage();
                    case org.springframework.security.authentication.BadCredentialsException bad -> "wrong user name or password";
                    case org.springframework.security.authentication.DisabledException disabled -> "the account is disabled";
                    default -> "authentication required: HTTP Basic, or Authorization: Bearer <personal API token>";
                });
    }
}
