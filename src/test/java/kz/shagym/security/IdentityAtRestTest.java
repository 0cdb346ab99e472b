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
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import kz.shagym.LadderHarness;
import kz.shagym.ShagymIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The database holds no victim's identity in clear; the assigned lawyer still reads and finds it; rotation rewrites. */
class IdentityAtRestTest extends ShagymIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    private String register(TestRestTemplate as, String name, LocalDate birthDate) {
        return register(as, name, birthDate, null);
    }

    /** {@code injuries}: when given, recorded as the medical facts' injuries and doctor's findings. */
    private String register(TestRestTemplate as, String name, LocalDate birthDate, String injuries) {
        String filedAt = ladder.ago(Duration.ofHours(3));
        String medical = injuries == null ? "" : """
                , "medical": {"injuries": "%s", "examinationDate": "%s", "examinationPlace": "Травмпункт №2",
                 "forensicExamination": "REQUESTED", "doctorFindings": "Заключение: %s"}""".formatted(injuries, filedAt.substring(0, 10), injuries);
        var response = as.postForEntity("/api/complaints", new HttpEntity<>("""
                {"victim": {"fullName": "%s", "birthDate": "%s"}, "region": "Алматы", "allegation": "TORTURE",
                 "incidentDate": "%s", "filedWith": "POLICE", "filedAt": "%s", "language": "ru"%s}"""
                .formatted(name, birthDate, filedAt.substring(0, 10), filedAt, medical), LadderHarness.jsonHeaders()), String.class);
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
    void aNameOfTheLongestAcceptedLengthFitsItsEncryptedColumn() {
        TestRestTemplate lawyer = restTemplate.withBasicAuth(TestUsers.create(ladder, "LAWYER"), TestUsers.PASSWORD);
        String name = (distinctiveName() + " " + "Ж".repeat(5000)).substring(0, 5000);
        String id = register(lawyer, name, LocalDate.of(1980, 1, 1));

        assertThat(lawyer.getForEntity("/api/complaints/" + id, String.class).getBody()).contains(name);
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
        jdbc.sql("""
                update complaint set victim_full_name = :n, victim_birth_date_enc = :b, victim_name_index = :i,
                  medical_findings = :f where id = :id""")
                .param("n", old.encrypt(VictimIdentityCipher.FULL_NAME, id, name))
                .param("b", old.encryptDate(VictimIdentityCipher.BIRTH_DATE, id, LocalDate.of(1975, 5, 6)))
                .param("i", old.nameIndex(name))
                .param("f", old.encrypt(VictimIdentityCipher.MEDICAL_FINDINGS, id, "Ссадины на запястьях"))
                .param("id", id).update();
        assertThat(lawyer.getForEntity("/api/complaints/" + id, String.class).getBody()).as("read with the old key")
                .contains(name, "Ссадины на запястьях");
        assertThat(lawyer.getForEntity("/api/complaints?victimName={n}", String.class, name).getBody()).contains(id.toString());

        assertThat(lawyer.postForEntity("/api/admin/crypto/rotate", null, String.class).getStatusCode().value()).isEqualTo(403);
        var rotated = ladder.rest().postForEntity("/api/admin/crypto/rotate", null, String.class);
        assertThat(rotated.getStatusCode().value()).as(rotated.getBody()).isEqualTo(200);
        assertThat(ladder.read(rotated.getBody()).get("rewritten").asInt()).isGreaterThanOrEqualTo(1);

        Map<String, Object> row = jdbc.sql("""
                select victim_full_name, victim_birth_date_enc, victim_name_index, medical_findings from complaint where id = :id""")
                .param("id", id).query().singleRow();
        assertThat(row.values()).allSatisfy(v -> assertThat(v.toString()).startsWith(v == row.get("victim_name_index") ? "test-new:" : "v1:test-new:"));
        assertThat(lawyer.getForEntity("/api/complaints/" + id, String.class).getBody()).contains(name).contains("1975-05-06")
                .contains("Ссадины на запястьях");
        assertThat(lawyer.getForEntity("/api/complaints?victimName={n}", String.class, name).getBody()).contains(id.toString());
    }

    /**
     * Every file under the data directory — the H2 file, every letter version (generated and uploaded), whatever a PDF
     * conversion might leave — is searched for the victim's name and the medical text, raw and, where a file is a ZIP
     * (a DOCX is one), inside each of its unzipped entries. The controls prove the search would see them in clear.
     */
    @Test
    void noFileUnderTheDataDirectoryHoldsTheVictimsNameOrMedicalFactsAfterLettersAndAPdf() throws Exception {
        TestRestTemplate lawyer = restTemplate.withBasicAuth(TestUsers.create(ladder, "LAWYER"), TestUsers.PASSWORD);
        String name = distinctiveName();
        String injuries = "Перелом " + name.split(" ")[2] + " ребра";
        UUID id = UUID.fromString(register(lawyer, name, LocalDate.of(1982, 9, 30), injuries));
        UUID motion = ladder.letter(id, "FORENSIC_EXAM_MOTION");
        String letter = "/api/complaints/" + id + "/letters/" + motion;
        byte[] drafted = lawyer.getForEntity(letter, byte[].class).getBody();
        assertThat(secretsIn(drafted, List.of(name, injuries))).as("control: the drafted letter names the victim and "
                + "quotes the injuries, and the search sees them inside the DOCX").containsExactlyInAnyOrder(name, injuries);
        HttpHeaders docx = new HttpHeaders();
        docx.setContentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        assertThat(lawyer.exchange(letter + "/content", HttpMethod.PUT, new HttpEntity<>(drafted, docx), String.class)
                .getStatusCode().value()).as("an uploaded version").isEqualTo(200);
        var pdf = lawyer.getForEntity(letter + "/pdf", byte[].class);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);

        jdbc.sql("CHECKPOINT SYNC").update();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dataDir())) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as("the H2 file and both versions of the motion")
                .contains(dataDir().resolve("shagym.mv.db"))
                .filteredOn(f -> f.startsWith(dataDir().resolve("letters").resolve(id.toString()))).hasSize(2);
        List<String> secrets = List.of(name, name.split(" ")[0], name.toLowerCase(), injuries, "Травмпункт №2");
        for (Path file : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (java.nio.file.NoSuchFileException gone) {
                continue; // a temporary file of another component, deleted while we walked
            }
            assertThat(secretsIn(bytes, secrets)).as("secrets in %s", dataDir().relativize(file)).isEmpty();
        }
    }

    /** The secrets found in the bytes (UTF-8, UTF-16) or, if they are a ZIP, in any of its entries. */
    private static List<String> secretsIn(byte[] bytes, List<String> secrets) throws java.io.IOException {
        List<String> found = new java.util.ArrayList<>(secretsInRaw(bytes, secrets));
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                secretsInRaw(zip.readAllBytes(), secrets).stream().filter(s -> !found.contains(s)).forEach(found::add);
            }
        } catch (java.util.zip.ZipException notAZip) {
            // an encrypted file, the H2 file: searched raw above
        }
        return found;
    }

    private static List<String> secretsInRaw(byte[] bytes, List<String> secrets) {
        return secrets.stream().filter(secret -> List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)
                .stream().anyMatch(charset -> indexOf(bytes, secret.getBytes(charset)) >= 0)).toList();
    }

    /**
     * Letter files written before encryption are plain DOCX, and an older key may have sealed others: both still
     * download as they were, and the key rotation seals them under the active key, leaving the frozen SHA-256 (that of
     * the plain DOCX) true.
     */
    @Test
    void letterFilesStoredPlainOrUnderAnOldKeyStillDownloadAndTheRotationSealsThemUnderTheActiveKey() throws Exception {
        TestRestTemplate lawyer = restTemplate.withBasicAuth(TestUsers.create(ladder, "LAWYER"), TestUsers.PASSWORD);
        String name = distinctiveName();
        UUID id = UUID.fromString(register(lawyer, name, LocalDate.of(1990, 4, 4)));
        UUID motion = ladder.letter(id, "FORENSIC_EXAM_MOTION");
        String letter = "/api/complaints/" + id + "/letters/" + motion;
        var original = lawyer.getForEntity(letter, byte[].class);
        byte[] plain = original.getBody();
        String sha = original.getHeaders().getFirst("X-Content-SHA256");
        HttpHeaders docx = new HttpHeaders();
        docx.setContentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        lawyer.exchange(letter + "/content", HttpMethod.PUT, new HttpEntity<>(plain, docx), String.class);
        Path v1 = dataDir().resolve("letters").resolve(id + "/" + motion + "-v1.docx");
        Path v2 = dataDir().resolve("letters").resolve(id + "/" + motion + "-v2.docx");
        assertThat(new String(Files.readAllBytes(v1), 0, 8, StandardCharsets.US_ASCII)).as("sealed when written").isEqualTo("SHAGYM-F");

        Files.write(v1, plain); // as stored before encryption
        Files.write(v2, new StoredFileCipher(new IdentityKeys(Map.of("test-old", Base64.getDecoder().decode(OLD_KEY)), "test-old"))
                .seal(plain, id + "/" + motion + "-v2.docx"));
        assertThat(lawyer.getForEntity(letter + "/versions/1", byte[].class).getBody()).as("plain, read as is").isEqualTo(plain);
        assertThat(lawyer.getForEntity(letter + "/versions/2", byte[].class).getBody()).as("under the old key").isEqualTo(plain);

        var rotated = ladder.rest().postForEntity("/api/admin/crypto/rotate", null, String.class);
        assertThat(rotated.getStatusCode().value()).as(rotated.getBody()).isEqualTo(200);
        assertThat(ladder.read(rotated.getBody()).get("letterFiles").asInt()).isGreaterThanOrEqualTo(2);

        for (Path file : List.of(v1, v2)) {
            assertThat(StoredFileCipher.keyId(Files.readAllBytes(file))).as("%s", file.getFileName()).contains("test-new");
            assertThat(secretsIn(Files.readAllBytes(file), List.of(name))).isEmpty();
        }
        var v1After = lawyer.getForEntity(letter + "/versions/1", byte[].class);
        assertThat(v1After.getBody()).isEqualTo(plain);
        assertThat(v1After.getHeaders().getFirst("X-Content-SHA256")).isEqualTo(sha);
        assertThat(lawyer.getForEntity(letter, byte[].class).getBody()).isEqualTo(plain);
    }

    /**
     * The lawyer's statements kept with a letter (the risk, why a term was missed…) are encrypted under the identity keys
     * too: one stored under an old key still reads, and the rotation rewrites it under the active key.
     */
    @Test
    void letterParticularsUnderAnOldKeyStillReadAndTheRotationRewritesThemUnderTheActiveKey() {
        TestRestTemplate lawyer = restTemplate.withBasicAuth(TestUsers.create(ladder, "LAWYER"), TestUsers.PASSWORD);
        UUID id = UUID.fromString(register(lawyer, distinctiveName(), LocalDate.of(1982, 3, 4)));
        UUID motion = ladder.letter(id, "FORENSIC_EXAM_MOTION");
        String particulars = "/api/complaints/" + id + "/letters/" + motion + "/particulars";
        var saved = lawyer.exchange(particulars, HttpMethod.PUT, new HttpEntity<>(
                "{\"missedTermReason\": \"Копию вручили только через месяц\"}", LadderHarness.jsonHeaders()), String.class);
        assertThat(saved.getStatusCode().value()).as(saved.getBody()).isEqualTo(200);
        VictimIdentityCipher old = new VictimIdentityCipher(new IdentityKeys(
                Map.of("test-old", Base64.getDecoder().decode(OLD_KEY)), "test-old"));
        jdbc.sql("update letter_particulars set missed_term_reason = :m where letter_id = :l")
                .param("m", old.encrypt("missed_term_reason", motion, "Копию вручили только через месяц"))
                .param("l", motion).update();
        assertThat(lawyer.getForEntity(particulars, String.class).getBody()).as("read with the old key")
                .contains("Копию вручили только через месяц");

        var rotated = ladder.rest().postForEntity("/api/admin/crypto/rotate", null, String.class);
        assertThat(rotated.getStatusCode().value()).as(rotated.getBody()).isEqualTo(200);
        assertThat(ladder.read(rotated.getBody()).get("letterParticulars").asInt()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("select missed_term_reason from letter_particulars where letter_id = :l").param("l", motion)
                .query(String.class).single()).startsWith("v1:test-new:");
        assertThat(lawyer.getForEntity(particulars, String.class).getBody()).contains("Копию вручили только через месяц");
    }

    /** Where {@code needle} first occurs in {@code haystack} (-1: nowhere): the grep over database and letter files. */
    static int indexOf(byte[] haystack, byte[] needle) {
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
