package kz.shagym.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.UUID;
import kz.shagym.ShagymIntegrationTest;
import kz.shagym.security.TestUsers;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

class StagesReportApiTest extends ShagymIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /**
     * The export walks the cases, rungs, deadlines and filings side by side, each query ordered by complaint id; the
     * walk must compare ids as the database sorts them, or a case whose id starts with 8–f loses its filing days.
     */
    @Test
    void theExportWalksComplaintIdsInTheDatabasesOwnOrder() {
        java.util.List<UUID> ids = java.util.stream.Stream.of("00000000-0000-0000-0000-000000000001",
                        "7fffffff-ffff-ffff-ffff-ffffffffffff", "80000000-0000-0000-0000-000000000000",
                        "ffffffff-ffff-ffff-ffff-ffffffffffff", "12345678-9abc-def0-8000-000000000000",
                        "12345678-9abc-def0-0000-000000000000", "c0ffee00-0000-0000-0000-000000000000")
                .map(UUID::fromString).toList();
        String values = ids.stream().map(id -> "(cast('" + id + "' as uuid))").collect(java.util.stream.Collectors.joining(", "));
        java.util.List<UUID> databaseOrder = jdbc.sql("select id from (values " + values + ") as v(id) order by id")
                .query(UUID.class).list();
        assertThat(ids.stream().sorted(StageReport.LEDGER_ORDER).toList()).isEqualTo(databaseOrder);
        assertThat(ids.stream().sorted().toList()).as("UUID's own order is not the database's").isNotEqualTo(databaseOrder);
    }

    @Test
    void coordinatorsDownloadStatisticsWithEveryCaseAndNoVictimName() throws Exception {
        UUID id = ladder.register(ladder.ago(Duration.ofDays(1)));
        String caseNumber = ladder.view(id).get("caseNumber").asText();
        String coordinator = TestUsers.create(ladder, "COORDINATOR");

        ResponseEntity<byte[]> xlsx = restTemplate.withBasicAuth(coordinator, TestUsers.PASSWORD)
                .getForEntity("/api/reports/stages.xlsx", byte[].class);
        assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            Sheet cases = workbook.getSheet("Дела"); // Russian without an Accept-Language
            boolean found = false;
            StringBuilder all = new StringBuilder();
            for (Row row : cases) {
                String first = row.getCell(0).toString();
                found |= caseNumber.equals(first);
                row.forEach(cell -> all.append(cell).append('|'));
            }
            assertThat(found).isTrue();
            assertThat(all.toString()).doesNotContain("Иванов");
            assertThat(workbook.getSheet("По стадиям и регионам")).isNotNull();
            assertThat(cases.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Номер дела");
        }
    }

    @Test
    void theHeadersFollowTheAcceptLanguage() throws Exception {
        String coordinator = TestUsers.create(ladder, "COORDINATOR");
        for (var language : java.util.Map.of("kk-KZ,ru;q=0.8", "Іс нөмірі", "en-GB,en;q=0.9", "Case number",
                "de-DE", "Номер дела").entrySet()) {
            org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
            headers.set(org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE, language.getKey());
            ResponseEntity<byte[]> xlsx = restTemplate.withBasicAuth(coordinator, TestUsers.PASSWORD).exchange(
                    "/api/reports/stages.xlsx", org.springframework.http.HttpMethod.GET,
                    new org.springframework.http.HttpEntity<>(headers), byte[].class);
            assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
                assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).as(language.getKey())
                        .isEqualTo(language.getValue());
            }
        }
    }

    @Test
    void lawyersCannotExportStatistics() {
        String lawyer = TestUsers.create(ladder, "LAWYER");
        var response = restTemplate.withBasicAuth(lawyer, TestUsers.PASSWORD).getForEntity("/api/reports/stages.xlsx", String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(403);
    }
}
