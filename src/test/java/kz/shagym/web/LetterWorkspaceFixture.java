package kz.shagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.UUID;
import kz.shagym.LadderHarness;
import kz.shagym.security.TestUsers;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;

/**
 * A case of a lawyer of its own, with a staff member assigned to it and the complaint to the investigative judge drafted
 * (the authority forwarded the report to internal security): what the letters workspace is tried on.
 */
record LetterWorkspaceFixture(UUID complaint, String caseNumber, UUID letter, String lawyer, String staff) {

    static final String KIND = "COMPLAINT_INVESTIGATIVE_JUDGE";

    static LetterWorkspaceFixture create(LadderHarness ladder) {
        String lawyer = TestUsers.create(ladder, "LAWYER");
        String staff = TestUsers.create(ladder, "STAFF");
        String filedAt = ladder.ago(Duration.ofDays(2));
        String json = LadderHarness.complaintJson("ANTI_CORRUPTION", filedAt).replace("\"language\": \"ru\"",
                "\"language\": \"ru\", \"lawyer\": \"" + lawyer + "\"");
        var created = ladder.rest().postForEntity("/api/complaints", new HttpEntity<>(json, LadderHarness.jsonHeaders()), String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        UUID id = UUID.fromString(ladder.read(created.getBody()).get("id").asText());
        ladder.awaitWaitingAt(id, "Gateway_AwaitAuthorityResponse");
        var granted = ladder.rest().exchange("/api/complaints/" + id + "/grants/" + staff + "/STAFF", HttpMethod.PUT,
                HttpEntity.EMPTY, String.class);
        assertThat(granted.getStatusCode().value()).as(granted.getBody()).isEqualTo(201);
        ladder.event(id, """
                {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofDays(1)), ladder.ago(Duration.ofHours(6))));
        UUID letter = ladder.letter(id, KIND);
        return new LetterWorkspaceFixture(id, ladder.view(id).get("caseNumber").asText(), letter, lawyer, staff);
    }

    String page() {
        return "/cases/" + complaint + "/letters/" + letter + "/review";
    }

    String action(String what) {
        return "/cases/" + complaint + "/letters/" + letter + "/" + what;
    }

    /** The current DOCX, through the API (test set-up only). */
    byte[] docx(LadderHarness ladder) {
        return ladder.rest().getForEntity("/api/complaints/" + complaint + "/letters/" + letter, byte[].class).getBody();
    }

    /** A date correction of the forwarding moves the judge's deadline, so the letter quoting it becomes stale. */
    void correctTheDateTheLetterQuotes(LadderHarness ladder) {
        String eventId = null;
        for (JsonNode h : ladder.view(complaint).get("history")) {
            if ("FORWARDED_TO_INTERNAL_SECURITY".equals(h.get("type").asText())) {
                eventId = h.get("id").asText();
            }
        }
        var response = ladder.rest().postForEntity("/api/complaints/" + complaint + "/events/" + eventId + "/correction",
                new HttpEntity<>("{\"learnedAt\": \"%s\", \"reason\": \"the notice was handed over later\"}"
                        .formatted(ladder.ago(Duration.ofHours(2))), LadderHarness.jsonHeaders()), String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    }

    /** The DOCX with one more paragraph at its end, as a lawyer's edit in Word would leave it. */
    static byte[] withParagraph(byte[] docx, String text) {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx)); var out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText(text);
            document.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
