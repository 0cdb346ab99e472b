package kz.shagym.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.shagym.ShagymIntegrationTest;
import kz.shagym.security.PageSession;
import kz.shagym.security.TestUsers;
import kz.shagym.web.MissedTerms.MissedCase;
import kz.shagym.web.MissedTerms.Setup;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The coordinator's and the lawyer's overview on the pages, over HTTP with a session: a missed court term stays at the
 * top of the board and first on "my deadlines" until the late filing, with its motion to restore the term linked; who
 * acknowledged it and when; the XLSX export from the session; finding a case by number and by the victim's name.
 */
class BoardDeadlinesPageTest extends ShagymIntegrationTest {

    private static final Pattern DAYS = Pattern.compile("<td class=\"days\">(-?\\d+)</td>");

    @Autowired
    private JdbcClient jdbc;

    private Setup missed;
    private String coordinator;

    @BeforeEach
    void twoMissedCourtTerms() {
        missed = MissedTerms.create(ladder, 2);
        coordinator = TestUsers.create(ladder, "COORDINATOR");
    }

    @Test
    void aMissedTermStaysFlaggedAtTheTopOfTheBoardAndFirstOnMyDeadlinesUntilTheLateFiling() {
        MissedCase first = missed.cases().get(0);
        long daysPast = LocalDate.parse(first.lastDay()).until(today(), ChronoUnit.DAYS);
        assertThat(daysPast).isGreaterThan(0);

        PageSession board = signedIn(coordinator);
        String page = board.get("/board?lawyer=" + encode(missed.lawyer())).body();
        String row = row(page, "data-case", first.caseNumber());
        assertThat(row).contains("flag-missed").contains("срок пропущен").doesNotContain("нет идущего срока");
        assertThat(days(row)).as("days shown negative").isEqualTo(-daysPast);
        assertThat(board.get("/board?flag=MISSED&lawyer=" + encode(missed.lawyer())).body())
                .contains(first.caseNumber(), missed.cases().get(1).caseNumber());
        assertThat(board.get("/board?flag=LETTER_NOT_FILED&lawyer=" + encode(missed.lawyer())).body())
                .as("its letters are drafts, none approved").doesNotContain(first.caseNumber());
        assertThat(board.get("/board?flag=OVERDUE&lawyer=" + encode(missed.lawyer())).body()).contains(first.caseNumber());

        // A case of the same lawyer with a term still running comes after both missed ones.
        UUID running = MissedTerms.register(ladder, missed.lawyer(), missed.region(), "Идущая Айгерим " + MissedTerms.patronymic(),
                ladder.ago(Duration.ofDays(2)));
        ladder.event(running, """
                {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofDays(1)), ladder.ago(Duration.ofHours(3))));
        String runningNumber = ladder.view(running).get("caseNumber").asText();
        PageSession lawyer = signedIn(missed.lawyer());
        String list = lawyer.get("/my/deadlines").body();
        String missedRow = row(list, "data-deadline", first.deadlineId().toString());
        assertThat(missedRow).contains("flag-missed").contains("Подготовлено ходатайство о восстановлении срока")
                .contains("/cases/" + first.id() + "#letters").contains("/my/deadlines/" + first.deadlineId() + "/acknowledge");
        assertThat(list.indexOf(first.caseNumber())).isLessThan(list.indexOf(runningNumber));
        assertThat(list.indexOf(missed.cases().get(1).caseNumber())).isLessThan(list.indexOf(runningNumber));

        // Filed late: the lawyer acted, the term leaves both lists (it stays MISSED in the ledger).
        ladder.file(first.id(), "COMPLAINT_INVESTIGATIVE_JUDGE", ladder.ago(Duration.ofMinutes(5)));
        ladder.awaitWaitingAt(first.id(), "Task_AwaitJudgeDecision");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(lawyer.get("/my/deadlines").body()).doesNotContain("data-deadline=\"" + first.deadlineId() + "\""));
        assertThat(row(board.get("/board?lawyer=" + encode(missed.lawyer())).body(), "data-case", first.caseNumber()))
                .doesNotContain("flag-missed");
    }

    @Test
    void anAcknowledgementRecordsWhoAndWhenAndMovesTheTermBelowThoseNobodyAcknowledged() {
        MissedCase first = missed.cases().get(0);
        MissedCase second = missed.cases().get(1);
        PageSession lawyer = signedIn(missed.lawyer());
        String before = lawyer.get("/my/deadlines").body();
        assertThat(before.indexOf(first.caseNumber())).isLessThan(before.indexOf(second.caseNumber()));

        String stranger = TestUsers.create(ladder, "LAWYER");
        HttpResponse<String> refused = signedIn(stranger).submit("/my/deadlines",
                "/my/deadlines/" + first.deadlineId() + "/acknowledge", Map.of());
        assertThat(refused.statusCode()).as("not her case").isEqualTo(403);
        assertThat(acknowledgedBy(first.deadlineId())).isEmpty();

        HttpResponse<String> done = lawyer.submit("/my/deadlines", "/my/deadlines/" + first.deadlineId() + "/acknowledge", Map.of());
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(PageSession.location(done)).isEqualTo("/my/deadlines#d-" + first.deadlineId());
        assertThat(acknowledgedBy(first.deadlineId())).containsExactly(missed.lawyer());

        String after = lawyer.get("/my/deadlines").body();
        String row = row(after, "data-deadline", first.deadlineId().toString());
        assertThat(row).contains("Принято к сведению: Test LAWYER, " + Formats.almaty(acknowledgedAt(first.deadlineId())))
                .doesNotContain("/acknowledge\"").contains("flag-missed");
        assertThat(after.indexOf(second.caseNumber())).as("the one nobody acknowledged comes first")
                .isLessThan(after.indexOf(first.caseNumber()));
        assertThat(after).contains("Отмечено, что срок принят к сведению");

        String english = lawyer.get("/my/deadlines?lang=en").body();
        assertThat(row(english, "data-deadline", first.deadlineId().toString()))
                .contains("Acknowledged by Test LAWYER on " + Formats.almaty(acknowledgedAt(first.deadlineId())));
        lawyer.get("/my/deadlines?lang=ru");
        assertThat(row(signedIn(coordinator).get("/board?lawyer=" + encode(missed.lawyer())).body(), "data-case", first.caseNumber()))
                .as("acknowledged, the case stays flagged on the board").contains("flag-missed");
    }

    @Test
    void theCasePageOffersTheSameAcknowledgementOnTheMissedTermsRow() {
        MissedCase second = missed.cases().get(1);
        PageSession coordinatorPages = signedIn(coordinator);
        String casePage = coordinatorPages.get("/cases/" + second.id()).body();
        String row = row(casePage, "data-rule", MissedTerms.JUDGE_TERM);
        assertThat(row).contains("/my/deadlines/" + second.deadlineId() + "/acknowledge?from=case");

        HttpResponse<String> done = coordinatorPages.submit("/cases/" + second.id(),
                "/my/deadlines/" + second.deadlineId() + "/acknowledge?from=case", Map.of());
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(PageSession.location(done)).isEqualTo("/cases/" + second.id() + "#deadlines");
        assertThat(acknowledgedBy(second.deadlineId())).containsExactly(coordinator);
        String after = row(coordinatorPages.get("/cases/" + second.id()).body(), "data-rule", MissedTerms.JUDGE_TERM);
        assertThat(after).contains("Принято к сведению: Test COORDINATOR, " + Formats.almaty(acknowledgedAt(second.deadlineId())))
                .doesNotContain("/acknowledge");
        assertThat(row(signedIn(missed.lawyer()).get("/my/deadlines").body(), "data-deadline", second.deadlineId().toString()))
                .as("the lawyer sees who acknowledged it").contains("Принято к сведению: Test COORDINATOR");
    }

    @Test
    void aCoordinatorExportsTheBoardFromTheSessionInThePagesLanguageAuditedAsAnExport() throws Exception {
        MissedCase first = missed.cases().get(0);
        String filedOn = ladder.ago(Duration.ofDays(1));
        ladder.file(first.id(), "COMPLAINT_INVESTIGATIVE_JUDGE", filedOn);
        ladder.awaitWaitingAt(first.id(), "Task_AwaitJudgeDecision");
        PageSession board = signedIn(coordinator);
        String page = board.get("/board?lawyer=" + encode(missed.lawyer())).body();
        assertThat(page).contains("href=\"/board/stages.xlsx?lawyer=" + encode(missed.lawyer()).replace("+", "%20"));
        long auditedBefore = exports(coordinator);

        HttpResponse<byte[]> ru = board.download("/board/stages.xlsx?lawyer=" + encode(missed.lawyer()));
        assertThat(ru.statusCode()).isEqualTo(200);
        assertThat(ru.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ru.body()))) {
            Sheet cases = workbook.getSheetAt(0);
            assertThat(cases.getSheetName()).isEqualTo("Дела");
            List<String> header = header(cases);
            assertThat(header).startsWith("Номер дела", "Регион", "Стадия", "Юрист", "Сообщение подано", "Жалобы поданы")
                    .contains("Дней: Сообщение подано", "Дней: Следственный судья");
            assertThat(caseNumbers(cases)).as("the filtered board's cases").containsExactlyInAnyOrderElementsOf(
                    missed.cases().stream().map(MissedCase::caseNumber).toList());
            Row row = rowOf(cases, first.caseNumber());
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("Жалоба следственному судье (ст. 106)");
            assertThat(row.getCell(4).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(almatyDay(first.filedAt()));
            assertThat(row.getCell(5).getStringCellValue()).as("the FILED event's date, not when it was typed in")
                    .isEqualTo(Formats.date(almatyDay(filedOn)));
            long reported = Duration.between(OffsetDateTime.parse(first.filedAt()), OffsetDateTime.parse(first.forwardedAt())).toDays();
            assertThat(reported).isGreaterThan(20);
            assertThat(row.getCell(header.indexOf("Дней: Сообщение подано")).getNumericCellValue())
                    .as("from the report's filing to the forwarding, as the authority dated them").isEqualTo(reported);
            StringBuilder all = new StringBuilder();
            cases.forEach(r -> r.forEach(c -> all.append(c).append('|')));
            assertThat(all.toString()).doesNotContain(first.victimName()).doesNotContain("INVESTIGATIVE_JUDGE");
        }
        assertThat(exports(coordinator)).as("audited like the API's export").isEqualTo(auditedBefore + 1);

        board.get("/board?lang=kk");
        try (XSSFWorkbook kk = new XSSFWorkbook(new ByteArrayInputStream(board.download("/board/stages.xlsx?lawyer=" + encode(missed.lawyer())).body()))) {
            assertThat(kk.getSheetAt(0).getSheetName()).isEqualTo("Істер");
            assertThat(header(kk.getSheetAt(0))).startsWith("Іс нөмірі", "Өңір", "Кезең").contains("Шағымдар берілген күндер");
            assertThat(rowOf(kk.getSheetAt(0), first.caseNumber()).getCell(2).getStringCellValue()).isEqualTo("Тергеу судьясына шағым (106-бап)");
        }
        try (XSSFWorkbook en = new XSSFWorkbook(new ByteArrayInputStream(board.download("/board/stages.xlsx?lang=en&lawyer=" + encode(missed.lawyer())).body()))) {
            assertThat(header(en.getSheetAt(0))).startsWith("Case number", "Region", "Stage", "Lawyer", "Report filed on", "Complaints filed on");
        }
    }

    @Test
    void aLawyersExportHasOnlyTheirCasesAndAStaffMembersOnlyTheAssignedOnes() throws Exception {
        String otherLawyer = TestUsers.create(ladder, "LAWYER");
        UUID others = MissedTerms.register(ladder, otherLawyer, missed.region(), "Чужая Дина " + MissedTerms.patronymic(),
                ladder.ago(Duration.ofDays(1)));
        String othersNumber = ladder.view(others).get("caseNumber").asText();

        HttpResponse<byte[]> mine = signedIn(missed.lawyer()).download("/board/stages.xlsx");
        assertThat(mine.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(mine.body()))) {
            Sheet cases = workbook.getSheetAt(0);
            assertThat(caseNumbers(cases)).containsExactlyInAnyOrderElementsOf(missed.cases().stream().map(MissedCase::caseNumber).toList())
                    .doesNotContain(othersNumber);
        }
        HttpResponse<byte[]> forged = signedIn(missed.lawyer()).download("/board/stages.xlsx?lawyer=" + otherLawyer);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(forged.body()))) {
            assertThat(caseNumbers(workbook.getSheetAt(0))).as("another lawyer's filter is ignored").doesNotContain(othersNumber);
        }
        String staff = TestUsers.create(ladder, "STAFF");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(signedIn(staff).download("/board/stages.xlsx").body()))) {
            assertThat(caseNumbers(workbook.getSheetAt(0))).as("assigned to nothing").isEmpty();
        }
    }

    @Test
    void findingACaseByItsNumberWholeOrInPart() {
        MissedCase first = missed.cases().get(0);
        PageSession board = signedIn(coordinator);
        String whole = board.get("/board?q=" + first.caseNumber().toLowerCase()).body();
        assertThat(caseRows(whole)).containsExactly(first.caseNumber());
        String digits = first.caseNumber().substring(first.caseNumber().lastIndexOf('-') + 1);
        assertThat(caseRows(board.get("/board?q=" + digits).body())).contains(first.caseNumber());
        assertThat(caseRows(board.get("/board?q=" + digits + "&lawyer=" + encode(missed.lawyer())).body())).containsExactly(first.caseNumber());
        String unpadded = first.caseNumber().replaceFirst("-0+(\\d)", "-$1");
        assertThat(caseRows(board.get("/board?q=" + unpadded).body())).as("zeros optional").containsExactly(first.caseNumber());
        assertThat(caseRows(board.get("/board?q=" + first.caseNumber().substring(4, 11) + "&lawyer=" + encode(missed.lawyer())).body()))
                .as("any other part of it").contains(first.caseNumber());
        assertThat(caseRows(board.get("/board?q=%25").body())).as("a wildcard is only a character").isEmpty();
        HttpResponse<String> tooLong = board.get("/board?q=" + "1".repeat(41));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("aria-invalid=\"true\"").contains("Номер дела — не длиннее 40 знаков.").contains("1".repeat(41));
    }

    @Test
    void findingACaseByTheVictimsNameIsForItsLawyerAndAdminsOnlyAndAuditedWithoutTheName() {
        MissedCase first = missed.cases().get(0);
        String typed = "  " + first.victimName().toUpperCase().replace(" ", "   ") + " ";
        PageSession lawyer = signedIn(missed.lawyer());
        String found = lawyer.get("/board?victimName=" + encode(typed)).body();
        assertThat(found).contains("id=\"f-name\"");
        assertThat(caseRows(found)).containsExactly(first.caseNumber());
        assertThat(nameSearches(missed.lawyer())).singleElement().asString().doesNotContain(first.victimName())
                .doesNotContain(encode(first.victimName())).doesNotContain("Пропущенова");

        assertThat(caseRows(signedIn(TestUsers.create(ladder, "LAWYER")).get("/board?victimName=" + encode(first.victimName())).body()))
                .as("another lawyer's case is not found").isEmpty();
        assertThat(caseRows(signedIn(kz.shagym.LadderHarness.ADMIN, kz.shagym.LadderHarness.ADMIN_PASSWORD)
                .get("/board?victimName=" + encode(first.victimName())).body())).containsExactly(first.caseNumber());

        PageSession board = signedIn(coordinator);
        assertThat(board.get("/board").body()).doesNotContain("victimName").contains("id=\"f-q\"");
        HttpResponse<String> forged = board.get("/board?victimName=" + encode(first.victimName()));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).doesNotContain(first.caseNumber());
        List<String> denials = jdbc.sql("select detail from audit_log where actor = :a and action = 'ACCESS_DENIED' and target = 'GET /board'")
                .param("a", coordinator).query(String.class).list();
        assertThat(denials).singleElement().asString().contains("victim's name").doesNotContain("Пропущенова");
        assertThat(nameSearches(coordinator)).isEmpty();
        String staff = TestUsers.create(ladder, "STAFF");
        assertThat(signedIn(staff).get("/board?victimName=" + encode(first.victimName())).statusCode()).isEqualTo(403);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private PageSession signedIn(String username) {
        return signedIn(username, TestUsers.PASSWORD);
    }

    private PageSession signedIn(String username, String password) {
        PageSession browser = new PageSession(restTemplate.getRootUri());
        assertThat(browser.login(username, password).statusCode()).isEqualTo(302);
        return browser;
    }

    /** The table row whose attribute has this value. */
    private static String row(String html, String attribute, String value) {
        Matcher m = Pattern.compile("<tr[^>]*" + attribute + "=\"" + Pattern.quote(value) + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("a row with %s=%s", attribute, value).isTrue();
        return m.group(0);
    }

    /** The case numbers of the board's rows, in order. */
    private static List<String> caseRows(String html) {
        List<String> numbers = new ArrayList<>();
        Matcher m = Pattern.compile("<tr data-case=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            numbers.add(m.group(1));
        }
        return numbers;
    }

    private static long days(String row) {
        Matcher m = DAYS.matcher(row);
        assertThat(m.find()).as(row).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static List<String> header(Sheet sheet) {
        List<String> names = new ArrayList<>();
        sheet.getRow(0).forEach(cell -> names.add(cell.getStringCellValue()));
        return names;
    }

    private static List<String> caseNumbers(Sheet sheet) {
        List<String> numbers = new ArrayList<>();
        for (Row row : sheet) {
            if (row.getRowNum() > 0) {
                numbers.add(row.getCell(0).getStringCellValue());
            }
        }
        return numbers;
    }

    private static Row rowOf(Sheet sheet, String caseNumber) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && caseNumber.equals(first.getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError(caseNumber + " not in " + sheet.getSheetName());
    }

    private List<String> acknowledgedBy(UUID deadlineId) {
        return jdbc.sql("select acknowledged_by from reminder_acknowledgement where deadline_id = :d").param("d", deadlineId)
                .query(String.class).list();
    }

    private Instant acknowledgedAt(UUID deadlineId) {
        return jdbc.sql("select acknowledged_at from reminder_acknowledgement where deadline_id = :d").param("d", deadlineId)
                .query((rs, i) -> rs.getObject(1, OffsetDateTime.class).toInstant()).single();
    }

    private long exports(String actor) {
        return jdbc.sql("select count(*) from audit_log where actor = :a and action = 'EXPORT' and detail like 'GET /board/stages.xlsx%'")
                .param("a", actor).query(Long.class).single();
    }

    private List<String> nameSearches(String actor) {
        return jdbc.sql("select detail from audit_log where actor = :a and action = 'VICTIM_NAME_SEARCH'")
                .param("a", actor).query(String.class).list();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(ladder.now(), Formats.ALMATY);
    }

    private static LocalDate almatyDay(String entered) {
        return OffsetDateTime.parse(entered).atZoneSameInstant(Formats.ALMATY).toLocalDate();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
