package kz.shagym.deadline.api;

import kz.shagym.deadline.CalendarRangeException;
import kz.shagym.deadline.DeadlineException;
import kz.shagym.web.ProblemHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Deadline errors as RFC 9457 problem+json with the offending {@code field}; scoped to the deadline controller. */
@RestControllerAdvice(assignableTypes = DeadlineController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DeadlineProblemAdvice {

    @ExceptionHandler(DeadlineException.class)
    ResponseEntity<ProblemDetail> deadline(DeadlineException e) {
        // A missing calendar year is well-formed input we cannot serve yet (422); everything else is bad input (400).
        HttpStatus status = e instanceof CalendarRangeException ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.BAD_REQUEST;
        return problem(status, e.getClass().getSimpleName().replace("Exception", ""), e.field(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        String field = ProblemHandler.field(e);
        String expected = "give {\"rule\",\"trigger\"} or {\"regime\",\"period\",\"trigger\"}, each a string"
                + " (extraNonWorkingDays and extraWorkingDays: lists of dates as strings)";
        return field == null
                ? problem(HttpStatus.BAD_REQUEST, "MalformedJson", "body", "request body is not valid JSON for this endpoint: " + expected)
                : problem(HttpStatus.BAD_REQUEST, "MalformedJson", field, field + " has a value of the wrong type or form: " + expected);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("field", field);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
