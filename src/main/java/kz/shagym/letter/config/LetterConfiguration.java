package kz.shagym.letter.config;

import kz.shagym.letter.AddresseeRegistry;
import kz.shagym.letter.LetterRenderer;
import kz.shagym.letter.PoiTlLetterRenderer;
import kz.shagym.letter.TemplateCheck;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.nio.file.Path;

/**
 * Exposes the {@link LetterRenderer}. The templates are checked while the bean is created, so the
 * application refuses to start with a broken or missing template and lists every problem
 * (file, paragraph, tag) in the start-up failure.
 */
@Configuration(proxyBeanMethods = false)
public class LetterConfiguration {
    static final String POI_TL_LOGGER = "com.deepoove.poi";

    /** The authorities letters go to, from {@code shagym.config-dir} (config/addressees.yaml). */
    @Bean
    public AddresseeRegistry addresseeRegistry(@Value("${shagym.config-dir:config}") String configDir) {
        return AddresseeRegistry.load(Path.of(configDir, "addressees.yaml"));
    }

    @Bean
    public LetterRenderer letterRenderer(@Value("${shagym.letter-templates-dir:letter-templates}") String templatesDir,
                                         Environment environment) {
        Path dir = Path.of(templatesDir);
        TemplateCheck.requireValid(dir);
        quietPoiTl(environment);
        return new PoiTlLetterRenderer(dir);
    }

    /**
     * poi-tl logs every tag of every render at INFO, which floods the log and costs throughput; keep it at
     * WARN unless the operator configured {@code logging.level.com.deepoove.poi} explicitly.
     */
    private void quietPoiTl(Environment environment) {
        if (!environment.containsProperty("logging.level." + POI_TL_LOGGER)) {
            LoggingSystem.get(getClass().getClassLoader()).setLogLevel(POI_TL_LOGGER, LogLevel.WARN);
        }
    }
}
