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
 * between its placeholders shorter than four letters, text inside {@code <code>} (identifiers such as a rule's id),
 * text marked with a {@code lang} other than the page's (the language switch's "Eng") and names people entered, which
 * the pages mark {@code translate="no"} (a lawyer's user name, a victim's name: nothing to translate, whatever script).
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
                if (!parent || parent.closest('code, script, style, template, [translate=no]')) { continue; }
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

    /**
     * The ledger's codes, which a page must put in words: every constant of the enums the pages show, and the status
     * words stored as text; matched case-sensitively, so "admin" the user name is not ADMIN the role.
     */
    private static final Pattern CODES = codes();

    /** Fails naming each English phrase and each code found on the page, with the text around it. */
    public static void assertNone(Page page) {
        String text = (String) page.evaluate(TEXT);
        List<String> found = new ArrayList<>();
        PHRASES.forEach((phrase, pattern) -> {
            var m = pattern.matcher(text);
            if (m.find()) {
                found.add("\"" + phrase + "\" in " + around(text, m));
            }
        });
        var code = CODES.matcher(text);
        while (code.find()) {
            found.add("code " + code.group() + " in " + around(text, code));
        }
        if (!found.isEmpty()) {
            throw new AssertionError("English or codes on a page in '" + page.locator("html").getAttribute("lang") + "' ("
                    + page.url() + "):\n  " + String.join("\n  ", found));
        }
    }

    private static String around(String text, java.util.regex.Matcher m) {
        int from = Math.max(0, m.start() - 40);
        int to = Math.min(text.length(), m.end() + 40);
        return "…" + text.substring(from, to).replaceAll("\\s+", " ") + "…";
    }

    private static Pattern codes() {
        Set<String> names = new TreeSet<>(List.of("OPEN", "MET", "MISSED", "CANCELLED", "DRAFT", "APPROVED", "FILED",
                "WITHDRAWN", "CLOSED", "USER", "ENGINE"));
        for (Class<? extends Enum<?>> type : List.<Class<? extends Enum<?>>>of(kz.shagym.complaint.EventType.class,
                kz.shagym.complaint.Rung.class, kz.shagym.complaint.Stage.class, kz.shagym.complaint.Step.class,
                kz.shagym.complaint.DeadlineRole.class, kz.shagym.complaint.EventCommand.Authority.class,
                kz.shagym.complaint.EventCommand.Outcome.class, kz.shagym.complaint.EventCommand.DecisionReason.class,
                kz.shagym.complaint.EventCommand.Committee.class, kz.shagym.complaint.NewComplaint.Allegation.class,
                kz.shagym.complaint.NewComplaint.FiledWith.class, kz.shagym.complaint.MedicalFacts.ForensicExamination.class,
                kz.shagym.deadline.Regime.class, kz.shagym.deadline.OwedBy.class, kz.shagym.letter.LetterKind.class,
                kz.shagym.security.Role.class, kz.shagym.security.GrantKind.class)) {
            for (Enum<?> constant : type.getEnumConstants()) {
                if (constant.name().length() >= 3) {
                    names.add(constant.name());
                }
            }
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}_.-])(?:" + String.join("|", names) + "|[A-Z]{2,}(?:_[A-Z0-9]+)+)(?![\\p{L}\\p{N}_])");
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
                phrases.putIfAbsent(phrase, Pattern.compile("(?<![\\p{L}\\p{N}_.-])" + Pattern.quote(phrase) + "(?![\\p{L}\\p{N}_-])",
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
