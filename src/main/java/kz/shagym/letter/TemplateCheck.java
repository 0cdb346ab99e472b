package kz.shagym.letter;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks the letter templates against {@link LetterVariables}: every kind has a template in every
 * language, every {@code {{tag}}} names a known variable in the scope where it stands, sections are
 * balanced, and only text and section tags are used (picture, table, include tags would let a
 * template pull data in other ways than as literal text). Spring-free: call {@link #requireValid(Path)}
 * at start-up.
 *
 * <p>Paragraphs are numbered from 1 in document order: body (including table cells), then headers,
 * then footers.
 */
public final class TemplateCheck {
    private static final Pattern TAG = Pattern.compile("\\{\\{(.*?)}}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private TemplateCheck() {
    }

    /** @return the problems found; empty means every template is usable */
    public static List<TemplateProblem> check(Path templatesDir) {
        List<TemplateProblem> problems = new ArrayList<>();
        for (String language : LetterTexts.LANGUAGES) {
            for (LetterKind kind : LetterKind.values()) {
                if (!kind.languages().contains(language)) {
                    continue;
                }
                String name = language + "/" + kind.templateFileName();
                Path file = templatesDir.resolve(language).resolve(kind.templateFileName());
                if (!Files.isRegularFile(file)) {
                    problems.add(new TemplateProblem(name, 0, "", "template missing: " + file.toAbsolutePath()));
                    continue;
                }
                problems.addAll(checkFile(file, name));
            }
        }
        return problems;
    }

    /** Throws with every problem listed, one per line; the app should not start with a broken letter. */
    public static void requireValid(Path templatesDir) {
        List<TemplateProblem> problems = check(templatesDir);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Letter templates in " + templatesDir.toAbsolutePath() + " are broken:\n"
                    + problems.stream().map(TemplateProblem::toString).collect(Collectors.joining("\n")));
        }
    }

    /** Checks one template file; {@code name} is how problems refer to it. */
    public static List<TemplateProblem> checkFile(Path file, String name) {
        try (InputStream in = Files.newInputStream(file); XWPFDocument doc = new XWPFDocument(in)) {
            return checkParagraphs(name, paragraphsInOrder(doc));
        } catch (IOException | RuntimeException e) {
            return List.of(new TemplateProblem(name, 0, "", "not a readable DOCX: " + e));
        }
    }

    static List<XWPFParagraph> paragraphsInOrder(XWPFDocument doc) {
        List<XWPFParagraph> out = new ArrayList<>();
        collect(doc.getBodyElements(), out);
        for (XWPFHeader header : doc.getHeaderList()) {
            collect(header.getBodyElements(), out);
        }
        for (XWPFFooter footer : doc.getFooterList()) {
            collect(footer.getBodyElements(), out);
        }
        return out;
    }

    private static void collect(List<IBodyElement> elements, List<XWPFParagraph> out) {
        for (IBodyElement element : elements) {
            if (element instanceof XWPFParagraph p) {
                out.add(p);
            } else if (element instanceof XWPFTable table) {
                for (XWPFTableRow row : table.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        collect(cell.getBodyElements(), out);
                    }
                }
            }
        }
    }

    private static List<TemplateProblem> checkParagraphs(String file, List<XWPFParagraph> paragraphs) {
        Scope scope = new Scope(file);
        for (int i = 0; i < paragraphs.size(); i++) {
            scope.paragraph(i + 1, paragraphs.get(i).getText());
        }
        scope.finish();
        return scope.problems;
    }

    /** Walks the tags in document order, tracking which section (and so which variables) is open. */
    private static final class Scope {
        private final String file;
        private final List<TemplateProblem> problems = new ArrayList<>();
        private final Deque<Open> open = new ArrayDeque<>();

        private record Open(String name, int paragraph, boolean list) {
        }

        Scope(String file) {
            this.file = file;
        }

        void paragraph(int no, String text) {
            Matcher tag = TAG.matcher(text);
            StringBuilder rest = new StringBuilder();
            int last = 0;
            while (tag.find()) {
                rest.append(text, last, tag.start());
                last = tag.end();
                tag(no, tag.group(1));
            }
            rest.append(text.substring(last));
            if (rest.indexOf("{{") >= 0 || rest.indexOf("}}") >= 0) {
                problem(no, "", "unbalanced '{{' or '}}' outside a tag: " + abbreviate(rest.toString()));
            }
        }

        private void tag(int no, String raw) {
            if (raw.isEmpty()) {
                problem(no, raw, "empty tag");
            } else if (raw.charAt(0) == '?') {
                openSection(no, raw.substring(1), raw);
            } else if (raw.charAt(0) == '/') {
                closeSection(no, raw.substring(1), raw);
            } else if (!NAME.matcher(raw).matches()) {
                problem(no, raw, "unsupported tag: only {{name}}, {{?section}} and {{/section}} are allowed");
            } else if (inList() != null) {
                Set<String> fields = LetterVariables.LISTS.get(inList());
                if (!fields.contains(raw)) {
                    problem(no, raw, "unknown field of list '" + inList() + "'; known: " + sorted(fields));
                }
            } else if (!LetterVariables.TEXT.contains(raw)) {
                problem(no, raw, LetterVariables.FLAGS.contains(raw) || LetterVariables.LISTS.containsKey(raw)
                        ? "'" + raw + "' is a section variable; use {{?" + raw + "}} … {{/" + raw + "}}"
                        : "unknown variable; see LetterVariables");
            }
        }

        private void openSection(int no, String name, String raw) {
            boolean list = LetterVariables.LISTS.containsKey(name);
            if (!NAME.matcher(name).matches()) {
                problem(no, raw, "malformed section name");
            } else if (inList() != null) {
                problem(no, raw, "sections inside the list '" + inList() + "' are not supported");
            } else if (!list && !LetterVariables.FLAGS.contains(name)) {
                problem(no, raw, "unknown section variable; sections take a flag or a list (see LetterVariables)");
            }
            open.push(new Open(name, no, list));
        }

        private void closeSection(int no, String name, String raw) {
            if (open.isEmpty()) {
                problem(no, raw, "closes a section that is not open");
            } else if (!open.peek().name().equals(name)) {
                problem(no, raw, "closes '" + name + "' but the open section is '" + open.peek().name()
                        + "' (opened in paragraph " + open.peek().paragraph() + ")");
            } else {
                open.pop();
            }
        }

        void finish() {
            for (Open section : open) {
                problem(section.paragraph(), "?" + section.name(), "section is never closed");
            }
        }

        private String inList() {
            for (Open section : open) {
                if (section.list()) {
                    return section.name();
                }
            }
            return null;
        }

        private void problem(int no, String tag, String message) {
            problems.add(new TemplateProblem(file, no, tag, message));
        }

        private static String sorted(Set<String> names) {
            return names.stream().sorted().collect(Collectors.joining(", "));
        }

        private static String abbreviate(String s) {
            return s.length() <= 80 ? s : s.substring(0, 77) + "...";
        }
    }
}
