package kz.shagym.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import kz.shagym.LadderHarness;
import kz.shagym.ShagymIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bad input on every endpoint: a problem+json 4xx that names the field, and nothing written. */
class ComplaintApiBadInputTest extends ShagymIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private static final String VALID = LadderHarness.complaintJson("POLICE", "2026-01-10T10:00:00+05:00");

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return ladder.rest().exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private int rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    private void assertProblem(ResponseEntity<String> response, int status, String field) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        JsonNode problem = ladder.read(response.getBody());
        if (field != null) {
            assertThat(problem.path("field").asText()).as(response.getBody()).isEqualTo(field);
        }
        assertThat(problem.get("detail").asText()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing victim           | victim         | \"victim\": {\"fullName\": \"Иванов Иван Иванович\", \"birthDate\": \"1980-02-03\"}, | ",
            "blank name               | victim.fullName| \"fullName\": \"Иванов Иван Иванович\" | \"fullName\": \"  \"",
            "unknown allegation       | allegation     | \"TORTURE\" | \"BEATING\"",
            "unknown authority        | filedWith      | \"POLICE\" | \"KGB\"",
            "filing date without offset | filedAt      | 2026-01-10T10:00:00+05:00 | 2026-01-10T10:00:00",
            "filing date not a date   | filedAt        | 2026-01-10T10:00:00+05:00 | yesterday",
            "language not ru or kk    | language       | \"ru\" | \"de\"",
            "birth date in the future | victim.birthDate | 1980-02-03 | 2999-02-03",
            "incident in the future   | incidentDate   | \"incidentDate\": \"2026-01-10\" | \"incidentDate\": \"2999-01-10\"",
            "name is a number         | victim.fullName| \"Иванов Иван Иванович\" | 42",
            "unknown field            | colour         | \"language\": \"ru\" | \"language\": \"ru\", \"colour\": \"red\""})
    void registeringWithABadFieldIsRefusedNamingIt(String why, String field, String replace, String with) {
        int before = rows("complaint");
        String body = VALID.replace(replace.strip(), with == null ? "" : with.strip());
        assertProblem(post("/api/complaints", body), 400, field.strip());
        assertThat(rows("complaint")).isEqualTo(before);
    }

    @Test
    void malformedJsonIsRefused() {
        assertProblem(post("/api/complaints", "{\"victim\": "), 400, null);
        assertProblem(post("/api/complaints", "[]"), 400, null);
    }

    @Test
    void filingDateInTheFutureIsRefused() {
        String body = VALID.replace("2026-01-10T10:00:00+05:00", ladder.now().plus(Duration.ofDays(3)).toString());
        assertProblem(post("/api/complaints", body.replace("\"incidentDate\": \"2026-01-10\",", "")), 400, "filedAt");
    }

    @Test
    void eventsThatDoNotFitTheStageAreConflictsAndWriteNothing() {
        UUID id = ladder.register(ladder.ago(Duration.ofHours(3)));
        int events = rows("complaint_event");
        ResponseEntity<String> notYet = post("/api/complaints/" + id + "/events",
                "{\"type\": \"VIEWS_ADOPTED\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofHours(1))));
        assertProblem(notYet, 409, null);
        assertThat(notYet.getBody()).contains("FILED_WITH_AUTHORITY");
        assertProblem(post("/api/complaints/" + id + "/events",
                "{\"type\": \"DECISION\", \"authority\": \"APPEAL_COURT\", \"outcome\": \"REFUSED\", \"decidedAt\": \"%s\"}"
                        .formatted(ladder.ago(Duration.ofHours(1)))), 409, null);
        assertThat(rows("complaint_event")).isEqualTo(events);
        assertThat(ladder.stage(id)).isEqualTo("FILED_WITH_AUTHORITY");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no type                 | type        | {\"occurredAt\": \"2026-01-11T10:00:00+05:00\"}",
            "unknown type            | type        | {\"type\": \"ARRESTED\", \"occurredAt\": \"2026-01-11T10:00:00+05:00\"}",
            "engine-only type        | type        | {\"type\": \"AUTHORITY_SILENT\", \"occurredAt\": \"2026-01-11T10:00:00+05:00\"}",
            "no date                 | occurredAt  | {\"type\": \"REGISTERED\"}",
            "decision without date   | decidedAt   | {\"type\": \"DECISION\", \"authority\": \"INVESTIGATOR\", \"outcome\": \"REFUSED\"}",
            "decision without outcome| outcome     | {\"type\": \"DECISION\", \"authority\": \"INVESTIGATOR\", \"decidedAt\": \"2026-01-11T10:00:00+05:00\"}",
            "decision w/o authority  | authority   | {\"type\": \"DECISION\", \"outcome\": \"REFUSED\", \"decidedAt\": \"2026-01-11T10:00:00+05:00\"}",
            "learned before decided  | learnedAt   | {\"type\": \"DECISION\", \"authority\": \"INVESTIGATOR\", \"outcome\": \"REFUSED\", \"decidedAt\": \"2026-01-11T10:00:00+05:00\", \"learnedAt\": \"2026-01-10T10:00:00+05:00\"}",
            "date out of range       | occurredAt  | {\"type\": \"REGISTERED\", \"occurredAt\": \"1900-01-11T10:00:00+05:00\"}",
            "date in the future      | occurredAt  | {\"type\": \"REGISTERED\", \"occurredAt\": \"2999-01-11T10:00:00+05:00\"}",
            "filed without letter    | letterId    | {\"type\": \"FILED\", \"filedAt\": \"2026-01-11T10:00:00+05:00\"}",
            "letter id not a uuid    | letterId    | {\"type\": \"FILED\", \"letterId\": \"../../etc/passwd\", \"filedAt\": \"2026-01-11T10:00:00+05:00\"}",
            "unknown committee       | committee   | {\"type\": \"UN_SUBMITTED\", \"committee\": \"ECHR\", \"occurredAt\": \"2026-01-11T10:00:00+05:00\"}"})
    void eventsWithABadFieldAreRefusedNamingIt(String why, String field, String body) {
        UUID id = ladder.register(ladder.ago(Duration.ofHours(3)));
        int events = rows("complaint_event");
        assertProblem(post("/api/complaints/" + id + "/events", body), 400, field.strip());
        assertThat(rows("complaint_event")).isEqualTo(events);
    }

    @Test
    void unknownOrMalformedComplaintIdsAreNotFoundOrBadRequest() {
        ResponseEntity<String> unknown = ladder.rest().getForEntity("/api/complaints/" + UUID.randomUUID(), String.class);
        assertProblem(unknown, 404, null);
        ResponseEntity<String> traversal = ladder.rest().getForEntity("/api/complaints/..%2F..%2Fetc%2Fpasswd", String.class);
        assertThat(traversal.getStatusCode().value()).isBetween(400, 404);
        assertProblem(ladder.rest().getForEntity("/api/complaints/not-a-uuid", String.class), 400, "id");
        assertProblem(post("/api/complaints/" + UUID.randomUUID() + "/events", "{\"type\": \"REGISTERED\", \"occurredAt\": \"2026-01-11T10:00:00+05:00\"}"), 404, null);
    }

    @Test
    void clockRefusesNonsense() {
        assertProblem(post("/api/clock", "{\"add\": \"-P1D\"}"), 400, "add");
        assertProblem(post("/api/clock", "{\"add\": \"P1M\"}"), 400, "add");
        assertProblem(post("/api/clock", "{\"add\": \"soon\"}"), 400, "add");
        assertProblem(post("/api/clock", "{}"), 400, "add");
    }

    @Test
    void anonymousCallsAreUnauthorised() {
        ResponseEntity<String> anonymous = restTemplate.getForEntity("/api/complaints/" + UUID.randomUUID(), String.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(restTemplate.getForEntity("/actuator/health", String.class).getBody()).contains("UP");
    }
}
