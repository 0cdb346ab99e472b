package kz.shagym.letter;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class TemplateCheckTest {
    static {
        QuietPoiTl.apply();
    }

    static final Path REAL = Path.of("letter-templates");

    @Test
    void theCommittedTemplatesPass() {
        assertThat(TemplateCheck.check(REAL)).isEmpty();
    }

    @Test
    void aBrokenTemplateIsReportedWithFileParagraphAndTag(@TempDir Path dir) throws IOException {
        copyRealTemplates(dir);
        writeDocx(dir.resolve("ru/APPEAL.docx"),
                "Жалоба {{victimName}}",                 // 1 fine
                "Потерпевший {{victimNmae}}",             // 2 typo
                "{{?chronology}}",                        // 3
                "{{date}} {{victimName}}",                // 4 victimName is not a chronology field
                "{{/chronology}}",                        // 5
                "{{@photo}} {{ lastDay }}",               // 6 picture tag; spaced tag poi-tl would leave
                "{{?victimMinor}} never closed");         // 7

        List<TemplateProblem> problems = TemplateCheck.check(dir);

        assertThat(problems).extracting(TemplateProblem::file, TemplateProblem::paragraph, TemplateProblem::tag)
                .containsExactlyInAnyOrder(
                        tuple("ru/APPEAL.docx", 2, "victimNmae"),
                        tuple("ru/APPEAL.docx", 4, "victimName"),
                        tuple("ru/APPEAL.docx", 6, "@photo"),
                        tuple("ru/APPEAL.docx", 6, " lastDay "),
                        tuple("ru/APPEAL.docx", 7, "?victimMinor"));
        assertThat(problems.get(0).toString()).contains("ru/APPEAL.docx", "¶");
    }

    @Test
    void tagsInTablesAreCheckedAndCountedAsParagraphs(@TempDir Path dir) throws IOException {
        copyRealTemplates(dir);
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("{{victimName}}");
            XWPFTable table = doc.createTable(1, 2);
            table.getRow(0).getCell(0).getParagraphs().get(0).createRun().setText("ok {{lastDay}}");
            table.getRow(0).getCell(1).getParagraphs().get(0).createRun().setText("{{unknownInCell}}");
            save(doc, dir.resolve("kk/APPEAL.docx"));
        }

        assertThat(TemplateCheck.check(dir)).singleElement()
                .satisfies(p -> assertThat(p).isEqualTo(new TemplateProblem("kk/APPEAL.docx", 3,
                        "unknownInCell", "unknown variable; see LetterVariables")));
    }

    @Test
    void aMissingTemplateIsReported(@TempDir Path dir) throws IOException {
        copyRealTemplates(dir);
        Files.delete(dir.resolve("kk/COPY_REQUEST.docx"));

        assertThat(TemplateCheck.check(dir)).singleElement()
                .satisfies(p -> assertThat(p.file()).isEqualTo("kk/COPY_REQUEST.docx"));
    }

    @Test
    void requireValidFailsWithEveryProblemListed(@TempDir Path dir) throws IOException {
        copyRealTemplates(dir);
        writeDocx(dir.resolve("ru/COPY_REQUEST.docx"), "{{nope}}", "{{/requests}}");

        assertThatThrownBy(() -> TemplateCheck.requireValid(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ru/COPY_REQUEST.docx ¶1 {{nope}}")
                .hasMessageContaining("ru/COPY_REQUEST.docx ¶2 {{/requests}}");
    }

    @Test
    void theRendererRefusesABrokenTemplate(@TempDir Path dir) throws IOException {
        copyRealTemplates(dir);
        writeDocx(dir.resolve("ru/APPEAL.docx"), "{{victimNmae}}");
        PoiTlLetterRenderer renderer = new PoiTlLetterRenderer(dir);

        assertThatThrownBy(() -> renderer.render(LetterFixtures.model(LetterKind.APPEAL, "ru")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("victimNmae");
    }

    static void copyRealTemplates(Path dir) throws IOException {
        for (String language : LetterTexts.LANGUAGES) {
            Files.createDirectories(dir.resolve(language));
            for (LetterKind kind : LetterKind.values()) {
                if (!kind.languages().contains(language)) {
                    continue; // UN communications are not written in Kazakh
                }
                Files.copy(REAL.resolve(language).resolve(kind.templateFileName()),
                        dir.resolve(language).resolve(kind.templateFileName()));
            }
        }
    }

    static void writeDocx(Path file, String... paragraphs) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            for (String text : paragraphs) {
                doc.createParagraph().createRun().setText(text);
            }
            save(doc, file);
        }
    }

    private static void save(XWPFDocument doc, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            doc.write(out);
        }
    }
}
