package kz.shagym.web;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * No English on a Russian or Kazakh page: the page's visible text and its title, aria-label, placeholder and alt
 * attributes are searched for every English phrase of the bundle (web_en.properties) that the Russian bundle says
 * otherwise, as whole words. Left out: short or neutral values (the product name, "PDF"), the parts of a message
 * between its placeholders shorter than four letters, text inside {@code <code>} (identifiers such as a rule's id) and
 * text marked with a {@code lang} other than the page's (the language switch's "Eng").
 */
public final class NoEnglish {

    /** Values that are the same word in every language, or names, not English. */
    private static final Set<String> NEUTRAL = Set.of("Shagym", "PDF", "DOCX", "XLSX", "TOTP", "e-Otinish", "otpauth", "Eng");

    private static final Map<String, Pattern> PHRASES = phrases();

    /** Text and attributes as a reader meets them, without code and without text marked as another language. */
    private static final String TEXT = """
            () => {
              const lang = document.documentElement.lang;
              const parts = [document.title];
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
              for (let node = walker.currentNode; node; node = walker.nextNode()) {
                if (node.nodeType === Node.ELEMENT_NODE) {
                  for (const a of ['title', 'aria-label', 'placeholder', 'alt']) {
                    if (node.hasAttribute(a)) { parts.push(node.getAttribute(a)); }
                  }
                  continue;
                }
                const parent = node.parentElement;
                if (!parent || parent.closest('code, script, style, template')) { continue; }
                const marked = parent.closest('[lang]');
                if (marked && marked.getAttribute('lang') !== lang) { continue; }
                const style = getComputedStyle(parent);
                if (style.display === 'none' && !parent.closest('.visually-hidden')) { continue; }
                parts.push(node.textContent);
              }
              return parts.join('\\n');
            }""";

    private NoEnglish() {
    }

    /** Fails naming each English phrase found on the page and the text around it. */
    public static void assertNone(Page page) {
        String text = (String) page.evaluate(TEXT);
        List<String> found = new ArrayList<>();
        PHRASES.forEach((phrase, pattern) -> {
            var m = pattern.matcher(text);
            if (m.find()) {
                int from = Math.max(0, m.start() - 40);
                int to = Math.min(text.length(), m.end() + 40);
                found.add("\"" + phrase + "\" in …" + text.substring(from, to).replaceAll("\\s+", " ") + "…");
            }
        });
        if (!found.isEmpty()) {
            throw new AssertionError("English on a page in '" + page.locator("html").getAttribute("lang") + "' ("
                    + page.url() + "):\n  " + String.join("\n  ", found));
        }
    }

    /** The English phrases looked for (exposed for a test that checks the list itself). */
    static Set<String> phrasesLookedFor() {
        return new TreeSet<>(PHRASES.keySet());
    }

    private static Map<String, Pattern> phrases() {
        Properties en = bundle("/messages/web_en.properties");
        Properties ru = bundle("/messages/web.properties");
        Map<String, Pattern> phrases = new LinkedHashMap<>();
        for (String key : new TreeSet<>(en.stringPropertyNames())) {
            String value = en.getProperty(key);
            if (value.equals(ru.getProperty(key))) {
                continue;
            }
            for (String part : value.split("\\{\\d+}")) {
                String phrase = part.strip().replaceAll("^[\\p{Punct}\\s—–]+|[\\p{Punct}\\s—–]+$", "");
                if (phrase.codePoints().filter(Character::isLetter).count() < 4 || NEUTRAL.contains(phrase)
                        || !phrase.matches(".*\\p{IsLatin}{3,}.*")) {
                    continue;
                }
                phrases.putIfAbsent(phrase, Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(phrase) + "(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            }
        }
        return phrases;
    }

    private static Properties bundle(String path) {
        Properties p = new Properties();
        try (InputStream in = NoEnglish.class.getResourceAsStream(path)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
