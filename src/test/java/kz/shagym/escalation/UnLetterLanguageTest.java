package kz.shagym.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.UUID;
import kz.shagym.LadderHarness;
import kz.shagym.ShagymIntegrationTest;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * A UN communication is written in Russian or English, as the lawyer chooses, and never in Kazakh: the Committees take
 * English, French, Russian and Spanish. Asking for Kazakh is refused with 400 naming the language, in the caller's
 * language; switching to English drafts the letter again in English. The exhaustion section is built from what the
 * ledger recorded: each complaint with its date and the decision on it.
 */
class UnLetterLanguageTest extends ShagymIntegrationTest {

    @Test
    void aUnCommunicationIsDraftedInRussianOrEnglishAndKazakhIsRefusedNamingTheLanguage() throws Exception {
        UUID id = UnLadderPathsTestSupport.exhausted(ladder, Duration.ofDays(30));
        UUID cat = ladder.letter(id, "CAT_COMMUNICATION");
        assertThat(letter(id, cat).get("language").asText()).isEqualTo("ru");
        String russian = text(docx(id, cat));
        assertThat(russian).contains("1. Автор сообщения", "5. Исчерпание внутренних средств правовой защиты",
                "жалоба следственному судье (ст. 106 УПК РК): отказано (следственный судья)",
                "апелляционная жалоба (ст. 107 УПК РК): отказано")
                .doesNotContain("Сроки", "Последний день", "{{");

        ResponseEntity<String> kazakh = changeLanguage(id, cat, "kk", "ru");
        assertThat(kazakh.getStatusCode().value()).isEqualTo(400);
        JsonNode problem = ladder.read(kazakh.getBody());
        assertThat(problem.get("field").asText()).isEqualTo("language");
        assertThat(problem.get("code").asText()).isEqualTo("LANGUAGE_NOT_OFFERED");
        assertThat(problem.get("detail").asText()).contains("казахском", "«kk»", "ru, en");
        assertThat(ladder.read(changeLanguage(id, cat, "kk", "en").getBody()).get("detail").asText())
                .contains("Kazakh", "\"kk\"", "ru, en");
        assertThat(letter(id, cat).get("version").asInt()).as("nothing drafted").isEqualTo(1);

        ResponseEntity<String> english = changeLanguage(id, cat, "en", "en");
        assertThat(english.getStatusCode().value()).as(english.getBody()).isEqualTo(200);
        assertThat(ladder.read(english.getBody()).get("language").asText()).isEqualTo("en");
        assertThat(ladder.read(english.getBody()).get("version").asInt()).isEqualTo(2);
        assertThat(text(docx(id, cat))).contains("COMMUNICATION", "1. Author of the communication",
                "complaint to the investigating judge (art. 106 of the Code of Criminal Procedure): refused")
                .doesNotContain("Автор", "Комитет", "{{");
    }

    @Test
    void aDomesticLetterIsWrittenInRussianOrKazakhOnly() {
        UUID id = UnLadderPathsTestSupport.exhausted(ladder, Duration.ofDays(30));
        UUID appeal = ladder.letter(id, "APPEAL");

        ResponseEntity<String> english = changeLanguage(id, appeal, "en", "en");

        assertThat(english.getStatusCode().value()).isEqualTo(400);
        assertThat(ladder.read(english.getBody()).get("detail").asText()).contains("\"en\"", "ru, kk");
    }

    private ResponseEntity<String> changeLanguage(UUID id, UUID letter, String language, String acceptLanguage) {
        HttpHeaders headers = LadderHarness.jsonHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        return ladder.rest().exchange("/api/complaints/" + id + "/letters/" + letter + "/language", HttpMethod.PUT,
                new HttpEntity<>("{\"language\": \"" + language + "\"}", headers), String.class);
    }

    private JsonNode letter(UUID id, UUID letter) {
        for (JsonNode l : ladder.read(ladder.rest().getForObject("/api/complaints/" + id + "/letters", String.class))) {
            if (l.get("id").asText().equals(letter.toString())) {
                return l;
            }
        }
        throw new AssertionError("no letter " + letter);
    }

    private byte[] docx(UUID id, UUID letter) {
        return ladder.rest().getForEntity("/api/complaints/" + id + "/letters/" + letter, byte[].class).getBody();
    }

    private static String text(byte[] docx) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            return extractor.getText();
        }
    }
}
