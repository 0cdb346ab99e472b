package kz.shagym.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

/**
 * The committed templates, every DOCX under {@code letter-templates/<language>/} (the languages are the directories
 * found there, so a new language is linted as soon as its directory exists), read as a lawyer would before signing:
 * <ol>
 *   <li><b>No drafting note.</b> No square or angle bracket at all, no parenthesis whose content is an instruction to the
 *       drafter ("(районный суд по месту…)", "(указать …)", "(орган)", "(specify)"), and no blank line to fill in by hand
 *       ("Гражданство: ______", "____ (указать)"). Allowed: the signature lines (a blank followed by the signer's
 *       name) and the pending date line inside {@code {{?letterDatePending}}}.</li>
 *   <li><b>No placeholder that can print empty.</b> Every optional text ({@link LetterVariables#OPTIONAL_TEXT}) stands
 *       only inside its own {@code {{?hasX}} … {{/hasX}}} section, and so do the letter's date and the HRC's
 *       five-year date, which are unknown until the letter is signed or the remedies exhausted.</li>
 *   <li><b>Every branch is exercised.</b> Every conditional section {@code {{?flag}}} of every template is reached with
 *       the flag true by at least one {@link GoldenCases golden case} and with it false by at least one, so each
 *       branch's wording is pinned by a reviewed golden text.</li>
 * </ol>
 * A finding names the template, the paragraph (numbered as {@link TemplateCheck} numbers them) and the offending text.
 * {@link #KNOWN_FINDINGS} lists the findings in the templates as they stand, to be fixed in the templates; an entry that
 * no longer occurs fails the test too, so the list can only shrink.
 */
class TemplateLintTest {
    static {
        QuietPoiTl.apply();
    }

    static final Path TEMPLATES = Path.of("letter-templates");

    /**
     * Findings in the committed templates that are being fixed in the templates themselves (the UN letters are being
     * rewritten by the OHCHR form, the restore-term motion and the interim-measures request will quote the lawyer's
     * own statements). Each entry is {@code <language>/<KIND>.docx: <check>: <offending text>}. Remove an entry with
     * the fix; never add one without a note in the change that says who fixes it.
     */
    static final Set<String> KNOWN_FINDINGS = Set.of();

