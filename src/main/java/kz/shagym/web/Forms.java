package kz.shagym.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.springframework.validation.BindingResult;

/** Conversions between what forms post (Almaty local dates and times) and what the domain takes (instants). */
final class Forms {

    /** A filing made "on a day": the office's morning, unless that is still ahead of now (a filing made today). */
    private static final LocalTime OFFICE_MORNING = LocalTime.of(9, 0);

    private Forms() {
    }

    static OffsetDateTime almaty(LocalDateTime local) {
        return local == null ? null : local.atZone(Formats.ALMATY).toOffsetDateTime();
    }

    static OffsetDateTime filedOn(LocalDate day, Instant now) {
        Instant morning = day.atTime(OFFICE_MORNING).atZone(Formats.ALMATY).toInstant();
        Instant at = morning.isAfter(now) && day.equals(LocalDate.ofInstant(now, Formats.ALMATY)) ? now : morning;
        return at.atZone(Formats.ALMATY).toOffsetDateTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /**
     * A form sent back with its errors is a refused request: 400, like the API's answer to the same input, so that
     * nothing (a proxy, a script, a test) mistakes it for a success. The browser shows the page all the same.
     */
    static String refused(HttpServletResponse response, String view) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return view;
    }

    /** Shows the domain's refusal next to the field it names, or above the form when it names none. */
    static void reject(BindingResult result, String formField, ApiException e) {
        reject(result, formField, e.getMessage());
    }

    /** Shows a refused fact, worded in the page's language, next to the field it names (above the form otherwise). */
    static void reject(BindingResult result, String formField, String message) {
        if (formField != null && hasProperty(result, formField)) {
            result.rejectValue(formField, "domain", message);
        } else {
            result.reject("domain", message);
        }
    }

    private static boolean hasProperty(BindingResult result, String field) {
        try {
            return result.getFieldType(field) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
