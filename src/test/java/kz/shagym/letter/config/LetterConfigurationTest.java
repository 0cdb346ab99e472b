package kz.shagym.letter.config;

import kz.shagym.letter.LetterRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LetterConfigurationTest {
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(LetterConfiguration.class);

    @Test
    void startsWithTheCommittedTemplates() {
        context.run(ctx -> assertThat(ctx).hasSingleBean(LetterRenderer.class));
    }

    @Test
    void refusesToStartWhenTemplatesAreMissingAndSaysWhich(@TempDir Path empty) {
        context.withPropertyValues("shagym.letter-templates-dir=" + empty)
                .run(ctx -> assertThat(ctx).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("ru/APPEAL.docx").hasMessageContaining("template missing"));
    }
}
