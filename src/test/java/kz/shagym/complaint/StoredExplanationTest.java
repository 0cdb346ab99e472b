package kz.shagym.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.shagym.ShagymIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A deadline planned while "why this date" was written with ISO dates (2026-05-16T19:00:00Z) is explained in words
 * when read, if computing it again gives the date the ledger holds; if not, the stored lines stay, as they explain it.
 */
class StoredExplanationTest extends ShagymIntegrationTest {

    private static final String LEGACY = """
            {"ru": ["Событие: 2026-05-01T15:00 по времени Алматы (UTC+05:00) = 2026-05-01T10:00:00Z.",
                    "Срок истекает в 24:00 2026-05-16 (сб) по времени Алматы = 2026-05-16T19:00:00Z."],
             "kk": ["Оқиға: 2026-05-01T15:00"], "en": ["Trigger: 2026-05-01T15:00"]}""";

    @Autowired
    private JdbcClient jdbc;

    @Test
    void anExplanationStoredWithIsoDatesReadsInWordsWhenItsDateStillHolds() {
        UUID id = ladder.register(ladder.ago(Duration.ofHours(5)));
        UUID deadline = UUID.fromString(ladder.deadline(id, "kz.upk.181.registration").get("id").asText());
        jdbc.sql("update deadline set explanation = :e where id = :id").param("e", LEGACY).param("id", deadline).update();

        List<String> lines = lines(ladder.deadline(id, "kz.upk.181.registration"));
        assertThat(lines).isNotEmpty().noneMatch(l -> l.matches(".*\\d{4}-\\d{2}-\\d{2}.*"));
        assertThat(lines.get(0)).matches("Событие: \\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d по времени Алматы\\.");

        jdbc.sql("update deadline set last_day = dateadd('DAY', 1, last_day) where id = :id").param("id", deadline).update();
        assertThat(lines(ladder.deadline(id, "kz.upk.181.registration")))
                .as("computed again it would give another date: the lines that explain the stored one stay")
                .startsWith("Событие: 2026-05-01T15:00 по времени Алматы (UTC+05:00) = 2026-05-01T10:00:00Z.");
    }

    private static List<String> lines(JsonNode deadline) {
        List<String> lines = new ArrayList<>();
        deadline.get("explanation").forEach(l -> lines.add(l.asText()));
        return lines;
    }
}
