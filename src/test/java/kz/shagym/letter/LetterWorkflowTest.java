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
}
