package kz.shagym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.shagym.complaint.ComplaintLedger;
import kz.shagym.deadline.DeadlineCalculator;
import kz.shagym.escalation.EmbeddedEngine;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one class process tests drive the ladder through: the REST API, the clock endpoint, and the engine's record
 * stream to see where the BPMN waits. Moving to Camunda Process Test (remote runtime) would change only this class.
 */
public final class LadderHarness {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";

    private final TestRestTemplate rest;
    private final EmbeddedEngine engine;
    private final ComplaintLedger ledger;
    private final ObjectMapper json = new ObjectMapper();

    public LadderHarness(TestRestTemplate rest, EmbeddedEngine engine, ComplaintLedger ledger) {
        this.rest = rest.withBasicAuth(ADMIN, ADMIN_PASSWORD);
        this.engine = engine;
        this.ledger = ledger;
    }

    public TestRestTemplate rest() {
        return rest;
    }

    // ---- REST --------------------------------------------------------------------------------------------------

    /** Headers of a JSON request body. */
    public static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    public static String complaintJson(String filedWith, String filedAt) {
        return """
                {"victim": {"fullName": "Иванов Иван Иванович", "birthDate": "1980-02-03"},
                 "region": "Алматы", "allegation": "TORTURE", "incidentDate": "%s",
                 "filedWith": "%s", "filedAt": "%s", "language": "ru"}""".formatted(filedAt.substring(0, 10), filedWith, filedAt);
    }

    /** Registers a complaint filed at the given instant and waits until its ladder waits for the authority. */
    public UUID register(String filedAt) {
        ResponseEntity<String> response = post("/api/complaints", complaintJson("ANTI_CORRUPTION", filedAt));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        UUID id = UUID.fromString(read(response.getBody()).get("id").asText());
        awaitWaitingAt(id, "Gateway_AwaitAuthorityResponse");
        return id;
    }

    public JsonNode event(UUID id, String eventJson) {
        ResponseEntity<String> response = post("/api/complaints/" + id + "/events", eventJson);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(202);
        return read(response.getBody());
    }

    public ResponseEntity<String> eventResponse(UUID id, String eventJson) {
        return post("/api/complaints/" + id + "/events", eventJson);
    }

    public JsonNode view(UUID id) {
        ResponseEntity<String> response = rest.getForEntity("/api/complaints/" + id, String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return read(response.getBody());
    }

    public String stage(UUID id) {
        return view(id).get("stage").asText();
    }

    /** The id of the complaint's latest letter of a kind, once drafted. */
    public UUID letter(UUID id, String kind) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (JsonNode letter : view(id).get("letters")) {
                if (kind.equals(letter.get("kind").asText()) && !"WITHDRAWN".equals(letter.get("status").asText())) {
                    return UUID.fromString(letter.get("id").asText());
                }
            }
            return null;
        }, java.util.Objects::nonNull);
    }

    public JsonNode file(UUID id, String kind, String filedAt) {
        UUID letter = letter(id, kind);
        return event(id, """
                {"type": "FILED", "letterId": "%s", "filedAt": "%s", "channel": "IN_PERSON"}""".formatted(letter, filedAt));
    }

    public JsonNode deadline(UUID id, String rule) {
        for (JsonNode d : view(id).get("deadlines")) {
            if (rule.equals(d.get("rule").asText())) {
                return d;
            }
        }
        throw new AssertionError("no deadline " + rule + " on complaint " + id + ": " + view(id).get("deadlines"));
    }

    public long historyCount(UUID id, String type) {
        long n = 0;
        for (JsonNode h : view(id).get("history")) {
            if (type.equals(h.get("type").asText())) {
                n++;
            }
        }
        return n;
    }

    /** The application's (and engine's) current time. */
    public java.time.Instant now() {
        return java.time.Instant.parse(read(rest.getForEntity("/api/clock", String.class).getBody()).get("now").asText());
    }

    /** An instant relative to now, written as Almaty local time with its offset, as a lawyer would enter it. */
    public String ago(Duration before) {
        return asEntered(now().minus(before));
    }

    /** An instant as the API takes it from a lawyer: Almaty local time with its offset, whole seconds. */
    public static String asEntered(java.time.Instant instant) {
        return instant.atZone(DeadlineCalculator.ZONE).toOffsetDateTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
    }

    /** History entries of a type whose detail mentions the text (e.g. the rule id a reminder was for). */
    public long historyCount(UUID id, String type, String detailContains) {
        long n = 0;
        for (JsonNode h : view(id).get("history")) {
            if (type.equals(h.get("type").asText()) && h.hasNonNull("detail") && h.get("detail").asText().contains(detailContains)) {
                n++;
            }
        }
        return n;
    }

    public void awaitHistory(UUID id, String type, String detailContains, long count) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(historyCount(id, type, detailContains)).isEqualTo(count));
    }

    public void advanceClock(String isoPeriod) {
        ResponseEntity<String> response = post("/api/clock", "{\"add\": \"" + isoPeriod + "\"}");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    public JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    // ---- engine ------------------------------------------------------------------------------------------------

    public void awaitWaitingAt(UUID id, String... elementIds) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                // the engine appends records while we read them: a concurrent-modification read is simply retried
                .ignoreExceptionsInstanceOf(java.util.ConcurrentModificationException.class)
                .untilAsserted(() -> assertThat(activeElements(id)).contains(elementIds));
    }

    public void awaitHistory(UUID id, String type, long count) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(historyCount(id, type)).isEqualTo(count));
    }

    public void awaitEnded(UUID id) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptionsInstanceOf(java.util.ConcurrentModificationException.class)
                .untilAsserted(() -> assertThat(activeElements(id)).isEmpty());
    }

    /** Element ids currently active in the complaint's current process instance and its called rungs. */
    public Set<String> activeElements(UUID id) {
        long root = ledger.find(id).orElseThrow().processInstanceKey();
        Set<Long> instances = new HashSet<>();
        instances.add(root);
        Map<Long, String> active = new HashMap<>();
        for (Record<?> record : engine.records()) {
            if (record.getValueType() != ValueType.PROCESS_INSTANCE) {
                continue;
            }
            ProcessInstanceRecordValue value = (ProcessInstanceRecordValue) record.getValue();
            if (record.getKey() == value.getProcessInstanceKey() && instances.contains(value.getParentProcessInstanceKey())) {
                instances.add(value.getProcessInstanceKey());
            }
            if (!instances.contains(value.getProcessInstanceKey())) {
                continue;
            }
            if (record.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
                active.put(record.getKey(), value.getElementId());
            } else if (record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                    || record.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED) {
                active.remove(record.getKey());
            }
        }
        return new HashSet<>(active.values());
    }
}
