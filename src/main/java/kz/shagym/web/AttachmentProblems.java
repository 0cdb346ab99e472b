package kz.shagym.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import kz.shagym.attachment.AttachmentRefused;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An attachment refused (bad type, over-size, content not what the name says…): problem+json in the request's
 * language (Accept-Language ru, kk, en), with the field and the reason's code for programs.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AttachmentProblems {

    private final MessageSource messages;

    AttachmentProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** The refusal in words, for the API and the pages alike. */
    static String message(MessageSource messages, AttachmentRefused e, Locale language) {
        return messages.getMessage("attachment.refused." + e.reason().name(), e.args().toArray(), e.reason().name(), language);
    }

    @ExceptionHandler(AttachmentRefused.class)
    ResponseEntity<ProblemDetail> refused(AttachmentRefused e, HttpServletRequest request) {
        Locale language = FactMessages.apiLanguage(request);
        String detail = message(messages, e, language);
        HttpStatus status = e.reason() == AttachmentRefused.Reason.NO_SUCH_ATTACHMENT ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        return FieldRefusals.of(status, e.reason().name(), e.field(), detail, language);
    }
}