    /**
     * Words that open a parenthesis addressed to the drafter, not to the authority (ru, kk, en). Legal references
     * ("(статья 106 УПК РК)"), abbreviations ("(ЕРДР)") and alternatives ("(или)", "(бездействие)") are not notes.
     */
    static final Pattern INSTRUCTION = Pattern.compile("^(указ|укаж|заполн|впис|наименовани|ф\\.?\\s?и\\.?\\s?о\\b|фамили"
            + "|дата\\b|подпись|районн|суд по месту|по месту|орган\\b|органа\\b|уполномоч|приравн|при наличии|если\\b"
            + "|нужное|выбрать|выберите|например|и т\\.\\s?[дп]"
            + "|көрсет|толтыр|атауы|аты-жөні|аудандық|орналасқан жері|бар болса|мысалы|теңестір|уәкілетті|таңда"
            + "|specify|insert|enter\\b|fill|name of|if any|if applicable|e\\.g\\.|delete|select|choose|tbd|todo|xx)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    static final Pattern PARENTHESIS = Pattern.compile("\\(([^()]*)\\)");
    static final Pattern BRACKET = Pattern.compile("\\[[^\\]]*]?|<[^>]*>?");
    static final Pattern BLANK = Pattern.compile("_{3,}");
    /** "Заявитель ____________________ {{applicantName}}": a blank for the signature, then the signer's name. */
    static final Pattern SIGNATURE = Pattern.compile("^[^_{}]*\\S\\s+_{3,}\\s+\\{\\{[A-Za-z]+}}\\s*$");
    static final Pattern TAG = Pattern.compile("\\{\\{([?/]?)([A-Za-z][A-Za-z0-9_]*)}}");

    /** Text variables beyond {@link LetterVariables#OPTIONAL_TEXT} that are "" until known, and the flag that says so. */
    static final Map<String, String> GUARDED = Map.of("letterDate", "hasLetterDate", "hrcLimitDate", "hasHrcLimitDate",
            "incidentDate", "hasIncidentDate", "victimBirthDate", "hasVictimBirthDate", "exhaustionDate", "hasExhaustionDate",
            "representativeOrg", "hasRepresentativeOrg", "representativeContact", "hasRepresentativeContact");

    /** One template as the tests see it: its paragraphs' text in document order (body, headers, footers). */
    record Template(String name, LetterKind kind, String language, List<String> paragraphs) {
    }

    /** The languages are the directories under {@code letter-templates/}; each DOCX in them is one template. */
    static List<Template> templates() throws IOException {
        List<Template> all = new ArrayList<>();
        try (Stream<Path> languages = Files.list(TEMPLATES)) {
            for (Path dir : languages.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".docx")).sorted().toList()) {
                        String kindName = file.getFileName().toString().replaceFirst("\\.docx$", "");
                        LetterKind kind = Stream.of(LetterKind.values()).filter(k -> k.name().equals(kindName))
                                .findFirst().orElse(null);
                        all.add(new Template(dir.getFileName() + "/" + file.getFileName(), kind,
                                dir.getFileName().toString(), paragraphs(file)));
                    }
                }
            }
        }
        return all;
    }

    static List<String> paragraphs(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); XWPFDocument doc = new XWPFDocument(in)) {
            return TemplateCheck.paragraphsInOrder(doc).stream().map(XWPFParagraph::getText).toList();
        }
    }

    @Test
    void everyTemplateIsAKindOfferedInItsLanguage() throws IOException {
        List<Template> templates = templates();
        assertThat(templates).as("templates under " + TEMPLATES.toAbsolutePath()).isNotEmpty();
        assertThat(templates).as("a template that no letter kind uses in that language")
                .allSatisfy(t -> assertThat(t.kind() != null && t.kind().languages().contains(t.language()))
                        .as(t.name()).isTrue());
    }

    @Test
    void noDraftingNoteAndNoPlaceholderThatCanPrintEmpty() throws IOException {
        Set<String> findings = new LinkedHashSet<>();
        for (Template template : templates()) {
            findings.addAll(lint(template));
        }
        Set<String> unexpected = new TreeSet<>(findings);
        unexpected.removeAll(KNOWN_FINDINGS);
        Set<String> fixed = new TreeSet<>(KNOWN_FINDINGS);
        fixed.removeAll(findings);
        assertThat(unexpected).as("drafting notes, blanks and placeholders that can print empty, in the templates")
                .isEmpty();
        assertThat(fixed).as("KNOWN_FINDINGS that no longer occur: remove them from the list").isEmpty();
    }

    /** The lint itself catches what it is meant to catch: the examples from the review of the generated letters. */
    @Test
    void theLintRecognisesTheDraftingNotesTheReviewFound() {
        Template bad = new Template("ru/TEST.docx", LetterKind.APPEAL, "ru", List.of(
                "В специализированный межрайонный следственный суд",
                "(районный суд по месту нахождения органа…)",
                "В суд (орган), уполномоченный рассмотреть жалобу",
                "Гражданство: ______________ (указать)",
                "[указать номер]",
                "Адрес: <адрес заявителя>",
                "ордер № {{counselWarrant}}",
                "(статья 106 УПК РК) (ЕРДР) (или) ({{region}})",
                "Заявитель ____________________ {{applicantName}}",
                "{{?letterDatePending}}",
                "Дата: «___» ____________ 20___ г.",
                "{{/letterDatePending}}",
                "Дата: {{letterDate}}"));
        assertThat(lint(bad)).containsExactly(
                "ru/TEST.docx: drafting note: (районный суд по месту нахождения органа…)",
                "ru/TEST.docx: drafting note: (орган)",
                "ru/TEST.docx: drafting note: (указать)",
                "ru/TEST.docx: blank to fill in by hand: Гражданство: ______________ (указать)",
                "ru/TEST.docx: drafting note: [указать номер]",
                "ru/TEST.docx: drafting note: <адрес заявителя>",
                "ru/TEST.docx: may print empty: counselWarrant",
                "ru/TEST.docx: may print empty: applicantName",
                "ru/TEST.docx: may print empty: letterDate");
    }

    @Test
    void everyConditionalSectionIsRenderedTrueByOneGoldenCaseAndFalseByAnother() throws IOException {
        List<String> unexercised = new ArrayList<>();
        for (Template template : templates()) {
            if (template.kind() == null) {
                continue; // reported by everyTemplateIsAKindOfferedInItsLanguage
            }
            List<Map<String, Object>> variables = GoldenCases.ALL.stream()
                    .map(c -> LetterVariables.of(c.model(template.kind(), template.language()))).toList();
            unexercised.addAll(unexercisedBranches(template, variables));
        }
        assertThat(unexercised).as("conditional sections no golden case renders both ways (add or vary a GoldenCases case)")
                .isEmpty();
    }

    /** Each finding as {@code <template>: <check>: <text>}, in document order. */
    static List<String> lint(Template template) {
        List<String> findings = new ArrayList<>();
        Deque<String> open = new ArrayDeque<>();
        for (String paragraph : template.paragraphs()) {
            boolean pendingDate = open.contains("letterDatePending");
            Matcher tag = TAG.matcher(paragraph);
            while (tag.find()) {
                String name = tag.group(2);
                pendingDate |= "?".equals(tag.group(1)) && name.equals("letterDatePending");
                switch (tag.group(1)) {
                    case "?" -> open.push(name);
                    case "/" -> open.remove(name);
                    default -> {
                        String guard = LetterVariables.OPTIONAL_TEXT.contains(name) ? LetterVariables.presenceFlag(name)
                                : GUARDED.get(name);
                        if (guard != null && !open.contains(guard)) {
                            findings.add(template.name() + ": may print empty: " + name);
                        }
                    }
                }
            }
            String text = TAG.matcher(paragraph).replaceAll("");
            Matcher parenthesis = PARENTHESIS.matcher(text);
            while (parenthesis.find()) {
                String content = parenthesis.group(1).strip();
                if (INSTRUCTION.matcher(content).find() || content.contains("…") || content.contains("...")) {
                    findings.add(template.name() + ": drafting note: " + parenthesis.group());
                }
            }
            if (BLANK.matcher(paragraph).find() && !pendingDate && !SIGNATURE.matcher(paragraph).matches()) {
                findings.add(template.name() + ": blank to fill in by hand: " + paragraph.strip());
            }
            Matcher bracket = BRACKET.matcher(text);
            while (bracket.find()) {
                findings.add(template.name() + ": drafting note: " + bracket.group());
            }
        }
        return findings.stream().distinct().toList();
    }

    /**
     * For each {@code {{?flag}}} section (lists are not flags: they repeat), whether some case reaches it (every
     * enclosing section rendered) with the flag true, and some with it false. A section inside a section that is never
     * rendered counts as never exercised either way.
     */
    static List<String> unexercisedBranches(Template template, List<Map<String, Object>> cases) {
        record Section(String flag, int paragraph, List<String> enclosing) {
        }
        List<Section> sections = new ArrayList<>();
        Deque<String> open = new ArrayDeque<>();
        for (int i = 0; i < template.paragraphs().size(); i++) {
            Matcher tag = TAG.matcher(template.paragraphs().get(i));
            while (tag.find()) {
                String name = tag.group(2);
                if ("?".equals(tag.group(1))) {
                    if (LetterVariables.FLAGS.contains(name)) {
                        sections.add(new Section(name, i + 1, List.copyOf(open)));
                    }
                    open.push(name);
                } else if ("/".equals(tag.group(1))) {
                    open.remove(name);
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (Section section : sections) {
            boolean everTrue = false;
            boolean everFalse = false;
            for (Map<String, Object> vars : cases) {
                if (section.enclosing().stream().allMatch(outer -> truthy(vars.get(outer)))) {
                    boolean on = truthy(vars.get(section.flag()));
                    everTrue |= on;
                    everFalse |= !on;
                }
            }
            String where = template.name() + " ¶" + section.paragraph() + " {{?" + section.flag() + "}}"
                    + (section.enclosing().isEmpty() ? "" : " inside " + String.join(" > ", section.enclosing().reversed()));
            if (!everTrue && !everFalse) {
                out.add(where + ": never reached");
            } else if (!everTrue) {
                out.add(where + ": never true");
            } else if (!everFalse) {
                out.add(where + ": never false");
            }
        }
        return out;
    }

    private static boolean truthy(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof List<?> list) {
            return !list.isEmpty();
        }
        return value != null && !"".equals(value);
    }
}
