package kz.shagym.web;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Refusals made by filters, before Spring MVC and its {@link ProblemHandler} run: the API still gets problem+json, the
 * pages the error page of that status.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String title,
                              String detail) throws IOException {
        if (!request.getRequestURI().startsWith("/api/")) {
            response.sendError(status, detail);
            return;
        }
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + json(title) + "\",\"status\":" + status
                + ",\"detail\":\"" + json(detail) + "\"}");
    }

    private static String json(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }
}
