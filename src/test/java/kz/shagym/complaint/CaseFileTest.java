package kz.shagym.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
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
 * The case file: read and replaced as a whole over the API by those who see the victim's identity, normalized and
 * checked (ИИН, dates), stored as one envelope nobody can read in the data directory, audited without its values, and
 * every draft quoting it stale once it changed.
 */
class CaseFileTest extends ShagymIntegrationTest {

    private static final String CASE_FILE = """
            {"applicant": {"role": "RELATIVE", "fullName": "  Серикова Айгуль Маратовна ", "gender": "FEMALE",
              "relationship": "мать", "birthDate": "1970-03-08", "nationality": "Республика Казахстан",
              "address": "%s", "iin": "%s", "phone": "+7 701 555 12 34", "email": ""},
             "victim": {"gender": "MALE", "iin": "900101300123"},
             "counsel": {"fullName": "Ахметов Бауыржан", "gender": "MALE", "licenceNumber": "0001234",
              "warrantNumber": "77", "warrantDate": "%s", "barAssociation": "Алматинская городская коллегия адвокатов"},
             "incident": {"time": "около 23:00", "place": "ОП Алмалинского района", "whatHappened": "Избили при задержании",
              "perpetrators": "оперуполномоченный Б.", "unit": "ОП Алмалинского района", "detentionPlace": "ИВС ДП г. Алматы"},
             "proceedings": {"kuiNumber": "КУИ 1234", "erdrNumber": "247500031000123", "victimRecognisedOn": "%s"}}""";

    @Autowired
    private JdbcClient jdbc;

    private String today() {
        return ladder.ago(Duration.ZERO).substring(0, 10);
    }

    private String caseFile(String address, String iin) {
        return CASE_FILE.formatted(address, iin, today(), today());
    }

