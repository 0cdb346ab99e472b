package kz.shagym.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
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
 * A case's attachments through the API: uploaded with a title, kind and date, listed with their SHA-256, downloaded as
 * they were sent, deleted softly; refused in words when empty, too large, of another type, or named as another type;
 * readable only with the case's identity grant; sealed at rest; and listed by the letters the lawyer ticks them for.
 */
class AttachmentApiTest extends ShagymIntegrationTest {

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private Attachments attachments;
    @Autowired
    private kz.shagym.letter.AnnexSource annexSource;

    private UUID complaint() {
        return ladder.register(ladder.ago(Duration.ofHours(3)));
    }

    private String base(UUID id) {
        return "/api/complaints/" + id + "/attachments";
    }

    private ResponseEntity<String> upload(TestRestTemplate as, UUID id, byte[] content, String name, String language) {
        var entity = TestFiles.upload(content, name, "Заключение СМЭ № 17", "MEDICAL_REPORT", "2026-03-12");
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(entity.getHeaders());
        if (language != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return as.postForEntity(base(id), new HttpEntity<>(entity.getBody(), headers), String.class);
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Test
    void anUploadIsListedWithItsHashAndDownloadsAsItWasSent() throws Exception {
        UUID id = complaint();
        byte[] pdf = TestFiles.pdf("report");
        ResponseEntity<String> created = upload(ladder.rest(), id, pdf, "smeta.pdf", null);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        JsonNode attachment = ladder.read(created.getBody());
        assertThat(attachment.get("sha256").asText()).isEqualTo(sha256(pdf));
        assertThat(attachment.get("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(attachment.get("size").asLong()).isEqualTo(pdf.length);

        JsonNode list = ladder.read(ladder.rest().getForEntity(base(id), String.class).getBody());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("title").asText()).isEqualTo("Заключение СМЭ № 17");
        assertThat(list.get(0).get("kind").asText()).isEqualTo("MEDICAL_REPORT");
        assertThat(list.get(0).get("documentDate").asText()).isEqualTo("2026-03-12");
        assertThat(list.get(0).get("fileName").asText()).isEqualTo("smeta.pdf");
        assertThat(list.get(0).get("sha256").asText()).isEqualTo(sha256(pdf));

        String aid = attachment.get("id").asText();
        ResponseEntity<byte[]> download = ladder.rest().getForEntity(base(id) + "/" + aid, byte[].class);
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(download.getBody()).isEqualTo(pdf);
        assertThat(sha256(download.getBody())).isEqualTo(attachment.get("sha256").asText());
        assertThat(download.getHeaders().getFirst("X-Content-SHA256")).isEqualTo(sha256(pdf));
        assertThat(download.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        assertThat(jdbc.sql("select detail from audit_log where action = 'ATTACHMENT_DOWNLOADED' and target like :t")
                .param("t", "%" + aid).query(String.class).list())
                .as("the download is audited, by id and hash, without the title or file name")
                .singleElement().asString().contains(sha256(pdf)).doesNotContain("СМЭ", "smeta");

        for (var file : List.of(new Object[] {TestFiles.png(), "photo.PNG"}, new Object[] {TestFiles.jpeg(), "face.jpeg"},
                new Object[] {TestFiles.zip("[Content_Types].xml", "word/document.xml"), "motion.docx"})) {
            var accepted = upload(ladder.rest(), id, (byte[]) file[0], (String) file[1], null);
            assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(201);
        }
        assertThat(ladder.read(ladder.rest().getForEntity(base(id), String.class).getBody())).hasSize(4);

        var deleted = ladder.rest().exchange(base(id) + "/" + aid, HttpMethod.DELETE, HttpEntity.EMPTY, String.class);
        assertThat(deleted.getStatusCode().value()).isEqualTo(204);
        assertThat(ladder.read(ladder.rest().getForEntity(base(id), String.class).getBody())).hasSize(3);
        assertThat(ladder.rest().getForEntity(base(id) + "/" + aid, String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from attachment where id = :id and deleted_at is not null")
                .param("id", UUID.fromString(aid)).query(Integer.class).single()).as("kept for the record").isEqualTo(1);
    }

    @Test
    void aFileOfAnotherTypeAnOversizedOneAnEmptyOneAndOneNamedAsAnotherTypeAreRefusedInWords() {
        UUID id = complaint();
        var png = upload(ladder.rest(), id, TestFiles.png(), "decision.pdf", "ru");
        assertThat(png.getStatusCode().value()).isEqualTo(400);
        JsonNode problem = ladder.read(png.getBody());
        assertThat(problem.get("code").asText()).isEqualTo("NAME_MISMATCH");
        assertThat(problem.get("field").asText()).isEqualTo("file");
        assertThat(problem.get("detail").asText())
                .isEqualTo("Содержимое файла — PNG, а имя «decision.pdf» говорит о другом типе: переименуйте файл с верным расширением.");
        assertThat(ladder.read(upload(ladder.rest(), id, TestFiles.png(), "decision.pdf", "en").getBody()).get("detail").asText())
                .isEqualTo("The file's content is PNG, but its name \"decision.pdf\" says another type: rename the file with the right extension.");
        assertThat(ladder.read(upload(ladder.rest(), id, TestFiles.png(), "decision.pdf", "kk").getBody()).get("detail").asText())
                .startsWith("Файлдың мазмұны — PNG");
        assertThat(ladder.read(upload(ladder.rest(), id, TestFiles.pdf("x"), "noextension", "en").getBody()).get("code").asText())
                .isEqualTo("NAME_MISMATCH");

        var text = upload(ladder.rest(), id, "just text".getBytes(StandardCharsets.UTF_8), "notes.pdf", "en");
        assertThat(text.getStatusCode().value()).isEqualTo(400);
        assertThat(ladder.read(text.getBody()).get("detail").asText())
                .isEqualTo("Only PDF, JPEG, PNG and DOCX are accepted: this file's content is none of them.");
        var zip = upload(ladder.rest(), id, TestFiles.zip("readme.txt"), "archive.docx", "en");
        assertThat(ladder.read(zip.getBody()).get("code").asText()).as("a ZIP without word/document.xml is no DOCX")
                .isEqualTo("UNSUPPORTED_TYPE");

        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(TestFiles.pdf("big"), 0, big, 0, 10);
        var oversized = upload(ladder.rest(), id, big, "big.pdf", "ru");
        assertThat(oversized.getStatusCode().value()).isEqualTo(400);
        assertThat(ladder.read(oversized.getBody()).get("detail").asText())
                .isEqualTo("Файл больше 10 МБ: уменьшите скан или разделите его на части.");
        byte[] limit = Arrays.copyOf(big, 10 * 1024 * 1024);
        assertThat(upload(ladder.rest(), id, limit, "limit.pdf", "ru").getStatusCode().value()).as("exactly the limit").isEqualTo(201);

        var empty = upload(ladder.rest(), id, new byte[0], "empty.pdf", "en");
        assertThat(empty.getStatusCode().value()).isEqualTo(400);
        assertThat(ladder.read(empty.getBody()).get("code").asText()).isEqualTo("EMPTY");

        var untitled = ladder.rest().postForEntity(base(id), TestFiles.upload(TestFiles.png(), "a.png", " ", "PHOTO", null), String.class);
        assertThat(ladder.read(untitled.getBody()).get("field").asText()).isEqualTo("title");
        assertThat(ladder.read(ladder.rest().getForEntity(base(id), String.class).getBody())).as("only the one at the limit").hasSize(1);
    }

    @Test
    void onlyThoseWhoSeeTheVictimsIdentityReadThemAndOnlyWritersChangeThem() {
        UUID id = complaint();
        String aid = ladder.read(upload(ladder.rest(), id, TestFiles.png(), "a.png", null).getBody()).get("id").asText();
        for (String role : new String[] {"COORDINATOR", "STAFF", "LAWYER"}) {
            TestRestTemplate other = restTemplate.withBasicAuth(TestUsers.create(ladder, role), TestUsers.PASSWORD);
            assertThat(other.getForEntity(base(id), String.class).getStatusCode().value()).as(role).isEqualTo(403);
            assertThat(other.getForEntity(base(id) + "/" + aid, String.class).getStatusCode().value()).as(role).isEqualTo(403);
            assertThat(upload(other, id, TestFiles.png(), "b.png", null).getStatusCode().value()).as(role).isEqualTo(403);
            assertThat(other.exchange(base(id) + "/" + aid, HttpMethod.DELETE, HttpEntity.EMPTY, String.class)
                    .getStatusCode().value()).as(role).isEqualTo(403);
        }
        assertThat(ladder.rest().getForEntity(base(UUID.randomUUID()), String.class).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void nothingOfAnAttachmentIsReadableInTheDataDirectory() throws Exception {
        UUID id = complaint();
        String secretText = "Kenzhebekov-bruises-left-wrist-4471";
        String secretTitle = "Акт освидетельствования Жаксылыкова";
        String secretName = "zhaksylykov-akt-8812.pdf";
        byte[] pdf = TestFiles.pdf(secretText + " Жаксылыков избит");
        var created = ladder.rest().postForEntity(base(id), TestFiles.upload(pdf, secretName, secretTitle, "MEDICAL_REPORT", null), String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        jdbc.sql("CHECKPOINT SYNC").update();

        List<Path> files;
        try (Stream<Path> walk = Files.walk(dataDir())) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as("the sealed file is there").anyMatch(f -> f.startsWith(dataDir().resolve("attachments").resolve(id.toString())));
        List<byte[]> secrets = List.of(secretText.getBytes(StandardCharsets.UTF_8), "Жаксылыков".getBytes(StandardCharsets.UTF_8),
                "Жаксылыков".getBytes(StandardCharsets.UTF_16BE), "Жаксылыков".getBytes(StandardCharsets.UTF_16LE),
                secretName.getBytes(StandardCharsets.UTF_8), "zhaksylykov".getBytes(StandardCharsets.UTF_16BE),
                "zhaksylykov".getBytes(StandardCharsets.UTF_16LE), pdf);
        for (Path file : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (NoSuchFileException gone) {
                continue;
            }
            for (byte[] secret : secrets) {
                assertThat(indexOf(bytes, secret)).as("%s holds a secret in clear", dataDir().relativize(file)).isEqualTo(-1);
            }
        }
        assertThat(ladder.rest().getForEntity(base(id) + "/" + ladder.read(created.getBody()).get("id").asText(), byte[].class)
                .getBody()).as("yet it opens with the key").isEqualTo(pdf);
    }

    @Test
    void aLetterListsTheAttachmentsTheLawyerTickedInOrder() {
        UUID id = complaint();
        ladder.event(id, """
                {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofHours(2)), ladder.ago(Duration.ofHours(1))));
        UUID letter = ladder.letter(id, "COMPLAINT_INVESTIGATIVE_JUDGE");
        String first = ladder.read(ladder.rest().postForEntity(base(id),
                TestFiles.upload(TestFiles.pdf("a"), "a.pdf", "Постановление об отказе", "DECISION", "2026-03-12"), String.class)
                .getBody()).get("id").asText();
        String second = ladder.read(ladder.rest().postForEntity(base(id),
                TestFiles.upload(TestFiles.png(), "b.png", "Фото запястий", "PHOTO", null), String.class).getBody()).get("id").asText();
        assertThat(annexSource.annexes(id, kz.shagym.letter.LetterKind.COMPLAINT_INVESTIGATIVE_JUDGE, letter)).isEmpty();
        assertThat(annexSource.annexes(id, kz.shagym.letter.LetterKind.COMPLAINT_INVESTIGATIVE_JUDGE, null)).isEmpty();
        int version = 0;
        for (JsonNode l : ladder.view(id).get("letters")) {
            version = l.get("id").asText().equals(letter.toString()) ? l.get("version").asInt() : version;
        }
        assertThat(version).isPositive();

        var set = ladder.rest().exchange("/api/letters/" + letter + "/annexes", HttpMethod.PUT,
                new HttpEntity<>("{\"attachmentIds\": [\"%s\", \"%s\"]}".formatted(second, first), LadderHarness.jsonHeaders()), String.class);
        assertThat(set.getStatusCode().value()).as(set.getBody()).isEqualTo(200);
        assertThat(ladder.read(set.getBody()).get("letterVersion").asInt()).as("regenerated").isGreaterThan(version);
        assertThat(annexSource.annexes(id, kz.shagym.letter.LetterKind.COMPLAINT_INVESTIGATIVE_JUDGE, letter))
                .containsExactly(new kz.shagym.letter.Annex("Фото запястий", null, null),
                        new kz.shagym.letter.Annex("Постановление об отказе", java.time.LocalDate.of(2026, 3, 12), null));
        String drafted = letterText(id, letter);
        assertThat(drafted).as("the regenerated letter lists them under its enclosures, in the order ticked")
                .contains("1. Фото запястий", "2. Постановление об отказе, 12.03.2026");

        UUID otherCase = complaint();
        String foreign = ladder.read(ladder.rest().postForEntity(base(otherCase),
                TestFiles.upload(TestFiles.png(), "c.png", "Чужое", "PHOTO", null), String.class).getBody()).get("id").asText();
        var refused = ladder.rest().exchange("/api/letters/" + letter + "/annexes", HttpMethod.PUT,
                new HttpEntity<>("{\"attachmentIds\": [\"%s\"]}".formatted(foreign), LadderHarness.jsonHeaders()), String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(ladder.read(refused.getBody()).get("code").asText()).isEqualTo("NOT_OF_THIS_CASE");

        ladder.rest().delete(base(id) + "/" + second);
        assertThat(annexSource.annexes(id, kz.shagym.letter.LetterKind.COMPLAINT_INVESTIGATIVE_JUDGE, letter))
                .as("a deleted attachment leaves the list").extracting(kz.shagym.letter.Annex::title).containsExactly("Постановление об отказе");
        assertThat(attachments.annexes(letter)).hasSize(1);
    }

    @Test
    void filesAndNamesUnderAnOldKeyStillOpenAndTheRotationSealsThemUnderTheActiveKey() throws Exception {
        UUID id = complaint();
        byte[] png = TestFiles.png();
        UUID aid = UUID.fromString(ladder.read(ladder.rest().postForEntity(base(id),
                TestFiles.upload(png, "wrist.png", "Фото запястья", "PHOTO", null), String.class).getBody()).get("id").asText());
        var oldKeys = new kz.shagym.security.IdentityKeys(java.util.Map.of("test-old", java.util.Base64.getDecoder().decode(OLD_KEY)), "test-old");
        Path file = dataDir().resolve("attachments").resolve(id + "/" + aid + ".bin");
        Files.write(file, new kz.shagym.security.StoredFileCipher(oldKeys).seal(png, id + "/" + aid + ".bin"));
        var oldCipher = new kz.shagym.security.VictimIdentityCipher(oldKeys);
        jdbc.sql("update attachment set title = :t, original_file_name = :n where id = :id")
                .param("t", oldCipher.encrypt(Attachments.TITLE, aid, "Фото запястья"))
                .param("n", oldCipher.encrypt(Attachments.FILE_NAME, aid, "wrist.png")).param("id", aid).update();
        assertThat(ladder.rest().getForEntity(base(id) + "/" + aid, byte[].class).getBody()).isEqualTo(png);
        assertThat(attachments.find(id, aid).orElseThrow().title()).isEqualTo("Фото запястья");

        var rotated = ladder.rest().postForEntity("/api/admin/crypto/rotate", null, String.class);
        assertThat(rotated.getStatusCode().value()).as(rotated.getBody()).isEqualTo(200);
        assertThat(ladder.read(rotated.getBody()).get("attachmentFiles").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(ladder.read(rotated.getBody()).get("attachmentNames").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(kz.shagym.security.StoredFileCipher.keyId(Files.readAllBytes(file))).contains("test-new");
        assertThat(jdbc.sql("select title, original_file_name from attachment where id = :id").param("id", aid).query().singleRow().values())
                .allSatisfy(stored -> assertThat(stored.toString()).startsWith("v1:test-new:"));
        assertThat(attachments.find(id, aid).orElseThrow().fileName()).isEqualTo("wrist.png");
        assertThat(ladder.rest().getForEntity(base(id) + "/" + aid, byte[].class).getBody()).isEqualTo(png);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private String letterText(UUID id, UUID letter) {
        byte[] docx = ladder.rest().getForEntity("/api/complaints/" + id + "/letters/" + letter, byte[].class).getBody();
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx));
             var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
            return extractor.getText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
