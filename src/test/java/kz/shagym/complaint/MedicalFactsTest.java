package kz.shagym.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import kz.shagym.LadderHarness;
import kz.shagym.ShagymIntegrationTest;
import kz.shagym.security.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Medical facts: recorded at intake or replaced as a whole, encrypted in the ledger, shown only with the identity grant
 * (the assigned lawyer, administrators), refused with a 400 naming the field when malformed, and audited when read.
 */
class MedicalFactsTest extends ShagymIntegrationTest {

    private static final String FACTS = """
            {"injuries": "Гематома левой скулы, следы наручников на запястьях", "examinationDate": "%s",
             "examinationPlace": "Травмпункт № 4, Алматы", "forensicExamination": "REQUESTED",
             "doctorFindings": "Ушиб мягких тканей лица; ссадины обоих запястий"}""";

    @Autowired
    private JdbcClient jdbc;

    private String today() {
        return ladder.ago(Duration.ZERO).substring(0, 10);
    }


    private ResponseEntity<String> registerWith(TestRestTemplate as, String medicalJson) {
        String complaint = LadderHarness.complaintJson("POLICE", ladder.ago(Duration.ofHours(3)));
        String body = complaint.substring(0, complaint.lastIndexOf('}')) + ", \"medical\": " + medicalJson + "}";
        return as.postForEntity("/api/complaints", new HttpEntity<>(body, LadderHarness.jsonHeaders()), String.class);
    }

    private UUID registered(TestRestTemplate as, String medicalJson) {
        ResponseEntity<String> response = registerWith(as, medicalJson);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return UUID.fromString(ladder.read(response.getBody()).get("id").asText());
    }

    private ResponseEntity<String> replace(TestRestTemplate as, UUID id, String medicalJson) {
        return as.exchange("/api/complaints/" + id + "/medical-facts", HttpMethod.PUT, new HttpEntity<>(medicalJson, LadderHarness.jsonHeaders()), String.class);
    }

    private JsonNode medicalAs(TestRestTemplate as, UUID id) {
        var view = as.getForEntity("/api/complaints/" + id, String.class);
        assertThat(view.getStatusCode().value()).as(view.getBody()).isEqualTo(200);
        return ladder.read(view.getBody()).get("medical");
    }

    private TestRestTemplate as(String role) {
        return restTemplate.withBasicAuth(TestUsers.create(ladder, role), TestUsers.PASSWORD);
    }

    private int complaints() {
        return jdbc.sql("select count(*) from complaint").query(Integer.class).single();
    }

    @Test
    void theAssignedLawyerRecordsMedicalFactsAtIntakeAndReadsThemWithTheCaseOnly() {
        TestRestTemplate lawyer = as("LAWYER");
        ResponseEntity<String> created = registerWith(lawyer, FACTS.formatted(today()));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        assertThat(created.getBody()).as("the intake's answer is no read of them").doesNotContain("medical", "Гематома");
        UUID id = UUID.fromString(ladder.read(created.getBody()).get("id").asText());

        JsonNode medical = medicalAs(lawyer, id);
        assertThat(medical.get("injuries").asText()).isEqualTo("Гематома левой скулы, следы наручников на запястьях");
        assertThat(medical.get("examinationDate").asText()).isEqualTo(today());
        assertThat(medical.get("examinationPlace").asText()).isEqualTo("Травмпункт № 4, Алматы");
        assertThat(medical.get("forensicExamination").asText()).isEqualTo("REQUESTED");
        assertThat(medical.get("doctorFindings").asText()).isEqualTo("Ушиб мягких тканей лица; ссадины обоих запястий");
        assertThat(jdbc.sql("select medical_injuries, medical_exam_date, medical_exam_place, medical_forensic_exam, medical_findings "
                + "from complaint where id = :id").param("id", id).query().singleRow().values())
                .allSatisfy(stored -> assertThat(stored.toString()).startsWith("v1:test-new:").doesNotContain("Гематома", "REQUESTED"));
    }

