package kz.shagym.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import kz.shagym.security.UserChangeRefused;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;

/**
 * The messages of the account forms (administration and password pages), each naming its field in the page's
 * language: "Пароль: не короче 10 символов." Keyed by the form field, so the template ties each to its input.
 */
final class UserFormErrors {

    private final MessageSource messages;
    private final Locale locale;
    private final Map<String, String> byField = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();

    UserFormErrors(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** Names {@code field} in messages as the form labels it (the create form's "initial password"). */
    UserFormErrors labelled(String field, String label) {
        labels.put(field, label);
        return this;
    }

    /** A field that did not even bind (a control character in it). */
    UserFormErrors unprintable(BindingResult binding) {
        binding.getFieldErrors().forEach(error -> put(error.getField(), "users.error.PRINTABLE", 0));
        return this;
    }

    UserFormErrors refused(UserChangeRefused refused, String formField) {
        put(formField != null ? formField : "form", "users.error." + refused.reason().name(), refused.limit());
        return this;
    }

    boolean any() {
        return !byField.isEmpty();
    }

    Map<String, String> map() {
        return byField;
    }

    private void put(String field, String key, int limit) {
        String label = messages.getMessage("users.field." + labels.getOrDefault(field, field), null, field, locale);
        byField.putIfAbsent(field, messages.getMessage(key, new Object[] {label, limit}, locale));
    }
}
