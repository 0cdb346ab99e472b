package kz.shagym.deadline;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.StringJoiner;

/**
 * Explanation templates in ru / kk / en from {@code messages/deadline_<lang>.properties} (UTF-8).
 * Placeholders {0}, {1}… are replaced literally (no MessageFormat: its quote rules break ordinary text).
 */
public final class Messages {
    public static final Locale RU = Locale.forLanguageTag("ru");
    public static final Locale KK = Locale.forLanguageTag("kk");
    public static final Locale EN = Locale.ENGLISH;

    private static final Map<String, ResourceBundle> BUNDLES = Map.of(
            "ru", bundle(RU), "kk", bundle(KK), "en", bundle(EN));

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private Messages() {}

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("messages.deadline", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The product language for a locale: kk, en, or ru (the default). */
    public static String lang(Locale locale) {
        if (locale == null) {
            return "ru";
        }
        return switch (locale.getLanguage()) {
            case "kk" -> "kk";
            case "en" -> "en";
            default -> "ru";
        };
    }

    public static String text(String key, Locale locale) {
        return BUNDLES.get(lang(locale)).getString(key);
    }

    /** "unverified — check the article", localized. */
    public static String unverifiedWarning(Locale locale) {
        return text("warning.unverified", locale);
    }

    static String render(Step step, Locale locale) {
        String template = text(step.kind().name(), locale);
        StringBuilder out = new StringBuilder(template.length() + 64);
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close > i + 1 && close - i <= 3) {
                int index = Integer.parseInt(template.substring(i + 1, close));
                out.append(arg(step.args()[index], locale));
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Arguments as a lawyer reads them: dates dd.MM.yyyy with the day of the week, times HH:mm (the templates say
     * Almaty), lengths of time in words with their plural, regimes and confidence labels named; never an ISO string.
     */
    private static String arg(Object value, Locale locale) {
        if (value instanceof LocalDate d) {
            return DATE.format(d) + " (" + text("dow." + d.getDayOfWeek().getValue(), locale) + ")";
        }
        if (value instanceof LocalDateTime t) {
            return DATE_TIME.format(t);
        }
        if (value instanceof LocalTime t) {
            return TIME.format(t);
        }
        if (value instanceof Amount a) {
            return a.in(locale);
        }
        if (value instanceof Regime r) {
            return text("regime." + r.name(), locale);
        }
        if (value instanceof Confidence c) {
            return text("confidence." + c.name(), locale);
        }
        if (value instanceof Localized l) {
            return l.in(locale);
        }
        if (value instanceof Collection<?> items) {
            if (items.isEmpty()) {
                return "—";
            }
            StringJoiner joined = new StringJoiner(", ");
            items.forEach(item -> joined.add(arg(item, locale)));
            return joined.toString();
        }
        return String.valueOf(value);
    }
}
