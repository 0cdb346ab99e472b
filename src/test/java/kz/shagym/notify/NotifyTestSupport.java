package kz.shagym.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import kz.shagym.ShagymIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Users, complaints and mail reading for the reminder tests, on the shared integration context. */
abstract class NotifyTestSupport extends ShagymIntegrationTest {

    static final String RULE_JUDGE = "kz.upk.106.file-complaint";
    static final String PASSWORD = "notify-test-password";

    @Autowired
    ReminderPlanner planner;
    @Autowired
    ReminderSender sender;
    @Autowired
    ReminderJobs jobs;
    @Autowired
    ReminderOutbox outbox;

    /** A mail as a reader sees it: decoded subject, plain text and HTML. */
    record ReadMail(String to, String subject, String text, String html, String messageId) {
        String all() {
            return subject + "\n" + text + "\n" + html;
        }
    }

    final String victimName = "Секретова Айгуль Маратовна " + ThreadLocalRandom.current().nextInt(1000, 9999);

    String user(String role, String language) {
        String name = "n-" + role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<String> response = post("/api/users", """
                {"username": "%s", "password": "%s", "role": "%s", "fullName": "Test %s", "email": "%s@example.org", "language": "%s"}"""
                .formatted(name, PASSWORD, role, role, name, language));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return name;
    }

    /** A complaint assigned to {@code lawyer}, filed {@code filedAgo} ago, waiting for the authority. */
    UUID registerFor(String lawyer, Duration filedAgo) {
        ResponseEntity<String> response = post("/api/complaints", """
                {"victim": {"fullName": "%s", "birthDate": "1985-07-14"}, "region": "Алматы", "allegation": "TORTURE",
                 "filedWith": "ANTI_CORRUPTION", "filedAt": "%s", "language": "ru", "lawyer": "%s"}"""
                .formatted(victimName, ladder.ago(filedAgo), lawyer));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        UUID id = UUID.fromString(ladder.read(response.getBody()).get("id").asText());
        ladder.awaitWaitingAt(id, "Gateway_AwaitAuthorityResponse");
        return id;
    }

    /** Forwarded to internal security: opens the applicant's court term (art. 106) from the day of learning. */
    UUID forwarded(UUID id, Duration occurredAgo, Duration learnedAgo) {
        ladder.event(id, """
                {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s"}"""
                .formatted(ladder.ago(occurredAgo), ladder.ago(learnedAgo)));
        for (JsonNode h : ladder.view(id).get("history")) {
            if ("FORWARDED_TO_INTERNAL_SECURITY".equals(h.get("type").asText())) {
                return UUID.fromString(h.get("id").asText());
            }
        }
        throw new AssertionError("no forwarding event");
    }

    String caseNumber(UUID id) {
        return ladder.view(id).get("caseNumber").asText();
    }

    UUID deadlineId(UUID id, String rule) {
        return UUID.fromString(ladder.deadline(id, rule).get("id").asText());
    }

    ReminderRow row(UUID complaintId, ReminderKind kind, String offset, String recipient) {
        return outbox.ofComplaint(complaintId).stream()
                .filter(r -> r.kind() == kind && r.offsetKey().equals(offset) && r.recipient().equals(recipient))
                .reduce((a, b) -> b.sendAt().isAfter(a.sendAt()) ? b : a)
                .orElseThrow(() -> new AssertionError("no " + kind + " " + offset + " row for " + recipient + " in "
                        + outbox.ofComplaint(complaintId)));
    }

    ReminderRow reload(ReminderRow row) {
        return outbox.find(row.id()).orElseThrow();
    }

    void advanceTo(Instant instant) {
        Instant now = ladder.now();
        if (instant.isAfter(now)) {
            ladder.advanceClock("PT" + (Duration.between(now, instant).getSeconds() + 1) + "S");
        }
    }

    /** What the schedules would do next: re-plan the complaint, then one sending pass. */
    int planAndSend(UUID complaintId) {
        planner.reconcile(complaintId);
        return sender.runOnce();
    }

    /** Mails about one case's deadlines to one user (digests, which list many cases, are not among them). */
    List<ReadMail> mailsTo(String username, String caseNumber) {
        return mails(caseNumber).stream().filter(m -> m.to().equals(username + "@example.org"))
                .filter(m -> m.subject().startsWith("[Shagym] " + caseNumber + ":")).toList();
    }

    List<ReadMail> mails(String contains) {
        List<ReadMail> out = new ArrayList<>();
        for (MimeMessage message : TestMailServer.received()) {
            ReadMail mail = read(message);
            if (mail.all().contains(contains)) {
                out.add(mail);
            }
        }
        return out;
    }

    static ReadMail read(MimeMessage message) {
        try {
            String text = null;
            String html = null;
            Object content = message.getContent();
            assertThat(message.getContentType()).startsWith("multipart/alternative");
            Multipart parts = (Multipart) content;
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    text = (String) part.getContent();
                } else if (part.isMimeType("text/html")) {
                    html = (String) part.getContent();
                }
            }
            return new ReadMail(message.getRecipients(Message.RecipientType.TO)[0].toString(), message.getSubject(),
                    text, html, message.getMessageID());
        } catch (MessagingException | IOException e) {
            throw new AssertionError(e);
        }
    }

    ResponseEntity<String> post(String path, String body) {
        return exchange(HttpMethod.POST, path, body, ladder.rest());
    }

    ResponseEntity<String> exchange(HttpMethod method, String path, String body,
                                    org.springframework.boot.test.web.client.TestRestTemplate rest) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
}
