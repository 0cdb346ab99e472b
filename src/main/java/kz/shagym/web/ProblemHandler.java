package kz.shagym.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import kz.shagym.complaint.FactProblem;
import kz.shagym.complaint.InvalidFact;
import kz.shagym.complaint.RegionCatalog;
import org.springframework.context.MessageSource;
import org.springframework.web.context.request.ServletWebRequest;
import kz.shagym.security.AccessDenials;
import kz.shagym.security.CaseAccessDeniedException;
import kz.shagym.deadline.CalendarRangeException;
import kz.shagym.deadline.DeadlineException;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error is RFC 9457 problem+json naming the offending field, so a lawyer's client (or a script) can
 * show the message next to the right input. Nothing here leaks stack traces or victim data.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final AccessDenials denials;
    private final MessageSource messages;
    private final FactMessages facts;
    private final RegionCatalog regions;

    /** Optional only for MVC test slices that leave the security package (and the ledger it audits into) out. */
    ProblemHandler(org.springframework.beans.factory.ObjectProvider<AccessDenials> denials, MessageSource messages,
                   org.springframework.beans.factory.ObjectProvider<RegionCatalog> regions) {
        this.regions = regions.getIfAvailable(() -> RegionCatalog.load(java.nio.file.Path.of("config", "regions.yaml")));
        this.denials = denials.getIfAvailable(AccessDenials::none);
        this.messages = messages;
        this.facts = new FactMessages(messages);
    }

    /**
     * A fact the ledger refused: the detail in the request's language (Accept-Language: ru, kk, en; English by
     * default), the field by its API name and the problem's code, both for programs.
     */
    @ExceptionHandler(InvalidFact.class)
    ResponseEntity<ProblemDetail> invalidFact(InvalidFact e, HttpServletRequest request) {
        Locale language = FactMessages.apiLanguage(request);
        String detail = facts.message(e, language);
        HttpStatus status = e.problem().conflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", e.problem().name());
        // where the case stands, for programs, when that is why the fact does not fit
        List<Object> stages = e.args().stream().filter(a -> a instanceof kz.shagym.complaint.Stage).toList();
        if (!stages.isEmpty()) {
            problem.setProperty("stage", stages.get(0).toString());
        }
        if (stages.size() > 1) {
            problem.setProperty("fitsAt", stages.get(1).toString());
        }
        if (e.problem() == FactProblem.UNKNOWN_REGION) {
            // what a program may send instead: every code with its name in the request's language
            problem.setProperty("regions", regions.all().stream()
                    .map(r -> Map.of("code", r.code(), "name", r.name(language.getLanguage()))).toList());
        }
        if (e.field() != null) {
            problem.setProperty("field", e.field());
            problem.setProperty("errors", List.of(Map.of("field", e.field(), "code", e.problem().name(), "message", detail)));
        }
        return ResponseEntity.status(status).header(HttpHeaders.CONTENT_LANGUAGE, language.getLanguage()).body(problem);
    }

    /** A controller's own role check answers 403 through here: recorded like every other denial. */
    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
        if (e.status() == HttpStatus.FORBIDDEN) {
            denials.record(request, e.getMessage());
        }
        return problem(e);
    }

    private static ResponseEntity<ProblemDetail> problem(ApiException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
            problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        }
        return ResponseEntity.status(e.status()).body(problem);
    }

    /** An account change the rules refuse (kz.shagym.security.UserAdministration), naming its field. */
    @ExceptionHandler(kz.shagym.security.UserChangeRefused.class)
    ResponseEntity<ProblemDetail> userChange(kz.shagym.security.UserChangeRefused e) {
        HttpStatus status = switch (e.reason()) {
            case USERNAME_TAKEN, LAST_ADMIN, OWN_ACCOUNT -> HttpStatus.CONFLICT;
            case NO_SUCH_USER -> HttpStatus.NOT_FOUND;
            case THROTTLED -> HttpStatus.TOO_MANY_REQUESTS;
            case TOKEN -> HttpStatus.FORBIDDEN;
            default -> HttpStatus.BAD_REQUEST;
        };
        return problem(new ApiException(status, e.field(), e.getMessage()));
    }

    /**
     * A per-case denial (already recorded by CaseAccess) or a role denial by {@code @PreAuthorize}, recorded here: each
     * is in the audit trail once.
     */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        denials.record(request, e);
        String detail = e instanceof CaseAccessDeniedException ? "you are not allowed to see or change this case"
                : "your role does not allow this";
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail));
    }

    /**
     * A deadline the rules cannot compute for a date the other checks let through: a rule not in force on that date
     * (400, as the deadline API answers), a year whose calendar is not loaded yet (422). Never a 500.
     */
    @ExceptionHandler(DeadlineException.class)
    ResponseEntity<ProblemDetail> deadline(DeadlineException e) {
        HttpStatus status = e instanceof CalendarRangeException ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.BAD_REQUEST;
        return problem(new ApiException(status, e.field(), "no deadline can be computed: " + e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(ApiException.badRequest(e.getName(), "'" + abbreviate(String.valueOf(e.getValue())) + "' is not a valid " + e.getName()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Locale language = request instanceof ServletWebRequest servlet ? FactMessages.apiLanguage(servlet.getRequest()) : FactMessages.ENGLISH;
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(fe -> Map.of("field", fe.getField(), "message", constraintMessage(fe, language)))
                .toList();
        String detail = errors.stream().map(m -> m.get("field") + ": " + m.get("message")).collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("errors", errors);
        if (!errors.isEmpty()) {
            problem.setProperty("field", errors.get(0).get("field"));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /** The constraint's message from the bundles ("NotNull", "Size"...) in the request's language, Hibernate's otherwise. */
    private String constraintMessage(org.springframework.validation.FieldError error, Locale language) {
        try {
            return messages.getMessage(error, language);
        } catch (org.springframework.context.NoSuchMessageException e) {
            return String.valueOf(error.getDefaultMessage());
        }
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String field = field(e);
        String detail = "the request body is not valid JSON";
        Throwable cause = e.getMostSpecificCause();
        if (field != null && e.getCause() instanceof JsonMappingException mapping) {
            if (mapping instanceof UnrecognizedPropertyException) {
                detail = field + ": unknown field";
            } else if (mapping instanceof InvalidFormatException invalid) {
                detail = field + ": '" + abbreviate(String.valueOf(invalid.getValue())) + "' is not a valid "
                        + invalid.getTargetType().getSimpleName() + explainFormat(invalid.getTargetType());
            } else {
                detail = field + ": " + abbreviate(cause.getMessage() == null ? "invalid value" : firstLine(cause.getMessage()));
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        if (field != null) {
            problem.setProperty("field", field);
            problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        }
        log.debug("unreadable request: {}", detail);
        return ResponseEntity.badRequest().body(problem);
    }

    /** The JSON field a body could not be read at ("victim.fullName", "routes[0]"), or null for broken JSON. */
    public static String field(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        return null;
    }

    private static String explainFormat(Class<?> type) {
        if (type.getSimpleName().equals("OffsetDateTime")) {
            return " (expected an ISO-8601 date-time with offset, e.g. 2026-05-01T15:00:00+05:00)";
        }
        if (type.getSimpleName().equals("LocalDate")) {
            return " (expected an ISO-8601 date, e.g. 2026-05-01)";
        }
        if (type.isEnum()) {
            return " (expected one of " + java.util.Arrays.toString(type.getEnumConstants()) + ")";
        }
        return "";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
