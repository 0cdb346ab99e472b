package kz.shagym.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every letter of every {@link GoldenCases golden case}, in every language its kind is offered in
 * ({@link LetterKind#languages()}), rendered by the real {@link PoiTlLetterRenderer} from the committed templates, and
 * its text compared line by line with the reviewed text in
 * {@code src/test/resources/letters/<case>/<KIND>-<language>.txt}: one line per paragraph (body, table cells, then
 * {@code === header ===} and {@code === footer ===} parts), trailing blanks trimmed. A change of wording, a clause that
 * appears or disappears for a case, a wrong gender or a value printed in the wrong place shows as a diff of the first
 * lines that differ.
 *
 * <h2>Updating the goldens after a reviewed template change</h2>
 * <ol>
 *   <li>Change the template source and regenerate the DOCX as usual.</li>
 *   <li>Run {@code SHAGYM_SKIP_TOOL_INSTALL=1 ./mvnw -B -ntp -o -q test -Dtest=LetterGoldenTest
 *       -Dsurefire.failIfNoSpecifiedTests=false -Dshagym.letters.update=true}: it rewrites every expected text from the
 *       current templates, writes the missing ones and deletes those no kind or case produces any more.</li>
 *   <li>Read {@code git diff src/test/resources/letters/} as a lawyer would read the letters: every changed line must
 *       be one the template change meant. Commit the goldens together with the template.</li>
 *   <li>Run the test again without the flag: it must pass.</li>
 * </ol>
 * Without the flag nothing is written: a missing expected text fails (it is never skipped), and so does an expected text
 * that no case, kind and language produces any more. A language a kind offers must have its template directory; one it
 * does not offer is never rendered.
 */
class LetterGoldenTest {
    static {
        QuietPoiTl.apply();
    }

    static final Path TEMPLATES = Path.of("letter-templates");
    static final Path GOLDENS = Path.of("src", "test", "resources", "letters");
    static final boolean UPDATE = Boolean.getBoolean("shagym.letters.update");
    static final LetterRenderer RENDERER = new PoiTlLetterRenderer(TEMPLATES);
    /** Lines of context around the first difference, and at most this many differing lines shown. */
    static final int CONTEXT = 3;
    static final int SHOWN = 20;

    @TestFactory
    Stream<DynamicTest> everyLetterOfEveryCaseReadsAsReviewed() {
        return GoldenCases.ALL.stream().flatMap(c -> Stream.of(LetterKind.values()).flatMap(kind -> kind.languages()
                .stream().map(language -> DynamicTest.dynamicTest(c.name() + " " + kind + "-" + language,
                        () -> compare(c, kind, language)))));
    }

    @Test
    void everyLanguageAKindOffersHasItsTemplateDirectory() {
        Set<String> offered = Stream.of(LetterKind.values()).flatMap(k -> k.languages().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(offered).allSatisfy(language -> assertThat(TEMPLATES.resolve(language))
                .as("templates for the offered language '%s'", language).isDirectory());
    }

    @Test
    void noExpectedTextIsLeftThatNoCaseKindAndLanguageProduces() throws IOException {
        Set<Path> produced = new TreeSet<>();
        for (GoldenCases.Case c : GoldenCases.ALL) {
            for (LetterKind kind : LetterKind.values()) {
                for (String language : kind.languages()) {
                    produced.add(golden(c, kind, language));
                }
            }
        }
        List<Path> stale = new ArrayList<>();
        if (Files.isDirectory(GOLDENS)) {
            try (Stream<Path> files = Files.walk(GOLDENS)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    if (!produced.contains(file)) {
                        stale.add(file);
                    }
                }
            }
        }
        if (UPDATE) {
            for (Path file : stale) {
                Files.delete(file);
                try (Stream<Path> left = Files.list(file.getParent())) {
                    if (left.findAny().isEmpty()) {
                        Files.delete(file.getParent()); // a case no longer in GoldenCases
                    }
                }
            }
            return;
        }
        assertThat(stale).as("expected texts no case, kind and language produces (run with -Dshagym.letters.update=true "
                + "to delete them)").isEmpty();
    }

    static Path golden(GoldenCases.Case c, LetterKind kind, String language) {
        return GOLDENS.resolve(c.name()).resolve(kind + "-" + language + ".txt");
    }

    private static void compare(GoldenCases.Case c, LetterKind kind, String language) throws IOException {
        assertThat(TEMPLATES.resolve(language).resolve(kind.templateFileName()))
                .as("%s is offered in '%s'", kind, language).isRegularFile();
        String actual = text(RENDERER.render(c.model(kind, language)));
        Path file = golden(c, kind, language);
        boolean exists = Files.isRegularFile(file);
        String expected = exists ? Files.readString(file, StandardCharsets.UTF_8) : null;
        if (actual.equals(expected)) {
            return;
        }
        if (UPDATE) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!exists) {
            fail("No expected text " + file + " for " + c.name() + " " + kind + "-" + language
                    + ": review the letter and write it with -Dshagym.letters.update=true. The letter reads:\n" + actual);
        }
        fail(c.name() + " " + kind + "-" + language + " differs from " + file
                + " (if the template change was meant, update the goldens: see LetterGoldenTest's Javadoc)\n"
                + diff(file.toString(), expected, actual));
    }

    /** The letter's text: one line per paragraph in document order, trailing blanks trimmed, ending with a newline. */
    static String text(byte[] docx) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> lines = new ArrayList<>();
            lines(doc.getBodyElements(), lines);
            for (XWPFHeader header : doc.getHeaderList()) {
                lines.add("=== header ===");
                lines(header.getBodyElements(), lines);
            }
            for (XWPFFooter footer : doc.getFooterList()) {
                lines.add("=== footer ===");
                lines(footer.getBodyElements(), lines);
            }
            return lines.stream().flatMap(l -> l.lines()).map(String::stripTrailing)
                    .collect(Collectors.joining("\n", "", "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void lines(List<IBodyElement> elements, List<String> out) {
        for (IBodyElement element : elements) {
            if (element instanceof XWPFParagraph p) {
                out.add(p.getText());
            } else if (element instanceof XWPFTable table) {
                for (XWPFTableRow row : table.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        lines(cell.getBodyElements(), out);
                    }
                }
            }
        }
    }

    /**
     * A unified-style hunk around the first difference: the common lines before and after are cut to {@link #CONTEXT},
     * the differing ones to {@link #SHOWN} each way.
     */
    static String diff(String name, String expected, String actual) {
        List<String> a = expected.lines().toList();
        List<String> b = actual.lines().toList();
        int start = 0;
        while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
            start++;
        }
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
            endA--;
            endB--;
        }
        int from = Math.max(0, start - CONTEXT);
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(name).append(" (expected)\n+++ rendered\n");
        out.append("@@ -").append(from + 1).append(',').append(Math.min(endA + CONTEXT, a.size()) - from)
                .append(" +").append(from + 1).append(',').append(Math.min(endB + CONTEXT, b.size()) - from)
                .append(" @@\n");
        for (int i = from; i < start; i++) {
            out.append(' ').append(a.get(i)).append('\n');
        }
        appendCut(out, '-', a.subList(start, endA));
        appendCut(out, '+', b.subList(start, endB));
        for (int i = endA; i < Math.min(endA + CONTEXT, a.size()); i++) {
            out.append(' ').append(a.get(i)).append('\n');
        }
        return out.toString();
    }

    private static void appendCut(StringBuilder out, char sign, List<String> lines) {
        for (int i = 0; i < Math.min(lines.size(), SHOWN); i++) {
            out.append(sign).append(lines.get(i)).append('\n');
        }
        if (lines.size() > SHOWN) {
            out.append(sign).append(" … ").append(lines.size() - SHOWN).append(" more lines\n");
        }
    }

    @Test
    void aDifferenceIsShownAsAHunkAroundTheFirstDifferingLines() {
        String diff = diff("x.txt", "a\nb\nc\nd\ne\nf\ng\nh\n", "a\nb\nc\nd\nE\nf\ng\nh\n");
        assertThat(diff).isEqualTo("""
                --- x.txt (expected)
                +++ rendered
                @@ -2,7 +2,7 @@
                 b
                 c
                 d
                -e
                +E
                 f
                 g
                 h
                """);
    }
}
