package kz.shagym.web;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Form fields and query parameters hold printable text only, as JSON bodies do ({@link JsonStrictness}): a control
 * character is a binding error (400, "wrong format" next to the field), never a value stored and later unwritable.
 */
@ControllerAdvice
class TextBinding {

    @InitBinder
    void printableText(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (text != null && !Text.printable(text)) {
                    throw new IllegalArgumentException("contains a control character that no document can hold");
                }
                setValue(text);
            }
        });
    }
}
