package kz.shagym.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Audits the requests that disclose a case, by the matched route rather than inside each controller, so that a new
 * endpoint under these routes is audited without anyone remembering to: case reads (API and page), exports, letter
 * downloads and regenerations, name searches, changes of medical facts. What the answer disclosed beyond stage and dates
 * ({@link Disclosure}: identity, medical facts) is part of the entry. Only answered requests (status below 400) are
 * recorded here; denials are recorded by {@link CaseAccess} and failed logins by {@link AuthenticationAudit}.
 */
@Configuration
class AuditInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("GET /api/complaints/{id}", "CASE_READ"),
            Map.entry("GET /api/complaints/{id}/letters/{letterId}", "LETTER_DOWNLOAD"),
            Map.entry("GET /api/complaints/{id}/letters/{letterId}/versions/{version}", "LETTER_DOWNLOAD"),
            Map.entry("POST /api/complaints/{id}/letters/{letterId}/regenerate", "LETTER_GENERATE"),
            Map.entry("PUT /api/complaints/{id}/medical-facts", "MEDICAL_FACTS_UPDATE"),
            Map.entry("GET /api/complaints/{id}/case-file", "CASE_FILE_READ"),
            Map.entry("GET /cases/{id}", "CASE_READ"),
            Map.entry("GET /cases/{id}/letters/{letterId}", "LETTER_DOWNLOAD"),
            // the letters workspace: the page (what changed between versions quotes the letters), its page images,
            // the PDF and every version's DOCX
            Map.entry("GET /cases/{id}/letters/{letterId}/review", "LETTER_PREVIEW"),
            Map.entry("GET /cases/{id}/letters/{letterId}/pages/{page}.png", "LETTER_PREVIEW"),
            Map.entry("GET /cases/{id}/letters/{letterId}/pdf", "LETTER_DOWNLOAD"),
            Map.entry("GET /cases/{id}/letters/{letterId}/versions/{version}", "LETTER_DOWNLOAD"),
            Map.entry("POST /cases/{id}/letters/{letterId}/regenerate", "LETTER_GENERATE"));

    private final AuditLog audit;

    AuditInterceptor(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**", "/cases/**", "/board", "/board/**");
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (response.getStatus() >= 400 || ex != null) {
            return;
        }
        String action = action(request);
        if (action != null) {
            audit.record(actor(), action, target(request), request.getMethod() + " " + request.getRequestURI()
                    + " -> " + response.getStatus() + " from " + request.getRemoteAddr() + Disclosure.of(request));
        }
    }

    private static String action(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern == null) {
            return null;
        }
        String route = request.getMethod() + " " + pattern;
        if (route.startsWith("GET /api/reports/") || route.equals("GET /board/stages.xlsx")) {
            return "EXPORT";
        }
        if (route.equals("GET /board") && request.getParameter("victimName") != null
                && !request.getParameter("victimName").isBlank()) {
            return "VICTIM_NAME_SEARCH"; // the board's search: the name is not recorded either
        }
        if (route.equals("GET /api/complaints") && request.getParameter("victimName") != null) {
            return "VICTIM_NAME_SEARCH"; // the name itself is not recorded
        }
        return ACTIONS.get(route);
    }

    @SuppressWarnings("unchecked")
    private static String target(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables instanceof Map<?, ?> map && map.get("id") != null) {
            Object letter = map.get("letterId");
            return "complaint " + map.get("id") + (letter == null ? "" : " letter " + letter);
        }
        return null;
    }

    private static String actor() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user == null ? null : user.getName();
    }
}
