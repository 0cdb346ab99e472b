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
                if (!kind.languages().contains(language)) {
                    continue; // UN communications are not written in Kazakh
                }
                Path generated = dir.resolve(language).resolve(kind.templateFileName());
                Path committed = Path.of("letter-templates", language, kind.templateFileName());
                assertThat(DocxText.of(Files.readAllBytes(committed)))
                        .as("%s/%s is stale: re-run TemplateAuthoring", language, kind)
                        .isEqualTo(DocxText.of(Files.readAllBytes(generated)));
            }
        }
    }

    @Test
    void noUnCommunicationIsOfferedInKazakh() {
        for (LetterKind kind : LetterKind.values()) {
            if (kind.toUn()) {
                assertThat(kind.languages()).as("%s", kind).doesNotContain("kk");
                assertThat(Path.of("letter-templates", "kk", kind.templateFileName())).as("%s in Kazakh", kind).doesNotExist();
                assertThat(kind.draftingLanguage("kk")).as("%s for a case kept in Kazakh", kind).isEqualTo("ru");
            }
        }
    }
}