    private UUID registered(TestRestTemplate as) {
        var response = as.postForEntity("/api/complaints", new HttpEntity<>(LadderHarness.complaintJson("POLICE",
                ladder.ago(Duration.ofHours(3))), LadderHarness.jsonHeaders()), String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return UUID.fromString(ladder.read(response.getBody()).get("id").asText());
    }

    private ResponseEntity<String> replace(TestRestTemplate as, UUID id, String json) {
        return as.exchange("/api/complaints/" + id + "/case-file", HttpMethod.PUT,
                new HttpEntity<>(json, LadderHarness.jsonHeaders()), String.class);
    }

    private ResponseEntity<String> read(TestRestTemplate as, UUID id) {
        return as.getForEntity("/api/complaints/" + id + "/case-file", String.class);
    }

    private TestRestTemplate as(String role) {
        return restTemplate.withBasicAuth(TestUsers.create(ladder, role), TestUsers.PASSWORD);
    }

    @Test
    void theLawyerStoresTheCaseFileAndReadsItBackNormalizedAWholeReplacementClearsWhatItLeavesOut() {
        TestRestTemplate lawyer = as("LAWYER");
        UUID id = registered(lawyer);
        assertThat(read(lawyer, id).getBody()).as("none yet: every part empty")
                .isEqualTo("{\"victim\":{},\"applicant\":{},\"counsel\":{},\"incident\":{},\"proceedings\":{}}");

        var stored = replace(lawyer, id, caseFile("г. Алматы, ул. Абая, 1", "700308400111"));
        assertThat(stored.getStatusCode().value()).as(stored.getBody()).isEqualTo(200);
        JsonNode file = ladder.read(read(lawyer, id).getBody());
        assertThat(file.at("/applicant/role").asText()).isEqualTo("RELATIVE");
        assertThat(file.at("/applicant/fullName").asText()).as("trimmed").isEqualTo("Серикова Айгуль Маратовна");
        assertThat(file.at("/applicant/gender").asText()).isEqualTo("FEMALE");
        assertThat(file.at("/applicant/birthDate").asText()).isEqualTo("1970-03-08");
        assertThat(file.at("/applicant/iin").asText()).isEqualTo("700308400111");
        assertThat(file.at("/applicant").has("email")).as("blank is absent").isFalse();
        assertThat(file.at("/victim/iin").asText()).isEqualTo("900101300123");
        assertThat(file.at("/counsel/warrantDate").asText()).isEqualTo(today());
        assertThat(file.at("/incident/whatHappened").asText()).isEqualTo("Избили при задержании");
        assertThat(file.at("/proceedings/erdrNumber").asText()).isEqualTo("247500031000123");
        assertThat(file.at("/proceedings/victimRecognisedOn").asText()).isEqualTo(today());

        assertThat(replace(lawyer, id, "{\"proceedings\": {\"kuiNumber\": \" КУИ 99 \"}}").getStatusCode().value()).isEqualTo(200);
        assertThat(read(lawyer, id).getBody()).isEqualTo(
                "{\"victim\":{},\"applicant\":{},\"counsel\":{},\"incident\":{},\"proceedings\":{\"kuiNumber\":\"КУИ 99\"}}");
        assertThat(replace(lawyer, UUID.randomUUID(), "{}").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void onlyThoseWhoSeeTheVictimsIdentityReadItAndOnlyThoseWhoMayAlsoChangeTheCaseReplaceIt() {
        TestRestTemplate lawyer = as("LAWYER");
        UUID id = registered(lawyer);
        replace(lawyer, id, caseFile("г. Алматы, ул. Абая, 1", "700308400111"));

        for (String role : new String[] {"COORDINATOR", "STAFF", "LAWYER"}) {
            var refused = read(as(role), id);
            assertThat(refused.getStatusCode().value()).as(role).isEqualTo(403);
            assertThat(refused.getBody()).as(role).doesNotContain("Абая", "700308400111");
            assertThat(replace(as(role), id, "{\"incident\": {\"place\": \"подмена\"}}").getStatusCode().value()).as(role).isEqualTo(403);
        }
        assertThat(read(ladder.rest(), id).getBody()).as("an administrator").contains("700308400111");
        assertThat(read(lawyer, id).getBody()).doesNotContain("подмена");
    }

    @Test
    void aMalformedIinAFutureDateARecognitionBeforeTheIncidentOrTooLongATextIsA400NamingTheFieldAndNothingChanges() {
        TestRestTemplate lawyer = as("LAWYER");
        UUID id = registered(lawyer);
        replace(lawyer, id, caseFile("г. Алматы, ул. Абая, 1", "700308400111"));
        String[][] cases = {
                {"{\"applicant\": {\"iin\": \"7003084001\"}}", "applicant.iin", "IIN"},
                {"{\"victim\": {\"iin\": \"90010130012X\"}}", "victim.iin", "IIN"},
                {"{\"counsel\": {\"warrantDate\": \"2999-01-01\"}}", "counsel.warrantDate", "has not come yet"},
                {"{\"applicant\": {\"birthDate\": \"2999-01-01\"}}", "applicant.birthDate", "has not come yet"},
                {"{\"proceedings\": {\"victimRecognisedOn\": \"2999-01-01\"}}", "proceedings.victimRecognisedOn", "has not come yet"},
                {"{\"proceedings\": {\"victimRecognisedOn\": \"2001-01-01\"}}", "proceedings.victimRecognisedOn", "before the incident"},
                {"{\"incident\": {\"whatHappened\": \"" + "Ж".repeat(CaseFileService.MAX_LONG + 1) + "\"}}", "incident.whatHappened", "at most"},
                {"{\"applicant\": {\"role\": \"NEIGHBOUR\"}}", "applicant.role", ""}};
        for (String[] bad : cases) {
            ResponseEntity<String> refused = replace(lawyer, id, bad[0]);
            assertThat(refused.getStatusCode().value()).as(bad[1]).isEqualTo(400);
            assertThat(ladder.read(refused.getBody()).get("field").asText()).isEqualTo(bad[1]);
            assertThat(refused.getBody()).as(bad[1]).contains(bad[2]);
        }
        var russian = lawyer.exchange("/api/complaints/" + id + "/case-file", HttpMethod.PUT,
                new HttpEntity<>(cases[0][0], headers("ru")), String.class);
        assertThat(russian.getBody()).contains("ИИН заявителя: ИИН состоит ровно из 12 цифр.");
        assertThat(read(lawyer, id).getBody()).as("unchanged").contains("700308400111", "Абая");
    }

    @Test
    void theCaseFileMayComeWithTheIntakeAndIsCheckedThereNamingItsFieldUnderCaseFile() {
        TestRestTemplate lawyer = as("LAWYER");
        String complaint = LadderHarness.complaintJson("POLICE", ladder.ago(Duration.ofHours(3)));
        String withFile = complaint.substring(0, complaint.lastIndexOf('}')) + ", \"caseFile\": "
                + caseFile("г. Алматы, ул. Абая, 1", "700308400111") + "}";
        var created = lawyer.postForEntity("/api/complaints", new HttpEntity<>(withFile, LadderHarness.jsonHeaders()), String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        assertThat(created.getBody()).as("the intake's answer is no read of it").doesNotContain("700308400111", "Абая");
        UUID id = UUID.fromString(ladder.read(created.getBody()).get("id").asText());
        JsonNode file = ladder.read(read(lawyer, id).getBody());
        assertThat(file.at("/applicant/iin").asText()).isEqualTo("700308400111");
        assertThat(file.at("/applicant/fullName").asText()).isEqualTo("Серикова Айгуль Маратовна");

        int before = jdbc.sql("select count(*) from complaint").query(Integer.class).single();
        String badIin = complaint.substring(0, complaint.lastIndexOf('}')) + ", \"caseFile\": {\"victim\": {\"iin\": \"12\"}}}";
        var refused = lawyer.postForEntity("/api/complaints", new HttpEntity<>(badIin, LadderHarness.jsonHeaders()), String.class);
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(ladder.read(refused.getBody()).get("field").asText()).isEqualTo("caseFile.victim.iin");
        assertThat(jdbc.sql("select count(*) from complaint").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void aCaseFileSealedUnderAnOldKeyStillReadsAndTheKeyRotationSealsItUnderTheActiveKey() {
        TestRestTemplate lawyer = as("LAWYER");
        UUID id = registered(lawyer);
        var old = new kz.shagym.security.VictimIdentityCipher(new kz.shagym.security.IdentityKeys(
                java.util.Map.of("test-old", java.util.Base64.getDecoder().decode(OLD_KEY)), "test-old"));
        jdbc.sql("update complaint set case_file = :f where id = :id")
                .param("f", old.encrypt(kz.shagym.security.VictimIdentityCipher.CASE_FILE, id,
                        "{\"incident\":{\"place\":\"ИВС г. Караганды\"}}"))
                .param("id", id).update();
        assertThat(read(lawyer, id).getBody()).as("read with the old key").contains("ИВС г. Караганды");

        var rotated = ladder.rest().postForEntity("/api/admin/crypto/rotate", null, String.class);
        assertThat(rotated.getStatusCode().value()).as(rotated.getBody()).isEqualTo(200);
        assertThat(jdbc.sql("select case_file from complaint where id = :id").param("id", id).query(String.class).single())
                .startsWith("v1:test-new:");
        assertThat(read(lawyer, id).getBody()).contains("ИВС г. Караганды");
    }

    private static HttpHeaders headers(String language) {
        HttpHeaders headers = LadderHarness.jsonHeaders();
        headers.set("Accept-Language", language);
        return headers;
    }

    @Test
    void eachChangeIsAuditedByThePartsThatChangedNeverTheirValuesAndEachReadIsAudited() {
        String lawyerName = TestUsers.create(ladder, "LAWYER");
        TestRestTemplate lawyer = restTemplate.withBasicAuth(lawyerName, TestUsers.PASSWORD);
        UUID id = registered(lawyer);
        String caseNumber = ladder.read(lawyer.getForEntity("/api/complaints/" + id, String.class).getBody()).get("caseNumber").asText();
        replace(lawyer, id, caseFile("г. Алматы, ул. Абая, 1", "700308400111"));
        replace(lawyer, id, caseFile("г. Алматы, ул. Абая, 2", "700308400111"));
        replace(lawyer, id, caseFile("г. Алматы, ул. Абая, 2", "700308400111")); // nothing changes: nothing to audit
        read(lawyer, id);

        List<String> changes = jdbc.sql("select detail from audit_log where actor = :a and action = 'CASE_FILE_CHANGED' "
                + "and target = :t order by seq").param("a", lawyerName).param("t", "case " + caseNumber).query(String.class).list();
        assertThat(changes).containsExactly("case file changed: victim, applicant, counsel, incident, proceedings",
                "case file changed: applicant");
        assertThat(jdbc.sql("select detail from audit_log where actor = :a and action = 'CASE_FILE_READ' and target = :t")
                .param("a", lawyerName).param("t", "complaint " + id).query(String.class).list())
                .singleElement().asString().contains("GET /api/complaints/" + id + "/case-file", "disclosed: case file");
        assertThat(jdbc.sql("select detail from audit_log where actor = :a").param("a", lawyerName).query(String.class).list())
                .noneMatch(d -> d.contains("Абая") || d.contains("700308400111") || d.contains("Серикова"));
    }

    @Test
    void everyDraftIsStaleOnceTheCaseFileChanged() {
        TestRestTemplate lawyer = as("LAWYER");
        UUID id = registered(lawyer);
        UUID letter = ladder.letter(id, "FORENSIC_EXAM_MOTION");
        assertThat(staleOf(lawyer, id, letter)).isFalse();
        replace(lawyer, id, caseFile("г. Алматы, ул. Абая, 1", "700308400111"));
        assertThat(staleOf(lawyer, id, letter)).isTrue();
    }

    private boolean staleOf(TestRestTemplate as, UUID id, UUID letterId) {
        for (JsonNode letter : ladder.read(as.getForEntity("/api/complaints/" + id, String.class).getBody()).get("letters")) {
            if (letterId.toString().equals(letter.get("id").asText())) {
                return letter.get("stale").asBoolean();
            }
        }
        throw new AssertionError("no letter " + letterId + " on " + id);
    }

    /**
     * Every file under the data directory (the H2 file above all) is searched for a distinctive address and ИИН after
     * they were saved; the control proves the ledger itself still gives them back.
     */
    @Test
    void noFileUnderTheDataDirectoryHoldsTheCaseFilesAddressOrIinInClear() throws Exception {
        TestRestTemplate lawyer = as("LAWYER");
        UUID id = registered(lawyer);
        String marker = UUID.randomUUID().toString().replaceAll("[^0-9]", "");
        String iin = (marker + "000000000000").substring(0, 12);
        String address = "г. Караганда, ул. Жамбыла-" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9]", "") + "ская, 7";
        assertThat(replace(lawyer, id, caseFile(address, iin)).getStatusCode().value()).isEqualTo(200);
        assertThat(read(lawyer, id).getBody()).as("control: the lawyer reads them").contains(address, iin);
        assertThat(jdbc.sql("select case_file from complaint where id = :id").param("id", id).query(String.class).single())
                .startsWith("v1:test-new:").doesNotContain(iin);

        jdbc.sql("CHECKPOINT SYNC").update();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dataDir())) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).contains(dataDir().resolve("shagym.mv.db"));
        for (Path file : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (java.nio.file.NoSuchFileException gone) {
                continue; // a temporary file of another component, deleted while we walked
            }
            for (String secret : List.of(address, iin)) {
                for (var charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
                    assertThat(indexOf(bytes, secret.getBytes(charset))).as("%s in %s", secret, dataDir().relativize(file)).isNegative();
                }
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
