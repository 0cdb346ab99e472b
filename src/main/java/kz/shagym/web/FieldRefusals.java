package kz.shagym.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The one shape of a refusal a feature words itself: problem+json with the detail, a code for programs and the field. */
final class FieldRefusals {

    private FieldRefusals() {
    }

    /** @param field the input at fault, or null when the refusal is not about one field */
    static ResponseEntity<ProblemDetail> of(HttpStatus status, String code, String field, String detail, Locale language) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        if (field != null) {
            problem.setProperty("field", field);
            problem.setProperty("errors", List.of(Map.of("field", field, "code", code, "message", detail)));
        }
        return ResponseEntity.status(status).header(HttpHeaders.CONTENT_LANGUAGE, language.getLanguage()).body(problem);
    }
}
