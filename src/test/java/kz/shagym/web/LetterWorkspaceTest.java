package kz.shagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import kz.shagym.ShagymIntegrationTest;
import kz.shagym.security.PageSession;
import kz.shagym.security.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The letters workspace over HTTP, as a browser would use it: staff assigned to a case review its letter on the
 * letter's page (rendered pages, approve, reject with a comment, an edited DOCX as the next version, what changed), a
 * stale letter is regenerated, the lawyer records the filing there, and refused uploads say why in the page's language.
 */
class LetterWorkspaceTest extends ShagymIntegrationTest {

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private jakarta.servlet.MultipartConfigElement multipart;

    private PageSession signedIn(String username) {
        PageSession session = new PageSession("http://localhost:" + port);
        assertThat(session.login(username, TestUsers.PASSWORD).statusCode()).isEqualTo(302);
        return session;
    }

    @Test
    void assignedStaffPreviewRejectWithACommentUploadANewVersionSeeWhatChangedAndApproveAndTheLawyerFilesIt() {
        LetterWorkspaceFixture f = LetterWorkspaceFixture.create(ladder);
        PageSession staff = signedIn(f.staff());

        HttpResponse<String> page = staff.get(f.page());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Жалоба следственному судье").contains("черновик")
                .contains("alt=\"Страница 1 из").contains(f.action("pdf"));
        HttpResponse<byte[]> image = staff.download(f.action("pages/1.png"));
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(image.body()).startsWith(0x89, 'P', 'N', 'G');
        awaitNewestAudit(f.staff(), "LETTER_PREVIEW");
        HttpResponse<byte[]> pdf = staff.download(f.action("pdf"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
        awaitNewestAudit(f.staff(), "LETTER_DOWNLOAD");

        HttpResponse<String> rejected = staff.submit(f.page(), f.page(), Map.of("decision", "REJECT",
                "note", "Не указана дата получения уведомления"));
        assertThat(rejected.statusCode()).isEqualTo(302);
        page = staff.get(f.page());
        assertThat(page.body()).contains("отклонено").contains("Отклонено").contains(f.staff())
                .contains("Не указана дата получения уведомления");
        String casePage = staff.get("/cases/" + f.complaint()).body();
        assertThat(casePage).contains("data-type=\"LETTER_REJECTED\"").contains("Письмо отклонено")
                .contains("Не указана дата получения уведомления").contains(f.page());

        byte[] edited = LetterWorkspaceFixture.withParagraph(f.docx(ladder), "Уведомление получено заявителем лично.");
        HttpResponse<String> uploaded = staff.upload(f.page(), f.action("content"), Map.of("note", "дата уведомления"),
                "edited.docx", edited);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
        page = staff.get(f.page());
        assertThat(page.body()).as("the new version is a draft to review again").contains("data-status=\"DRAFT\"")
                .contains("data-version=\"2\" data-source=\"UPLOADED\"").contains("загружено").contains("дата уведомления")
                .contains("Версия 2 по сравнению с версией 1")
                .containsPattern("<ins>.*Добавлено: </span><span>Уведомление получено заявителем лично\\.</span></ins>")
                .contains(LetterStoreSha.of(edited));
        assertThat(staff.download(f.action("versions/1")).body()).isNotEqualTo(edited);
        assertThat(staff.download(f.action("versions/2")).body()).isEqualTo(edited);

        assertThat(staff.submit(f.page(), f.page(), Map.of("decision", "APPROVE", "note", "")).statusCode()).isEqualTo(302);
        assertThat(staff.get(f.page()).body()).contains("data-status=\"APPROVED\"").contains("утверждено");
        assertThat(staff.get("/cases/" + f.complaint()).body()).contains("data-type=\"LETTER_APPROVED\"");

        PageSession lawyer = signedIn(f.lawyer());
        HttpResponse<String> filed = lawyer.submit(f.page(), f.action("filing"),
                Map.of("filedOn", java.time.LocalDate.ofInstant(ladder.now(), Formats.ALMATY).toString(), "channel", "COURT_OFFICE"));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(302);
        page = lawyer.get(f.page());
        assertThat(page.body()).contains("data-status=\"FILED\"").contains("подано").doesNotContain("id=\"filing-form\"")
                .doesNotContain("id=\"upload-form\"");
        assertThat(ladder.historyCount(f.complaint(), "FILED")).isEqualTo(1);
    }

    @Test
    void aRefusedUploadSaysWhyInThePageLanguageKeepsTheCommentAndWritesNothing() {
        LetterWorkspaceFixture f = LetterWorkspaceFixture.create(ladder);
        PageSession staff = signedIn(f.staff());
        Map<String, String[]> expected = Map.of(
                "ru", new String[] {"Это не документ DOCX", "Файл больше 10 МБ"},
                "kk", new String[] {"Бұл DOCX құжаты емес", "Файл 10 МБ-тан үлкен"},
                "en", new String[] {"This is not a DOCX document", "The file is larger than 10 MB"});
        for (var language : expected.entrySet()) {
            assertThat(staff.get(f.page() + "?lang=" + language.getKey()).statusCode()).isEqualTo(200);
            String comment = "комментарий " + language.getKey();

            HttpResponse<String> notDocx = staff.upload(f.page(), f.action("content"), Map.of("note", comment), "letter.docx",
                    "<script>alert(1)</script>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(notDocx.statusCode()).isEqualTo(400);
            assertThat(notDocx.body()).contains(language.getValue()[0]).contains(">" + comment + "</textarea>")
                    .contains("aria-invalid=\"true\"").contains("id=\"upload-file-error\"");

            HttpResponse<String> tooLarge = staff.upload(f.page(), f.action("content"), Map.of("note", comment), "letter.docx",
                    new byte[10 * 1024 * 1024 + 1]);
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            assertThat(tooLarge.body()).contains(language.getValue()[1]).contains(">" + comment + "</textarea>");
        }
        assertThat(jdbc.sql("select count(*) from letter_version where letter_id = :l").param("l", f.letter())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aStaleLetterSaysWhyCannotBeApprovedAndIsRegeneratedAsTheNextVersion() {
        LetterWorkspaceFixture f = LetterWorkspaceFixture.create(ladder);
        f.correctTheDateTheLetterQuotes(ladder);
        PageSession staff = signedIn(f.staff());

        String page = staff.get(f.page()).body();
        assertThat(page).contains("id=\"stale-reason\"").contains("срок, который оно цитирует, пересчитан")
                .containsPattern("id=\"approve\"[^>]*disabled");
        HttpResponse<String> approve = staff.submit(f.page(), f.page(), Map.of("decision", "APPROVE", "note", "ок"));
        assertThat(approve.statusCode()).isEqualTo(400);
        assertThat(approve.body()).contains("Письмо устарело: составьте его заново").contains(">ок</textarea>");

        assertThat(staff.submit(f.page(), f.action("regenerate"), Map.of()).statusCode()).isEqualTo(302);
        awaitNewestAudit(f.staff(), "LETTER_GENERATE");
        page = staff.get(f.page()).body();
        assertThat(page).doesNotContain("id=\"stale-reason\"").contains("data-version=\"2\" data-source=\"REGENERATED\"")
                .contains("составлено заново").contains("Версия 2 по сравнению с версией 1");
    }

    @Test
    void unassignedStaffAndOtherLawyersAreRefusedAndACoordinatorSeesOnlyTheTitleAndStatus() {
        LetterWorkspaceFixture f = LetterWorkspaceFixture.create(ladder);
        for (String role : new String[] {"STAFF", "LAWYER"}) {
            PageSession other = signedIn(TestUsers.create(ladder, role));
            assertThat(other.get(f.page()).statusCode()).isEqualTo(403);
            assertThat(other.download(f.action("pages/1.png")).statusCode()).isEqualTo(403);
            awaitNewestAudit(null, "ACCESS_DENIED");
        }
        PageSession coordinator = signedIn(TestUsers.create(ladder, "COORDINATOR"));
        String page = coordinator.get(f.page()).body();
        assertThat(page).contains("Жалоба следственному судье").contains("черновик").contains("id=\"no-identity\"")
                .doesNotContain("<img").doesNotContain("Иванов").doesNotContain("id=\"versions\"").doesNotContain("review-form");
        assertThat(coordinator.download(f.action("pages/1.png")).statusCode()).isEqualTo(403);
        assertThat(coordinator.download(f.action("versions/1")).statusCode()).isEqualTo(403);
        assertThat(coordinator.download(f.action("pdf")).statusCode()).isEqualTo(403);
    }

    /**
     * An upload names the victim: Tomcat keeps every part of a request the size limits let through in memory, and
     * spools none to its temporary directory in clear (a part larger than the threshold would be).
     */
    @Test
    void anUploadIsParsedInMemoryNeverSpooledToDisk() {
        assertThat((long) multipart.getFileSizeThreshold()).isGreaterThanOrEqualTo(multipart.getMaxRequestSize())
                .isGreaterThanOrEqualTo(multipart.getMaxFileSize()).isGreaterThan(10L * 1024 * 1024);
    }

    /** The newest audit entry (of this actor, if named) comes to be {@code action}: a request is audited once answered. */
    private void awaitNewestAudit(String actor, String action) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                        "select action from audit_log" + (actor == null ? "" : " where actor = :a") + " order by seq desc limit 1")
                .params(actor == null ? Map.of() : Map.of("a", actor)).query(String.class).optional()).hasValue(action));
    }

    /** The SHA-256 the versions table shows. */
    private static final class LetterStoreSha {
        static String of(byte[] bytes) {
            try {
                return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
