package kz.shagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.shagym.LadderHarness;
import kz.shagym.ShagymIntegrationTest;
import kz.shagym.security.PageSession;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * A complaint's region is one of the 17 regions and 3 cities of config/regions.yaml, stored as its code: the intake
 * offers them as a list in the page's language, the API takes the code or a known spelling and refuses anything else
 * with the list, and every page, the export and the letters print the name in their own language.
 */
class RegionsTest extends ShagymIntegrationTest {

    private PageSession browser;

    @BeforeEach
    void signIn() {
        browser = new PageSession(restTemplate.getRootUri());
        assertThat(browser.login(LadderHarness.ADMIN, LadderHarness.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({"ALMATY, ALMATY", "Алматы, ALMATY", "Алма-Ата, ALMATY", "almaty, ALMATY", "' Алма-Ата ', ALMATY",
            "Алматинская область, ALMATY_REGION", "Алматы облысы, ALMATY_REGION", "Almaty Region, ALMATY_REGION",
            "Нур-Султан, ASTANA", "Қарағанды облысы, KARAGANDA", "Караганда, KARAGANDA", "ВКО, EAST_KAZAKHSTAN",
            "Северо-Казахстанская область, NORTH_KAZAKHSTAN"})
    void theApiTakesTheCodeOrAKnownNameAndStoresTheCode(String sent, String stored) {
        ResponseEntity<String> response = post(complaint(sent, "ru"), null);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        assertThat(ladder.read(response.getBody()).get("region").asText()).isEqualTo(stored);
    }

    @Test
    void anUnknownRegionIsRefusedWithTheListInTheRequestsLanguage() {
        Map<String, String> expected = Map.of(
                "ru", "Регион: такого региона нет в списке. Выберите один из: Астана, Алматы, Шымкент, Абайская область, Акмолинская область, ",
                "kk", "Өңір: мұндай өңір тізімде жоқ. Мыналардың бірін таңдаңыз: Астана, Алматы, Шымкент, Абай облысы, Ақмола облысы, ",
                "en", "Region: no such region in the list. Choose one of: Astana, Almaty, Shymkent, Abai Region, Akmola Region, ");
        for (String language : List.of("ru", "kk", "en")) {
            ResponseEntity<String> response = post(complaint("Нарния", "ru"), language);
            assertThat(response.getStatusCode().value()).isEqualTo(400);
            JsonNode problem = ladder.read(response.getBody());
            assertThat(problem.path("field").asText()).isEqualTo("region");
            assertThat(problem.path("code").asText()).isEqualTo("UNKNOWN_REGION");
            assertThat(problem.path("detail").asText()).startsWith(expected.get(language)).endsWith(
                    language.equals("kk") ? "Ұлытау облысы." : language.equals("en") ? "Ulytau Region." : "Улытауская область.");
            assertThat(problem.path("regions")).hasSize(20);
            assertThat(problem.path("regions").get(0).path("code").asText()).isEqualTo("ASTANA");
        }
    }

    @Test
    void theIntakeOffersTheTwentyRegionsInThePagesLanguageAndStoresTheCode() {
        Map<String, List<String>> firstOptions = Map.of(
                "ru", List.of("Алматы", "Астана", "Шымкент", "Абайская область", "Акмолинская область"),
                "kk", List.of("Алматы", "Астана", "Шымкент", "Абай облысы", "Алматы облысы"),
                "en", List.of("Almaty", "Astana", "Shymkent", "Abai Region", "Akmola Region"));
        for (String language : List.of("ru", "kk", "en")) {
            String page = HtmlUtils.htmlUnescape(browser.get("/cases/new?lang=" + language).body());
            assertThat(page).doesNotContain("<datalist").contains("<select id=\"region\"");
            List<String> options = options(page.substring(page.indexOf("<select id=\"region\""), page.indexOf("</select>",
                    page.indexOf("<select id=\"region\""))));
            assertThat(options).as(language).hasSize(21); // the 20 and "choose"
            assertThat(options.subList(1, 6)).as(language).isEqualTo(firstOptions.get(language));
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("victimName", "Жумабаев Арман");
        form.put("region", "ZHETYSU");
        form.put("allegation", "TORTURE");
        form.put("filedWith", "POLICE");
        form.put("filedDate", ladder.ago(Duration.ofDays(1)).substring(0, 10));
        form.put("filedTime", "10:00");
        form.put("language", "kk");
        HttpResponse<String> created = browser.submit("/cases/new?lang=kk", "/cases/new", form);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        UUID id = UUID.fromString(PageSession.location(created).substring("/cases/".length()));
        assertThat(ladder.view(id).get("region").asText()).isEqualTo("ZHETYSU");

        form.put("region", "Нарния");
        HttpResponse<String> refused = browser.submit("/cases/new?lang=kk", "/cases/new", form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(HtmlUtils.htmlUnescape(refused.body())).contains("id=\"region-error\"")
                .contains("Өңір: мұндай өңір тізімде жоқ. Мыналардың бірін таңдаңыз: Астана, Алматы");
    }

    @Test
    void theCasePageTheBoardAndTheExportNameTheRegionInTheirLanguage() throws Exception {
        ResponseEntity<String> response = post(complaint("ALMATY_REGION", "ru"), null);
        UUID id = UUID.fromString(ladder.read(response.getBody()).get("id").asText());
        String caseNumber = ladder.read(response.getBody()).get("caseNumber").asText();
        Map<String, String> names = Map.of("ru", "Алматинская область", "kk", "Алматы облысы", "en", "Almaty Region");
        for (String language : List.of("ru", "kk", "en")) {
            String casePage = HtmlUtils.htmlUnescape(browser.get("/cases/" + id + "?lang=" + language).body());
            assertThat(casePage).as(language).contains("<dd>" + names.get(language) + "</dd>").doesNotContain(">ALMATY_REGION<");

            String board = HtmlUtils.htmlUnescape(browser.get("/board?region=ALMATY_REGION&lang=" + language).body());
            assertThat(board).as(language).contains("<option value=\"ALMATY_REGION\" selected=\"selected\">" + names.get(language) + "</option>")
                    .contains("<td>" + names.get(language) + "</td>").contains(caseNumber)
                    .contains("/board/stages.xlsx?region=ALMATY_REGION");

            byte[] xlsx = browser.download("/board/stages.xlsx?region=ALMATY_REGION&lang=" + language).body();
            assertThat(regionOf(xlsx, caseNumber)).as(language).isEqualTo(names.get(language));
        }
    }

    @Test
    void lettersPrintTheRegionsFullNameInTheLettersLanguage() throws Exception {
        for (String language : List.of("ru", "kk")) {
            UUID id = UUID.fromString(ladder.read(post(complaint("ALMATY_REGION", language), null).getBody()).get("id").asText());
            ladder.awaitWaitingAt(id, "Gateway_AwaitAuthorityResponse");
            ladder.event(id, """
                    {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s"}"""
                    .formatted(ladder.ago(Duration.ofDays(2)), ladder.ago(Duration.ofDays(1))));
            UUID letter = ladder.letter(id, "COMPLAINT_PROSECUTOR");
            byte[] docx = ladder.rest().getForEntity("/api/complaints/" + id + "/letters/" + letter, byte[].class).getBody();
            String text = docxText(docx);
            // the heading from config/addressees.yaml, in the case a heading needs; the facts name the region as it is
            assertThat(text).as(language)
                    .contains(language.equals("kk") ? "Алматы облысының прокурорына" : "Прокурору Алматинской области")
                    .contains(language.equals("kk") ? "(Алматы облысы)" : "(Алматинская область)")
                    .doesNotContain("ALMATY_REGION", "Прокурору Алматинская область");
        }
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private ResponseEntity<String> post(String body, String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (language != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return ladder.rest().exchange("/api/complaints", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private String complaint(String region, String language) {
        return """
                {"victim": {"fullName": "Ерланов Ерлан", "birthDate": "1979-03-04"}, "region": "%s", "allegation": "TORTURE",
                 "filedWith": "POLICE", "filedAt": "%s", "language": "%s"}""".formatted(region, ladder.ago(Duration.ofDays(3)), language);
    }

    private static List<String> options(String select) {
        List<String> options = new ArrayList<>();
        Matcher m = Pattern.compile("<option[^>]*>([^<]*)</option>").matcher(select);
        while (m.find()) {
            options.add(m.group(1));
        }
        return options;
    }

    private static String regionOf(byte[] xlsx, String caseNumber) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter format = new DataFormatter();
            for (Row row : workbook.getSheetAt(0)) { // the cases sheet comes first, named in the export's language
                if (caseNumber.equals(format.formatCellValue(row.getCell(0)))) {
                    return format.formatCellValue(row.getCell(1));
                }
            }
        }
        throw new AssertionError(caseNumber + " is not in the export");
    }

    private static String docxText(byte[] docx) throws Exception {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return extractor.getText();
        }
    }
}
