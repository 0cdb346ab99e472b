package kz.shagym.letter;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Localized phrases for one letter language, read once from {@code messages/letter_<lang>.properties}.
 * Immutable after loading, so one instance per language is shared by all rendering threads.
 */
final class LetterTexts {
    static final List<String> LANGUAGES = LetterKind.ALL_LANGUAGES;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final Map<String, LetterTexts> BY_LANGUAGE = LANGUAGES.stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(language -> language, LetterTexts::load));

    private static final Pattern SLOT = Pattern.compile("\\{([a-zA-Z]+)}");

    private final Properties phrases;
    /** messages/letter_citation_<lang>.properties: how this language cites an article; empty when it has none. */
    private final Properties citations;

    private LetterTexts(Properties phrases, Properties citations) {
        this.phrases = phrases;
        this.citations = citations;
    }

    static LetterTexts forLanguage(String language) {
        LetterTexts texts = BY_LANGUAGE.get(language);
        if (texts == null) {
            throw new IllegalArgumentException("Unsupported letter language: " + language + " (expected one of " + LANGUAGES + ")");
        }
        return texts;
    }

    /** dd.MM.yyyy, the form Kazakh courts and prosecutors use; "" for an unknown date. */
    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** The deadline catalog's citation of a criminal-procedure article: "УПК РК ст. 107 ч. 4", "УПК РК ст. 128, 131". */
    private static final Pattern UPK_BASIS = Pattern.compile(
            "УПК РК ст\\. ([0-9]+(?:(?:–|, ?)[0-9]+)*)(?: ч\\. ([0-9]+))?(; Приказ ГП № 89)?");

    /**
     * The article a term rests on, cited in the letter's language: the catalog writes it in Russian ("УПК РК ст. 106"),
     * a Kazakh letter cites "ҚР ҚПК 106-бабы". A citation of another act is printed as the catalog has it.
     */
    String legalBasis(String display) {
        if (display == null) {
            return "";
        }
        Matcher m = UPK_BASIS.matcher(display.trim());
        if (citations.isEmpty() || !m.matches()) {
            return display;
        }
        String article = m.group(1);
        String form = citations.getProperty(m.group(2) != null ? "articlePart"
                : article.contains("–") || article.contains(",") ? "articles" : "article");
        String cited = form.replace("{act}", citations.getProperty("act.UPK")).replace("{article}", article)
                .replace("{part}", m.group(2) == null ? "" : m.group(2));
        return m.group(3) == null ? cited : cited + "; " + citations.getProperty("order89");
    }

    /** The phrase for {@code prefix.code}; the raw code when there is none, so a new enum value still renders. */
    String code(String prefix, String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return phrases.getProperty(prefix + "." + code, code);
    }

    String phrase(String key) {
        String value = phrases.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("Missing letter phrase '" + key + "'");
        }
        return value;
    }

    /**
     * Fills {name} slots in one pass over the phrase. Deliberately not MessageFormat and not repeated
     * String.replace: user data may itself contain "{date}", braces or apostrophes and must come out
     * exactly as typed, never be substituted again.
     */
    String phrase(String key, Map<String, String> slots) {
        Matcher slot = SLOT.matcher(phrase(key));
        StringBuilder out = new StringBuilder();
        while (slot.find()) {
            String value = slots.get(slot.group(1));
            slot.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : slot.group()));
        }
        slot.appendTail(out);
        return out.toString();
    }

    private static LetterTexts load(String language) {
        Properties phrases = properties("messages/letter_" + language + ".properties")
                .orElseThrow(() -> new IllegalStateException("Missing resource messages/letter_" + language + ".properties"));
        return new LetterTexts(phrases, properties("messages/letter_citation_" + language + ".properties").orElseGet(Properties::new));
    }

    private static java.util.Optional<Properties> properties(String resource) {
        try (InputStream in = LetterTexts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return java.util.Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return java.util.Optional.of(properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
