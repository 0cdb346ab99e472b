package kz.shagym.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Period;
import java.util.Properties;
import kz.shagym.complaint.Stage;
import org.junit.jupiter.api.Test;

/** The ru, kk and en mail bundles stay in step, and numbers read right in each language. */
class NotifyBundlesTest {

    @Test
    void everyLanguageHasTheSameKeysAndAStageNameAndNextStepForEveryStage() throws IOException {
        Properties ru = load("ru");
        for (String lang : NotifyMessages.LANGUAGES) {
            Properties bundle = load(lang);
            assertThat(bundle.stringPropertyNames()).as(lang).isEqualTo(ru.stringPropertyNames());
            for (Stage stage : Stage.values()) {
                assertThat(bundle).as(lang).containsKeys("stage." + stage.name(), "next." + stage.name());
            }
        }
    }

    @Test
    void offsetsAreSaidWithTheRightPluralForm() {
        NotifyMessages messages = new NotifyMessages();
        assertThat(messages.headline("ru", Period.ofDays(1))).isEqualTo("срок через 1 день");
        assertThat(messages.headline("ru", Period.ofDays(3))).isEqualTo("срок через 3 дня");
        assertThat(messages.headline("ru", Period.ofDays(11))).isEqualTo("срок через 11 дней");
        assertThat(messages.headline("ru", Period.ofDays(21))).isEqualTo("срок через 21 день");
        assertThat(messages.headline("ru", Period.ofMonths(3))).isEqualTo("срок через 3 месяца");
        assertThat(messages.headline("en", Period.ofDays(1))).isEqualTo("due in 1 day");
        assertThat(messages.headline("en", Period.ZERO)).isEqualTo("due today");
        assertThat(messages.headline("kk", Period.ofDays(7))).isEqualTo("мерзімге 7 күн қалды");
    }

    private static Properties load(String lang) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(NotifyBundlesTest.class.getResourceAsStream("/messages/notify_" + lang + ".properties"),
                StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
