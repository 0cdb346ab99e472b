package kz.shagym.letter;

import kz.shagym.letter.tools.TemplateAuthoring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed .docx templates are exactly what TemplateAuthoring produces (no hand edits in Word). */
class TemplateSourceTest {

    @Test
    void theCommittedTemplatesMatchTheirGenerator(@TempDir Path dir) throws IOException {
        TemplateAuthoring.writeAll(dir);

        for (String language : LetterTexts.LANGUAGES) {
            for (LetterKind kind : LetterKind.values()) {
                Path generated = dir.resolve(language).resolve(kind.templateFileName());
                Path committed = Path.of("letter-templates", language, kind.templateFileName());
                assertThat(DocxText.of(Files.readAllBytes(committed)))
                        .as("%s/%s is stale: re-run TemplateAuthoring", language, kind)
                        .isEqualTo(DocxText.of(Files.readAllBytes(generated)));
            }
        }
    }
}