    @Test
    void coordinatorsWithoutTheGrantUnassignedStaffAndOtherLawyersNeverSeeThemAnAdministratorDoes() {
        TestRestTemplate lawyer = as("LAWYER");
        UUID id = registered(lawyer, FACTS.formatted(today()));

        var coordinator = as("COORDINATOR").getForEntity("/api/complaints/" + id, String.class);
        assertThat(coordinator.getStatusCode().value()).isEqualTo(200);
        assertThat(ladder.read(coordinator.getBody()).has("medical")).isFalse();
        assertThat(coordinator.getBody()).doesNotContain("Гематома", "Травмпункт", "Ушиб");
        for (String role : new String[] {"STAFF", "LAWYER"}) {
            var refused = as(role).getForEntity("/api/complaints/" + id, String.class);
            assertThat(refused.getStatusCode().value()).as(role).isEqualTo(403);
            assertThat(refused.getBody()).as(role).doesNotContain("Гематома");
        }
        assertThat(medicalAs(ladder.rest(), id).get("injuries").asText()).startsWith("Гематома");
    }

    @Test
    void theLawyerReplacesThemAsAWholeAndNobodyWithoutTheGrantMay() {
        TestRestTemplate lawyer = as("LAWYER");
        UUID id = registered(lawyer, FACTS.formatted(today()));

        var replaced = replace(lawyer, id, """
                {"injuries": "  Перелом носа  ", "forensicExamination": "DONE", "doctorFindings": "   "}""");
        assertThat(replaced.getStatusCode().value()).as(replaced.getBody()).isEqualTo(200);
        JsonNode medical = medicalAs(lawyer, id);
        assertThat(medical.get("injuries").asText()).isEqualTo("Перелом носа");
        assertThat(medical.get("forensicExamination").asText()).isEqualTo("DONE");
        assertThat(medical.has("examinationDate") || medical.has("examinationPlace") || medical.has("doctorFindings"))
                .as("what the replacement left out is cleared").isFalse();

        for (String role : new String[] {"COORDINATOR", "STAFF", "LAWYER"}) {
            var denied = replace(as(role), id, "{\"injuries\": \"подмена\"}");
            assertThat(denied.getStatusCode().value()).as(role).isEqualTo(403);
        }
        assertThat(replace(ladder.rest(), id, "{\"injuries\": \"Перелом носа и ребра\"}").getStatusCode().value()).isEqualTo(200);
        assertThat(medicalAs(lawyer, id).get("injuries").asText()).isEqualTo("Перелом носа и ребра");
        assertThat(replace(lawyer, UUID.randomUUID(), "{}").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theForensicMotionQuotesTheFactsAndIsStaleUntilRegeneratedAfterTheyChange() {
        TestRestTemplate lawyer = as("LAWYER");
        UUID id = registered(lawyer, FACTS.formatted(today()));
        UUID motion = ladder.letter(id, "FORENSIC_EXAM_MOTION");
        String letter = "/api/complaints/" + id + "/letters/" + motion;
        assertThat(kz.shagym.letter.LetterTestSupport.text(lawyer.getForEntity(letter, byte[].class).getBody()))
                .contains("Гематома левой скулы, следы наручников на запястьях", "Травмпункт № 4, Алматы");

        replace(lawyer, id, "{\"injuries\": \"Перелом носа\"}");
        assertThat(motionOf(lawyer, id).get("stale").asBoolean()).isTrue();
        var approve = lawyer.postForEntity(letter + "/review", new HttpEntity<>("{\"decision\": \"APPROVE\"}", LadderHarness.jsonHeaders()), String.class);
        assertThat(approve.getStatusCode().value()).as("a stale letter cannot be approved").isEqualTo(409);

        assertThat(lawyer.postForEntity(letter + "/regenerate", null, String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(motionOf(lawyer, id).get("stale").asBoolean()).isFalse();
        assertThat(kz.shagym.letter.LetterTestSupport.text(lawyer.getForEntity(letter, byte[].class).getBody()))
                .contains("Перелом носа").doesNotContain("Гематома", "Травмпункт");
    }

    private JsonNode motionOf(TestRestTemplate as, UUID id) {
        for (JsonNode letter : ladder.read(as.getForEntity("/api/complaints/" + id, String.class).getBody()).get("letters")) {
            if ("FORENSIC_EXAM_MOTION".equals(letter.get("kind").asText())) {
                return letter;
            }
        }
        throw new AssertionError("no forensic examination motion on " + id);
    }

    @Test
    void malformedFactsAreA400NamingTheFieldAndNothingIsWritten() {
        TestRestTemplate lawyer = as("LAWYER");
        String tooLong = "Ж".repeat(MedicalFacts.MAX_TEXT + 1);
        String[][] cases = {
                {"{\"injuries\": \"" + tooLong + "\"}", "injuries"},
                {"{\"doctorFindings\": \"" + tooLong + "\"}", "doctorFindings"},
                {"{\"examinationPlace\": \"" + "Ж".repeat(MedicalFacts.MAX_PLACE + 1) + "\"}", "examinationPlace"},
                {"{\"examinationDate\": \"2999-01-01\"}", "examinationDate"},
                {"{\"examinationDate\": \"2001-01-01\"}", "examinationDate"},  // before the incident
                {"{\"examinationDate\": \"вчера\"}", "examinationDate"},
                {"{\"forensicExamination\": \"MAYBE\"}", "forensicExamination"},
                {"{\"injuries\": 42}", "injuries"},
                {"{\"diagnosis\": \"x\"}", "diagnosis"}};
        int before = complaints();
        for (String[] bad : cases) {
            ResponseEntity<String> refused = registerWith(lawyer, bad[0]);
            assertThat(refused.getStatusCode().value()).as(bad[0].substring(0, Math.min(60, bad[0].length()))).isEqualTo(400);
            assertThat(ladder.read(refused.getBody()).get("field").asText()).isEqualTo("medical." + bad[1]);
            assertThat(refused.getBody()).doesNotContain(tooLong);
        }
        assertThat(complaints()).isEqualTo(before);

        UUID id = registered(lawyer, FACTS.formatted(today()));
        for (String[] bad : cases) {
            ResponseEntity<String> refused = replace(lawyer, id, bad[0]);
            assertThat(refused.getStatusCode().value()).as(bad[1]).isEqualTo(400);
            assertThat(ladder.read(refused.getBody()).get("field").asText()).isEqualTo(bad[1]);
        }
        assertThat(replace(lawyer, id, "{\"injuries\": ").getStatusCode().value()).isEqualTo(400);
        assertThat(medicalAs(lawyer, id).get("injuries").asText()).as("unchanged").startsWith("Гематома");
    }

    @Test
    void eachReadOfMedicalFactsIsInTheAuditTrailWithTheCaseRead() {
        String lawyerName = TestUsers.create(ladder, "LAWYER");
        TestRestTemplate lawyer = restTemplate.withBasicAuth(lawyerName, TestUsers.PASSWORD);
        String coordinatorName = TestUsers.create(ladder, "COORDINATOR");
        UUID id = registered(lawyer, FACTS.formatted(today()));

        lawyer.getForEntity("/api/complaints/" + id, String.class);
        restTemplate.withBasicAuth(coordinatorName, TestUsers.PASSWORD).getForEntity("/api/complaints/" + id, String.class);
        replace(lawyer, id, "{\"injuries\": \"Перелом носа\"}");

        assertThat(auditDetails(lawyerName, "CASE_READ", id)).singleElement().asString()
                .contains("GET /api/complaints/" + id, "disclosed: victim identity, medical facts");
        assertThat(auditDetails(coordinatorName, "CASE_READ", id)).singleElement().asString()
                .doesNotContain("medical facts", "victim identity");
        assertThat(auditDetails(lawyerName, "MEDICAL_FACTS_UPDATE", id)).singleElement().asString()
                .contains("PUT /api/complaints/" + id + "/medical-facts").doesNotContain("Перелом");
    }

    private java.util.List<String> auditDetails(String actor, String action, UUID id) {
        return jdbc.sql("select detail from audit_log where actor = :a and action = :action and target = :t order by seq")
                .param("a", actor).param("action", action).param("t", "complaint " + id).query(String.class).list();
    }
}
