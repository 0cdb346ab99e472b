package kz.shagym.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.shagym.ShagymIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The database holds no victim's identity in clear; the assigned lawyer still reads and finds it; rotation rewrites. */
class IdentityAtRestTest extends ShagymIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    private String register(TestRestTemplate as, String name, LocalDate birthDate) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String filedAt = ladder.ago(Duration.ofHours(3));
        var response = as.postForEntity("/api/complaints", new HttpEntity<>("""
                {"victim": {"fullName": "%s", "birthDate": "%s"}, "region": "Алматы", "allegation": "TORTURE",
                 "incidentDate": "%s", "filedWith": "POLICE", "filedAt": "%s", "language": "ru"}"""
                .formatted(name, birthDate, filedAt.substring(0, 10), filedAt), headers), String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return ladder.read(response.getBody()).get("id").asText();
    }

    /** A name no other test uses, so that a hit in the file can only be this victim. */
    private static String distinctiveName() {
        String suffix = UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase();
        return "Жақсылықбаев Өмірзақ " + suffix.chars().mapToObj(c -> String.valueOf((char) ('А' + c - 'A'))).reduce("", String::concat) + "ұлы";
    }

    @Test
    void theH2FileHoldsNoVictimNameOrBirthDateInClearTextWhileTheLawyerStillSeesThem() throws Exception {
        String lawyerName = TestUsers.create(ladder, "LAWYER");
        TestRestTemplate lawyer = restTemplate.withBasicAuth(lawyerName, TestUsers.PASSWORD);
        String name = distinctiveName();
        LocalDate birthDate = LocalDate.of(1961, 7, 14);
        String id = register(lawyer, name, birthDate);

        jdbc.sql("CHECKPOINT SYNC").update();
        byte[] file = Files.readAllBytes(dataDir().resolve("shagym.mv.db"));
        String caseNumber = jdbc.sql("select case_number from complaint where id = :id").param("id", UUID.fromString(id))
                .query(String.class).single();
        assertThat(indexOf(file, caseNumber.getBytes(StandardCharsets.UTF_8))).as("control: the grep sees plain columns").isNotEqualTo(-1);
        for (String secret : List.of(name, name.split(" ")[0], name.toLowerCase(), "1961-07-14", "14.07.1961")) {
            for (var charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
                assertThat(indexOf(file, secret.getBytes(charset))).as("'%s' in %s in shagym.mv.db", secret, charset).isEqualTo(-1);
            }
        }
        assertThat(jdbc.sql("select victim_full_name from complaint where id = :id").param("id", UUID.fromString(id))
                .query(String.class).single()).startsWith("v1:test-new:");

        var view = lawyer.getForEntity("/api/complaints/" + id, String.class);
        assertThat(view.getBody()).contains(name).contains("1961-07-14");
    }

    @Test
    void theBlindIndexFindsTheCaseForItsLawyerOnly() {
        String aliceName = TestUsers.create(ladder, "LAWYER");
        TestRestTemplate alice = restTemplate.withBasicAuth(aliceName, TestUsers.PASSWORD);
        TestRestTemplate bob = restTemplate.withBasicAuth(TestUsers.create(ladder, "LAWYER"), TestUsers.PASSWORD);
        TestRestTemplate coordinator = restTemplate.withBasicAuth(TestUsers.create(ladder, "COORDINATOR"), TestUsers.PASSWORD);
        String name = distinctiveName();
        String id = register(alice, name, LocalDate.of(1990, 1, 2));
        String differentSpelling = "  " + name.toUpperCase().replace(" ", "   ") + " ";

        assertThat(alice.getForEntity("/api/complaints?victimName={n}", String.class, differentSpelling).getBody()).contains(id);
        assertThat(ladder.rest().getForEntity("/api/complaints?victimName={n}", String.class, name).getBody()).contains(id);
        var bobs = bob.getForEntity("/api/complaints?victimName={n}", String.class, name);
        assertThat(bobs.getStatusCode().value()).isEqualTo(200);
        assertThat(bobs.getBody()).isEqualTo("[]");
        assertThat(alice.getForEntity("/api/complaints?victimName={n}", String.class, name + " x").getBody()).isEqualTo("[]");
        assertThat(coordinator.getForEntity("/api/complaints?victimName={n}", String.class, name).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void rotationRewritesRowsUnderAnOldKeyToTheActiveKey() {
        TestRestTemplate lawyer = restTemplate.withBasicAuth(TestUsers.create(ladder, "LAWYER"), TestUsers.PASSWORD);
        String name = distinctiveName();
        UUID id = UUID.fromString(register(lawyer, name, LocalDate.of(1975, 5, 6)));
        VictimIdentityCipher old = new VictimIdentityCipher(new IdentityKeys(
                Map.of("test-old", Base64.getDecoder().decode(OLD_KEY)), "test-old"));
        jdbc.sql("update complaint set victim_full_name = :n, victim_birth_date_enc = :b, victim_name_index = :i where id = :id")
                .param("n", old.encrypt(VictimIdentityCipher.FULL_NAME, id, name))
                .param("b", old.encryptDate(VictimIdentityCipher.BIRTH_DATE, id, LocalDate.of(1975, 5, 6)))
                .param("i", old.nameIndex(name)).param("id", id).update();
        assertThat(lawyer.getForEntity("/api/complaints/" + id, String.class).getBody()).as("read with the old key").contains(name);
        assertThat(lawyer.getForEntity("/api/complaints?victimName={n}", String.class, name).getBody()).contains(id.toString());

        assertThat(lawyer.postForEntity("/api/admin/crypto/rotate", null, String.class).getStatusCode().value()).isEqualTo(403);
        var rotated = ladder.rest().postForEntity("/api/admin/crypto/rotate", null, String.class);
        assertThat(rotated.getStatusCode().value()).as(rotated.getBody()).isEqualTo(200);
        assertThat(ladder.read(rotated.getBody()).get("rewritten").asInt()).isGreaterThanOrEqualTo(1);

        Map<String, Object> row = jdbc.sql("select victim_full_name, victim_birth_date_enc, victim_name_index from complaint where id = :id")
                .param("id", id).query().singleRow();
        assertThat(row.values()).allSatisfy(v -> assertThat(v.toString()).startsWith(v == row.get("victim_name_index") ? "test-new:" : "v1:test-new:"));
        assertThat(lawyer.getForEntity("/api/complaints/" + id, String.class).getBody()).contains(name).contains("1975-05-06");
        assertThat(lawyer.getForEntity("/api/complaints?victimName={n}", String.class, name).getBody()).contains(id.toString());
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
