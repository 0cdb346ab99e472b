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

/** A letter asked for in a language its kind is not written in: 400 in the request's language, naming the language. */
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

    @ExceptionHandler(LetterLanguageRefused.class)
    ResponseEntity<ProblemDetail> refused(LetterLanguageRefused e, HttpServletRequest request) {
        Locale language = FactMessages.apiLanguage(request);
        String detail = message(messages, e, language);
        ResponseEntity<ProblemDetail> refused = FieldRefusals.of(HttpStatus.BAD_REQUEST, "LANGUAGE_NOT_OFFERED", "language", detail, language);
        refused.getBody().setProperty("offered", e.offered());
        return refused;
    }
}
