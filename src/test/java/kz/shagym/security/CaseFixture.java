package kz.shagym.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import kz.shagym.LadderHarness;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A case with one of everything a caller can aim at — the complaint, an event, a drafted letter and its version, an
 * applicant's deadline and a planned reminder — assigned to its own lawyer, under a victim name no other test uses.
 * It is built once, then left alone: when it is quiet, nothing in the ledger changes unless a request changes it.
 */
final class CaseFixture {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    final String lawyer;
    /** A staff member not assigned to the case: whom a grant would assign. */
    final String staff;
    final String victimName;
    final UUID complaint;
    final String caseNumber;
    final UUID event;
    final UUID letter;
    final UUID deadline;
    final UUID reminder;
    /** A personal API token of the administrator the hostile corpus calls as: what a revocation would accept. */
    final UUID apiToken;
    /** A PNG attached to the case. */
    final UUID attachment;
    private final byte[] docx;
    private final Instant now;

    private CaseFixture(String lawyer, String staff, String victimName, UUID complaint, String caseNumber, UUID event, UUID letter,
                        UUID deadline, UUID reminder, UUID apiToken, UUID attachment, byte[] docx, Instant now) {
        this.attachment = attachment;
        this.lawyer = lawyer;
        this.staff = staff;
        this.victimName = victimName;
        this.complaint = complaint;
        this.caseNumber = caseNumber;
        this.event = event;
        this.letter = letter;
        this.deadline = deadline;
        this.reminder = reminder;
        this.apiToken = apiToken;
        this.docx = docx;
        this.now = now;
    }

    /**
     * Registers the case as a new lawyer, records that the authority forwarded it to internal security (which opens
     * the applicant's court term, drafts the challenge letters and plans reminders), and waits until it is quiet.
     */
    static CaseFixture create(LadderHarness ladder, TestRestTemplate rest, JdbcClient jdbc) {
        String lawyer = TestUsers.create(ladder, "LAWYER");
        String victim = "Фикстурова Сауле Ерлановна " + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        var registered = rest.withBasicAuth(lawyer, TestUsers.PASSWORD).postForEntity("/api/complaints", new HttpEntity<>("""
                {"victim": {"fullName": "%s", "birthDate": "1984-05-06"}, "region": "Караганда", "allegation": "TORTURE",
                 "filedWith": "ANTI_CORRUPTION", "filedAt": "%s", "language": "ru"}""".formatted(victim, ladder.ago(Duration.ofDays(2))),
                json), String.class);
        assertThat(registered.getStatusCode().value()).as(registered.getBody()).isEqualTo(201);
        UUID id = UUID.fromString(ladder.read(registered.getBody()).get("id").asText());
        ladder.awaitWaitingAt(id, "Gateway_AwaitAuthorityResponse");
        ladder.event(id, """
                {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofDays(1)), ladder.ago(Duration.ofHours(6))));
        UUID letter = ladder.letter(id, "COMPLAINT_INVESTIGATIVE_JUDGE");
        JsonNode view = ladder.view(id);
        UUID event = null;
        for (JsonNode h : view.get("history")) {
            if ("FORWARDED_TO_INTERNAL_SECURITY".equals(h.get("type").asText())) {
                event = UUID.fromString(h.get("id").asText());
            }
        }
        UUID deadline = UUID.fromString(ladder.deadline(id, "kz.upk.106.file-complaint").get("id").asText());
        UUID reminder = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "select id from reminder where complaint_id = :c and deadline_id is not null order by send_at")
                .param("c", id).query(UUID.class).list().stream().findFirst().orElse(null), Objects::nonNull);
        var token = ladder.rest().postForEntity("/api/me/tokens", new HttpEntity<>(
                "{\"name\": \"corpus fixture %s\", \"expiresInDays\": 365}".formatted(UUID.randomUUID()), json), String.class);
        assertThat(token.getStatusCode().value()).as(token.getBody()).isEqualTo(201);
        UUID apiToken = UUID.fromString(ladder.read(token.getBody()).get("id").asText());
        byte[] docx = ladder.rest().getForEntity("/api/complaints/" + id + "/letters/" + letter, byte[].class).getBody();
        var attached = rest.withBasicAuth(lawyer, TestUsers.PASSWORD).postForEntity("/api/complaints/" + id + "/attachments",
                kz.shagym.attachment.TestFiles.upload(kz.shagym.attachment.TestFiles.png(), "wrist.png", "Фото запястья", "PHOTO", null),
                String.class);
        assertThat(attached.getStatusCode().value()).as(attached.getBody()).isEqualTo(201);
        UUID attachment = UUID.fromString(ladder.read(attached.getBody()).get("id").asText());
        CaseFixture fixture = new CaseFixture(lawyer, TestUsers.create(ladder, "STAFF"), victim, id, view.get("caseNumber").asText(), Objects.requireNonNull(event),
                letter, deadline, reminder, apiToken, attachment, docx, ladder.now());
        LedgerSnapshot.awaitQuiet(jdbc, id);
        return fixture;
    }

    /** The letter's current DOCX: an upload the application would accept. */
    byte[] docx() {
        return docx.clone();
    }

    String id(EndpointCorpus.Id kind) {
        return switch (kind) {
            case COMPLAINT -> complaint.toString();
            case EVENT -> event.toString();
            case LETTER -> letter.toString();
            case VERSION -> "1";
            case DEADLINE -> deadline.toString();
            case REMINDER -> reminder.toString();
            case CALENDAR_TOKEN -> "0123456789abcdef0123456789abcdef";
            case API_TOKEN -> apiToken.toString();
            case USERNAME -> lawyer;
            case GRANTEE -> staff;
            case GRANT_KIND -> "STAFF";
            case ATTACHMENT -> attachment.toString();
        };
    }

    /** A date a year after the fixture was built, in Almaty: a fact dated then has not happened yet. */
    String yearAhead() {
        return now.atZone(ALMATY).toLocalDate().plusYears(1).toString();
    }

    /** An instant some hours before the fixture was built, as a lawyer enters it: Almaty time with its offset. */
    String ago(int hours) {
        return now.minus(Duration.ofHours(hours)).atZone(ALMATY).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The same as the pages' date-time inputs post it: Almaty local time to the minute. */
    String agoLocal(int hours) {
        return now.minus(Duration.ofHours(hours)).atZone(ALMATY).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString();
    }
}
