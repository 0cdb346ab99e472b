package kz.shagym.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import kz.shagym.ShagymIntegrationTest;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/** Letters drafted by the workflow as a lawyer downloads them, and drafted once per rung whatever happens. */
class LetterWorkflowTest extends ShagymIntegrationTest {

    @Autowired
    LetterService letters;
    @Autowired
    LetterStore store;

    private String text(UUID complaint, UUID letter) throws Exception {
        ResponseEntity<byte[]> docx = ladder.rest().getForEntity("/api/complaints/" + complaint + "/letters/" + letter, byte[].class);
        assertThat(docx.getStatusCode().value()).isEqualTo(200);
        assertThat(docx.getHeaders().getContentType().toString())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.getBody()));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return extractor.getText();
        }
    }

    @Test
    void courtComplaintQuotesTheVictimTheArticleAndTheComputedLastDay() throws Exception {
        UUID id = ladder.register(ladder.ago(Duration.ofDays(2)));
        String learned = ladder.ago(Duration.ofHours(6));
        ladder.event(id, """
                {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofDays(1)), learned));
        String complaint = text(id, ladder.letter(id, "COMPLAINT_INVESTIGATIVE_JUDGE"));
        String lastDay = OffsetDateTime.parse(learned).toLocalDate().plusDays(15).format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        assertThat(complaint).contains("Иванов Иван Иванович").contains("106").contains(lastDay).doesNotContain("{{").doesNotContain("}}");
        String prosecutor = text(id, ladder.letter(id, "COMPLAINT_PROSECUTOR"));
        assertThat(prosecutor).contains("Иванов Иван Иванович").contains("105").doesNotContain("{{");
        assertThat(text(id, ladder.letter(id, "COPY_REQUEST"))).contains("Иванов Иван Иванович");
        assertThat(text(id, ladder.letter(id, "FORENSIC_EXAM_MOTION"))).contains("Иванов Иван Иванович");
    }

    @Test
    void draftingTheSameRungLetterTwiceAtOnceKeepsOneLetter() throws Exception {
        UUID id = ladder.register(ladder.ago(Duration.ofDays(1)));
        String key = "rung:test-race:" + id;
        var first = CompletableFuture.supplyAsync(() -> letters.draft(id, LetterKind.COPY_REQUEST, null, key));
        var second = CompletableFuture.supplyAsync(() -> letters.draft(id, LetterKind.COPY_REQUEST, null, key));
        assertThat(first.get().id()).isEqualTo(second.get().id());
        assertThat(letters.draft(id, LetterKind.COPY_REQUEST, null, key).id()).isEqualTo(first.get().id());
        assertThat(store.ofComplaint(id).stream().filter(l -> key.equals(l.idempotencyKey())).collect(Collectors.toList())).hasSize(1);
    }

    @Test
    void lawyerReviewsEditsAndFilesALetterWhoseFiledCopyIsFrozen() throws Exception {
        UUID id = ladder.register(ladder.ago(Duration.ofDays(2)));
        ladder.event(id, """
                {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofDays(1)), ladder.ago(Duration.ofHours(6))));
        UUID letter = ladder.letter(id, "COMPLAINT_INVESTIGATIVE_JUDGE");
        String base = "/api/complaints/" + id + "/letters/" + letter;

        var approved = post(base + "/review", "{\"decision\": \"APPROVE\", \"note\": \"ok\"}");
        assertThat(approved.getStatusCode().value()).as(approved.getBody()).isEqualTo(200);
        assertThat(ladder.read(approved.getBody()).get("status").asText()).isEqualTo("APPROVED");

        assertThat(ladder.read(approved.getBody()).get("version").asInt())
                .as("the approved letter is the draft dated the day of approval, as a version of its own").isEqualTo(2);

        byte[] original = ladder.rest().getForEntity(base, byte[].class).getBody();
        byte[] edited = withExtraParagraph(original, "Дополнение адвоката");
        var uploaded = put(base + "/content?note=edited", edited);
        assertThat(uploaded.getStatusCode().value()).as(uploaded.getBody()).isEqualTo(200);
        assertThat(ladder.read(uploaded.getBody()).get("version").asInt()).isEqualTo(3);
        assertThat(ladder.read(uploaded.getBody()).get("status").asText()).as("an edited letter is reviewed again").isEqualTo("DRAFT");
        assertThat(text(id, letter)).contains("Дополнение адвоката");
        var versions = ladder.read(ladder.rest().getForEntity(base + "/versions", String.class).getBody());
        assertThat(versions).hasSize(3);
        assertThat(versions.get(0).get("source").asText()).isEqualTo("GENERATED");
        assertThat(versions.get(1).get("source").asText()).isEqualTo("GENERATED");
        assertThat(versions.get(1).get("note").asText()).isEqualTo("dated on approval");
        assertThat(versions.get(2).get("source").asText()).isEqualTo("UPLOADED");
        assertThat(ladder.rest().getForEntity(base + "/versions/2", byte[].class).getBody()).isEqualTo(original);

        var notDocx = put(base + "/content", "<script>alert(1)</script>".getBytes());
        assertThat(notDocx.getStatusCode().value()).isEqualTo(400);
        assertThat(notDocx.getBody()).contains("content");

        ladder.event(id, """
                {"type": "FILED", "letterId": "%s", "filedAt": "%s", "channel": "COURT_E_FILING"}""".formatted(letter, ladder.ago(Duration.ofMinutes(5))));
        var filed = ladder.read(ladder.rest().getForEntity("/api/complaints/" + id + "/letters", String.class).getBody());
        for (var l : filed) {
            if (l.get("id").asText().equals(letter.toString())) {
                assertThat(l.get("status").asText()).isEqualTo("FILED");
                assertThat(l.get("sha256").asText()).isEqualTo(versions.get(2).get("sha256").asText());
            }
        }
        assertThat(put(base + "/content", edited).getStatusCode().value()).as("the filed copy is frozen").isEqualTo(409);
        assertThat(post(base + "/review", "{\"decision\": \"REJECT\"}").getStatusCode().value()).isEqualTo(409);
        assertThat(post(base + "/regenerate", "").getStatusCode().value()).isEqualTo(409);
    }

    private org.springframework.http.ResponseEntity<String> post(String path, String json) {
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return ladder.rest().postForEntity(path, new org.springframework.http.HttpEntity<>(json, headers), String.class);
    }

    private org.springframework.http.ResponseEntity<String> put(String path, byte[] body) {
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        return ladder.rest().exchange(path, org.springframework.http.HttpMethod.PUT,
                new org.springframework.http.HttpEntity<>(body, headers), String.class);
    }

    private static byte[] withExtraParagraph(byte[] docx, String text) throws Exception {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
             var out = new java.io.ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText(text);
            document.write(out);
            return out.toByteArray();
        }
    }
}
