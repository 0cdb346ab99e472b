package kz.shagym.notify;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

@Configuration
class CalendarSecurity {

    /**
     * Calendar apps fetch feeds without logging in, so /ics/** is open: the unguessable token in the path is the
     * credential. Ordered before the API chain; stateless, and nothing here reads a cookie, so no CSRF surface.
     */
    @Bean
    @ConditionalOnWebApplication // a command run without a server has no HTTP to secure
    @Order(1)
    SecurityFilterChain calendarFeeds(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/ics/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .build();
    }
}
