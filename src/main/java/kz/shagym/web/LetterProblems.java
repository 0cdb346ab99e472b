package kz.shagym.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import kz.shagym.letter.LetterLanguageRefused;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** What the letters refuse: a language a kind is not written in, a change its state does not allow, a PDF that cannot be made. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class LetterProblems {

    private final MessageSource messages;

    LetterProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** The refusal in words, for the API and the pages alike: a UN communication in Kazakh has a message of its own. */
    static String message(MessageSource messages, LetterLanguageRefused e, Locale language) {
        String asked = e.language() == null || e.language().isBlank() ? "—" : e.language();
        String key = e.kind().toUn() && "kk".equals(e.language()) ? "letter.language.refused.unKazakh" : "letter.language.refused";
        return messages.getMessage(key, new Object[] {asked, String.join(", ", e.offered())}, key, language);
    }

    /** A letter whose state does not allow the change: 409 (400 for an upload that is no DOCX), in the caller's language. */
    @ExceptionHandler(kz.shagym.letter.LetterRefused.class)
    ResponseEntity<ProblemDetail> refused(kz.shagym.letter.LetterRefused e, HttpServletRequest request) {
        Locale language = FactMessages.apiLanguage(request);
        String key = "letter.refused." + e.reason().name();
        String detail = messages.getMessage(key, new Object[] {e.status()}, key, language);
        boolean content = e.reason() == kz.shagym.letter.LetterRefused.Reason.NOT_DOCX;
        return FieldRefusals.of(content ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT, e.reason().name(),
                content ? "content" : null, detail, language);
    }

    /** No PDF can be made now (LibreOffice missing or failing): 503, the DOCX is still there. */
    @ExceptionHandler(kz.shagym.letter.PdfUnavailable.class)
    ResponseEntity<ProblemDetail> pdfUnavailable(kz.shagym.letter.PdfUnavailable e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
    }

    @ExceptionHandler(LetterLanguageRefused.class)
    ResponseEntity<ProblemDetail> refused(LetterLanguageRefused e, HttpServletRequest request) {
        Locale language = FactMessages.apiLanguage(request);
        String detail = message(messages, e, language);
        ResponseEntity<ProblemDetail> refused = FieldRefusals.of(HttpStatus.BAD_REQUEST, "LANGUAGE_NOT_OFFERED", "language", detail, language);
        refused.getBody().setProperty("offered", e.offered());
        return refused;
    }
}
