package kz.shagym.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import kz.shagym.security.AccessDenials;
import kz.shagym.security.AccountStanding;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import kz.shagym.security.SecondFactorLogin;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The pages: form login with a session (and, for accounts with TOTP, a code page before the session counts as signed
 * in), CSRF tokens in every form, a new session id on login (fixation), and strict headers. It matches everything the API chain (/api/**, /actuator/**, HTTP Basic, stateless) does not, so it comes
 * after it.
 */
@Configuration
class WebSecurityConfiguration {

    /**
     * Styles may be inline because bpmn-js writes style attributes into the diagram's SVG; scripts never are (the case
     * page passes its data through data- attributes). The watermark is a data: image.
     */
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @ConditionalOnWebApplication // a command run without a server has no HTTP to secure
    @Order(2) // after the API chain (order 1), since this one matches every request
    SecurityFilterChain pages(HttpSecurity http, SecondFactorLogin secondFactor, AccessDenials denials,
                              AccountStanding standing) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", SecondFactorLogin.CODE_PATH, "/error", "/error/**", "/css/**", "/js/**",
                                "/vendor/**", "/diagrams/**", "/favicon.ico").permitAll()
                        .requestMatchers("/cases/new").hasAnyRole("ADMIN", "LAWYER", "STAFF")
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                // With a TOTP second factor the password only opens the code page; the code step has its own filter.
                .formLogin(form -> form.loginPage("/login").failureUrl("/login?error")
                        .authenticationDetailsSource(secondFactor.formLoginDetails())
                        .successHandler(secondFactor.passwordStepSuccess("/")))
                .addFilterBefore(secondFactor.codeStepFilter("/"), UsernamePasswordAuthenticationFilter.class)
                // a disabled account's or an ended session goes to the login page; a temporary password to its change
                .addFilterBefore(standing.pagesFilter(), AuthorizationFilter.class)
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .deleteCookies("JSESSIONID"))
                .sessionManagement(s -> s.sessionFixation(fixation -> fixation.changeSessionId()))
                // A URL rule's denial is recorded (a missing CSRF token is not: see AccessDenials); the error page then
                // renders the localized 403 template instead of Spring Security's bare response.
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> {
                    denials.record(request, denied);
                    response.sendError(HttpServletResponse.SC_FORBIDDEN);
                }))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny()))
                .build();
    }
}
