package kz.shagym.notify;

import java.nio.charset.StandardCharsets;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/** The notify bundles (messages/notify_{ru,kk,en}.properties, UTF-8), with the plural forms numbers need. */
@Component
class NotifyMessages {

    static final List<String> LANGUAGES = List.of("ru", "kk", "en");

    private final ResourceBundleMessageSource source = new ResourceBundleMessageSource();

    NotifyMessages() {
        source.setBasename("messages/notify");
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(Locale.forLanguageTag("ru"));
        source.setAlwaysUseMessageFormat(true);
    }

    static String language(String requested) {
        return requested != null && LANGUAGES.contains(requested) ? requested : "ru";
    }

    String get(String language, String key, Object... args) {
        return source.getMessage(key, args, Locale.forLanguageTag(language(language)));
    }

    /** "срок через 3 дня", "due in 1 month": a catalog offset said in the reader's language. */
    String headline(String language, Period offset) {
        if (offset.isZero()) {
            return get(language, "headline.reminder.today");
        }
        long months = offset.toTotalMonths();
        boolean inMonths = months > 0 && offset.getDays() == 0;
        long count = inMonths ? months : offset.getDays();
        String unit = inMonths ? "months" : "days";
        return get(language, "headline.reminder." + unit + "." + pluralCategory(language, count), String.valueOf(count));
    }

    /** Russian: 1 день, 2 дня, 5 дней (11–14 дней); English: one / other; Kazakh nouns do not change after numbers. */
    static String pluralCategory(String language, long n) {
        return switch (language(language)) {
            case "ru" -> n % 10 == 1 && n % 100 != 11 ? "one"
                    : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? "few" : "many";
            case "en" -> n == 1 ? "one" : "many";
            default -> "many";
        };
    }
}
