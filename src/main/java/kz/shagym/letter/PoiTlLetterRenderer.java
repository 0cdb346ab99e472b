package kz.shagym.letter;

import com.deepoove.poi.XWPFTemplate;
import com.deepoove.poi.config.Configure;
import com.deepoove.poi.policy.TextRenderPolicy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Renders letters with poi-tl from {@code <templatesDir>/<language>/<KIND>.docx}.
 *
 * <p>Safety: values are inserted by poi-tl's text policy, i.e. as literal run text; the tag expressions
 * come only from the (checked) templates. The default poi-tl expression engine is used (plain property
 * lookup), never the Spring-EL one, so nothing in the data is ever evaluated. The picture, table,
 * numbering and include tag types are re-bound to the text policy so that even a template that slipped
 * past {@link TemplateCheck} could not make poi-tl read a file or URL named by user data.
 *
 * <p>Speed and thread-safety: a compiled {@link XWPFTemplate} is a mutable document and can be rendered
 * only once, so the template file's bytes are cached per (kind, language) (read and checked once) and
 * each render compiles its own instance from them. The cache and the {@link Configure} are shared
 * read-only; no other state is shared between threads.
 */
public final class PoiTlLetterRenderer implements LetterRenderer {
    private final Path templatesDir;
    private final Configure configure;
    private final Map<String, byte[]> templates = new ConcurrentHashMap<>();

    public PoiTlLetterRenderer(Path templatesDir) {
        XmlParsing.apply();
        this.templatesDir = templatesDir;
        this.configure = textOnlyConfigure();
    }

    @Override
    public byte[] render(LetterModel model) {
        Map<String, Object> variables = LetterVariables.of(model);
        byte[] template = template(model.kind(), model.language());
        ByteArrayOutputStream out = new ByteArrayOutputStream(template.length + 16 * 1024);
        try (XWPFTemplate document = XWPFTemplate.compile(new ByteArrayInputStream(template), configure)) {
            document.render(variables);
            document.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Rendering " + model.kind() + "/" + model.language() + " failed", e);
        }
        return out.toByteArray();
    }

    private static Configure textOnlyConfigure() {
        TextRenderPolicy text = new TextRenderPolicy();
        return Configure.builder()
                .addPlugin('@', text)
                .addPlugin('#', text)
                .addPlugin('*', text)
                .addPlugin('+', text)
                .build();
    }

    private byte[] template(LetterKind kind, String language) {
        LetterTexts.forLanguage(language); // rejects an unknown language before touching the file system
        return templates.computeIfAbsent(language + "/" + kind.templateFileName(), this::loadChecked);
    }

    /** Reads a template once and refuses to use it if the check finds problems. */
    private byte[] loadChecked(String name) {
        Path file = templatesDir.resolve(name);
        List<TemplateProblem> problems = TemplateCheck.checkFile(file, name);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Letter template " + name + " is broken:\n"
                    + problems.stream().map(TemplateProblem::toString).collect(Collectors.joining("\n")));
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read letter template " + file, e);
        }
    }
}
