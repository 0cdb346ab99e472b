package kz.shagym.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kz.shagym.complaint.InvalidFact;
import kz.shagym.complaint.RegionCatalog;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Words the domain's refusals ({@link InvalidFact}) for a reader: in the page's language on the pages, in the request's
 * Accept-Language on the API (English unless ru or kk is asked for). The field is named as the form labels it, and
 * dates are written as lawyers enter them: Almaty time, dd.MM.yyyy HH:mm, or dd.MM.yyyy for a day.
 */
@Component
public class FactMessages {

    static final Locale ENGLISH = Locale.ENGLISH;

    private final MessageSource messages;

    FactMessages(MessageSource messages) {
        this.messages = messages;
    }

    public String message(InvalidFact fact, Locale locale) {
        List<Object> args = new ArrayList<>();
        args.add(fieldName(fact.field(), locale));
        fact.args().forEach(a -> args.add(written(a, locale.getLanguage())));
        return messages.getMessage("fact." + fact.problem().name(), args.toArray(), fact.getMessage(), locale);
    }

    /** The field as its form labels it ({@code learnedAt} → "Когда узнали"); a field without a label keeps its API name. */
    public String fieldName(String apiField, Locale locale) {
        if (apiField == null) {
            return "";
        }
        // the case file at intake ("caseFile.applicant.iin") is labelled as on the case page ("applicant.iin")
        String labelled = apiField.startsWith("caseFile.") ? apiField.substring("caseFile.".length()) : apiField;
        return messages.getMessage("field." + labelled, null, apiField, locale);
    }

    /** The bundle prefix of each kind of enum a refusal names: never shown as its code. */
    private static final java.util.Map<Class<?>, String> ENUM_KEYS = java.util.Map.of(
            kz.shagym.complaint.EventType.class, "event.", kz.shagym.complaint.Stage.class, "stage.",
            kz.shagym.complaint.Rung.class, "rung.", kz.shagym.complaint.EventCommand.Authority.class, "authority.");

    private Object written(Object arg, String language) {
        if (arg instanceof List<?> list) {
            return String.join(", ", list.stream().map(item -> written(item, language).toString()).toList());
        }
        if (arg instanceof RegionCatalog.Region region) {
            return region.name(language);
        }
        if (arg instanceof Enum<?> e && ENUM_KEYS.containsKey(e.getDeclaringClass())) {
            return messages.getMessage(ENUM_KEYS.get(e.getDeclaringClass()) + e.name(), null, e.name(), Locale.forLanguageTag(language));
        }
        if (arg instanceof Instant instant) {
            return Formats.almaty(instant);
        }
        if (arg instanceof LocalDate date) {
            return Formats.date(date);
        }
        return String.valueOf(arg);
    }

    /**
     * The API's language: the first of ru, kk, en that Accept-Language asks for, English otherwise (a script that
     * asks for nothing gets what it got before, in English). A malformed header is no reason to fail the answer.
     */
    public static Locale apiLanguage(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return ENGLISH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String language = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                if (range.getWeight() > 0 && Languages.supported(language)) {
                    return Locale.forLanguageTag(language);
                }
            }
        } catch (IllegalArgumentException malformed) {
            return ENGLISH;
        }
        return ENGLISH;
    }
}
