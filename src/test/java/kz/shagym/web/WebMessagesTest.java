package kz.shagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A key missing from one language shows the raw key to a lawyer: the three bundles must stay in step. */
class WebMessagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"web_kk", "web_en"})
    void everyLanguageHasExactlyTheKeysOfTheRussianBundle(String bundle) throws IOException {
        Properties russian = load("web");
        Properties other = load(bundle);

        assertThat(keys(other)).as(bundle + " vs web (ru)").isEqualTo(keys(russian));
        other.forEach((key, value) -> assertThat(value.toString()).as(bundle + ": " + key).isNotBlank());
    }

    private static Set<String> keys(Properties p) {
        return new TreeSet<>(p.stringPropertyNames());
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader in = new InputStreamReader(WebMessagesTest.class.getResourceAsStream("/messages/" + name + ".properties"),
                StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
