package kz.shagym.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What a response discloses beyond a case's stage and dates (the victim's identity, the medical facts), noted by whoever
 * builds it so that the audit entry of the request ({@link AuditInterceptor}) says so: an auditor can then list who
 * read a victim's medical facts, not merely who opened the case. Outside a web request (jobs, tests) it does nothing.
 */
public final class Disclosure {

    public static final String IDENTITY = "victim identity";
    public static final String MEDICAL_FACTS = "medical facts";
    public static final String CASE_FILE = "case file";
    private static final String ATTRIBUTE = Disclosure.class.getName();

    private Disclosure() {
    }

    public static void note(String what) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            @SuppressWarnings("unchecked")
            Set<String> noted = (Set<String>) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
            if (noted == null) {
                noted = new LinkedHashSet<>();
                attributes.setAttribute(ATTRIBUTE, noted, RequestAttributes.SCOPE_REQUEST);
            }
            noted.add(what);
        }
    }

    /** What the request disclosed, for its audit entry ("" when nothing was noted). */
    static String of(HttpServletRequest request) {
        Object noted = request.getAttribute(ATTRIBUTE);
        return noted instanceof Set<?> set && !set.isEmpty() ? "; disclosed: " + String.join(", ", set.stream().map(String::valueOf).toList()) : "";
    }
}
