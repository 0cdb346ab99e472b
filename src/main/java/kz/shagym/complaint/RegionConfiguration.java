package kz.shagym.complaint;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the regions from {@code shagym.config-dir} (config/regions.yaml), as the deadline rules are loaded. */
@Configuration(proxyBeanMethods = false)
class RegionConfiguration {

    @Bean
    RegionCatalog regionCatalog(@Value("${shagym.config-dir:config}") String configDir) {
        return RegionCatalog.load(Path.of(configDir, "regions.yaml"));
    }
}
