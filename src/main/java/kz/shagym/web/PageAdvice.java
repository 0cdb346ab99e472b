package kz.shagym.web;

import jakarta.servlet.http.HttpServletRequest;
import kz.shagym.security.AccessDenials;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors on pages are pages, not problem+json: this advice covers only the page controllers (all in this package) and
 * runs before {@link ProblemHandler}, which keeps answering the API.
 */
@ControllerAdvice(assignableTypes = {BoardController.class, CaseController.class, IntakeController.class,
        MyDeadlinesController.class, HomeController.class, AccountController.class, LetterWorkspaceController.class,
        UserAdminController.class, PasswordController.class, AttachmentPages.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageAdvice {

    private final AccessDenials denials;

    /** Optional only for MVC test slices that leave the security package (and the ledger it audits into) out. */
    PageAdvice(org.springframework.beans.factory.ObjectProvider<AccessDenials> denials) {
        this.denials = denials.getIfAvailable(AccessDenials::none);
    }

    /** Per-case denials are recorded by CaseAccess; any other (a role check) is recorded here, once. */
    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(AccessDeniedException e, HttpServletRequest request) {
        denials.record(request, e);
        return errorPage(HttpStatus.FORBIDDEN);
    }

    /** An id or parameter that is not even of its type (/cases/../etc): the page does not exist. */
    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ModelAndView malformed() {
        return errorPage(HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler(ApiException.class)
    ModelAndView api(ApiException e, HttpServletRequest request) {
        if (e.status() == HttpStatus.FORBIDDEN) {
            denials.record(request, e.getMessage());
        }
        return errorPage(e.status());
    }

    /**
     * A form read as an {@link OversizeForm} is never taken: when none of its fields is too long by itself (the bulk
     * was in something no form has), it is refused as a whole, above the form, which comes back as typed.
     */
    @org.springframework.web.bind.annotation.InitBinder
    void refuseOversizeForms(org.springframework.web.bind.WebDataBinder binder, HttpServletRequest request) {
        Object size = request.getAttribute(OversizeForm.ATTRIBUTE);
        // the target may still be null here (a form object made by its constructor): validators run only on form objects
        if (size == null) {
            return;
        }
        binder.addValidators(new org.springframework.validation.Validator() {
            @Override
            public boolean supports(Class<?> type) {
                return true;
            }

            @Override
            public void validate(Object target, org.springframework.validation.Errors errors) {
                if (!errors.hasErrors()) {
                    errors.reject("form.tooLarge", new Object[] {((Long) size) / (1024 * 1024)}, "form too large");
                }
            }
        });
    }

    /** A refusal of the domain that no form caught: a bad request, shown as the error page, never a 500. */
    @ExceptionHandler(kz.shagym.complaint.InvalidFact.class)
    ModelAndView invalidFact() {
        return errorPage(HttpStatus.BAD_REQUEST);
    }

    private static ModelAndView errorPage(HttpStatus status) {
        // error.html is also Spring Boot's fallback error page, so other statuses share it.
        ModelAndView page = new ModelAndView(status == HttpStatus.FORBIDDEN || status == HttpStatus.NOT_FOUND
                ? "error/" + status.value() : "error");
        page.setStatus(status);
        page.addObject("status", status.value());
        return page;
    }
}
