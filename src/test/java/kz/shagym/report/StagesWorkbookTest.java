package kz.shagym.report;

import kz.shagym.report.StagesWorkbook.CaseRow;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StagesWorkbookTest {
    static final String[] REGIONS = {"Алматы", "Астана", "Шымкент", "Карагандинская область"};
    static final String[] STAGES = {"PROSECUTOR_COMPLAINT", "INVESTIGATIVE_JUDGE", "APPEAL", "UN_COMMUNICATION"};
    static final String[] OUTCOMES = {"refused", "views", "silent"};

    /** Deterministic synthetic cases; also used by the benchmark. Every third case filed two complaints. */
    static CaseRow row(int i) {
        LocalDate opened = LocalDate.of(2021, 1, 1).plusDays(i % 365);
        return new CaseRow("C-" + i, REGIONS[i % REGIONS.length], STAGES[i % STAGES.length], "Lawyer " + (i % 17),
                opened, i % 3 == 0 ? List.of(opened.plusDays(20), opened.plusDays(45)) : List.of(opened.plusDays(20)),
                Map.of("PROSECUTOR_COMPLAINT", 3 + i % 11, "INVESTIGATIVE_JUDGE", 10 + i % 7),
                1 + i % 4, i % 3 == 0 ? 1 : 0, i % 10 == 0 ? null : OUTCOMES[i % OUTCOMES.length]);
    }

    private static byte[] thousand;

    /** Written once and shared: the tests only read it. */
    static synchronized byte[] workbook(int n) throws IOException {
        if (n == 1_000) {
            if (thousand == null) {
                thousand = write(n);
            }
            return thousand;
        }
        return write(n);
    }

    private static byte[] write(int n) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new StagesWorkbook(Locale.ENGLISH).write(IntStream.range(0, n).mapToObj(StagesWorkbookTest::row), out);
        return out.toByteArray();
    }

    @Test
    void aThousandCasesGiveEveryCaseRowAndTheFiveSheets() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook(1_000)))) {
            assertThat(IntStream.range(0, wb.getNumberOfSheets()).mapToObj(wb::getSheetName)).containsExactly(
                    "Cases", "By stage and region", "Days per rung", "Authority silence", "Outcomes per rung");
            Sheet cases = wb.getSheet("Cases");
            assertThat(cases.getLastRowNum()).isEqualTo(1_000);
            assertThat(cases.getRow(1).getCell(0).getStringCellValue()).isEqualTo("C-0");
            assertThat(cases.getRow(1000).getCell(1).getStringCellValue()).isEqualTo(REGIONS[999 % 4]);
            assertThat(cases.getRow(2).getCell(4).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2021, 1, 2));
            assertThat(cases.getRow(1).getCell(8)).isNull(); // case 0 has no outcome yet
            assertThat(cases.getRow(1).getCell(2).getStringCellValue()).isEqualTo("Complaint to the prosecutor (art. 105)");
            assertThat(cases.getRow(2).getCell(5).getStringCellValue()).isEqualTo("22.01.2021");
            assertThat(cases.getRow(4).getCell(5).getStringCellValue()).isEqualTo("24.01.2021; 18.02.2021");
            assertThat(cases.getRow(2).getCell(8).getStringCellValue()).isEqualTo("Views adopted");
        }
    }

    @Test
    void theStageRegionPivotCountsEveryCaseOnce() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook(1_000)))) {
            Sheet pivot = wb.getSheet("By stage and region");
            // i % 4 picks both region and stage, so each stage sits in exactly one region with 250 cases
            Row prosecutor = find(pivot, "Complaint to the prosecutor (art. 105)");
            int almaty = column(pivot, "Алматы");
            assertThat(prosecutor.getCell(almaty).getNumericCellValue()).isEqualTo(250);
            assertThat(find(pivot, "Total").getCell(column(pivot, "Total")).getNumericCellValue()).isEqualTo(1_000);
            // ladder order, not alphabetical
            assertThat(pivot.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Complaint to the prosecutor (art. 105)");
            assertThat(pivot.getRow(4).getCell(0).getStringCellValue()).isEqualTo("Communication to a UN Committee");
        }
    }

    @Test
    void daysPerRungGiveTheAverageAndTheMedian() throws IOException {
        List<Integer> days = new ArrayList<>();
        IntStream.range(0, 1_000).forEach(i -> days.add(3 + i % 11));
        double average = days.stream().mapToInt(Integer::intValue).average().orElseThrow();
        List<Integer> sortedDays = days.stream().sorted().toList();
        double median = (sortedDays.get(499) + sortedDays.get(500)) / 2.0;

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook(1_000)))) {
            Row rung = find(wb.getSheet("Days per rung"), "Complaint to the prosecutor");
            assertThat(rung.getCell(1).getNumericCellValue()).isEqualTo(1_000);
            assertThat(rung.getCell(2).getNumericCellValue()).isCloseTo(average, within(1e-9));
            assertThat(rung.getCell(3).getNumericCellValue()).isEqualTo(median);
            assertThat(rung.getCell(4).getNumericCellValue()).isEqualTo(3);
            assertThat(rung.getCell(5).getNumericCellValue()).isEqualTo(13);
        }
    }

    @Test
    void silenceRateIsSilencesOverWaitsPerStage() throws IOException {
        long waits = IntStream.range(0, 1_000).filter(i -> i % 4 == 1).map(i -> 1 + i % 4).sum();
        long silences = IntStream.range(0, 1_000).filter(i -> i % 4 == 1 && i % 3 == 0).count();

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook(1_000)))) {
            Row judge = find(wb.getSheet("Authority silence"), "Complaint to the investigative judge (art. 106)");
            assertThat(judge.getCell(2).getNumericCellValue()).isEqualTo(waits);
            assertThat(judge.getCell(3).getNumericCellValue()).isEqualTo(silences);
            assertThat(judge.getCell(4).getNumericCellValue()).isCloseTo((double) silences / waits, within(1e-12));
        }
    }

    @Test
    void outcomesPerRungCountMissingOutcomesSeparately() throws IOException {
        long appealRefused = IntStream.range(0, 1_000).filter(i -> i % 4 == 2 && i % 10 != 0 && i % 3 == 0).count();
        long appealOpen = IntStream.range(0, 1_000).filter(i -> i % 4 == 2 && i % 10 == 0).count();

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook(1_000)))) {
            Sheet outcomes = wb.getSheet("Outcomes per rung");
            Row appeal = find(outcomes, "Appeal (art. 107)");
            assertThat(appeal.getCell(column(outcomes, "refused")).getNumericCellValue()).isEqualTo(appealRefused);
            assertThat(appeal.getCell(column(outcomes, "—")).getNumericCellValue()).isEqualTo(appealOpen);
            assertThat(appeal.getCell(column(outcomes, "Total")).getNumericCellValue()).isEqualTo(250);
        }
    }

    @Test
    void sheetsHeadersStagesAndOutcomesAreInTheReadersLanguageRussianByDefault() throws IOException {
        Map<Locale, List<String>> expected = Map.of(
                Locale.forLanguageTag("ru"), List.of("Дела", "Номер дела", "Сообщение подано", "Жалобы поданы",
                        "Дней: Жалоба прокурору", "Жалоба прокурору (ст. 105)", "отказано", "Дни на ступенях"),
                Locale.forLanguageTag("kk"), List.of("Істер", "Іс нөмірі", "Хабарлама берілген күн", "Шағымдар берілген күндер",
                        "Күн: Прокурорға шағым", "Прокурорға шағым (105-бап)", "бас тартылды", "Сатылардағы күндер"),
                Locale.ENGLISH, List.of("Cases", "Case number", "Report filed on", "Complaints filed on",
                        "Days: Complaint to the prosecutor", "Complaint to the prosecutor (art. 105)", "refused", "Days per rung"));
        for (var language : expected.entrySet()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new StagesWorkbook(language.getKey()).write(IntStream.range(0, 12).mapToObj(StagesWorkbookTest::row), out);
            List<String> words = language.getValue();
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
                Sheet cases = wb.getSheetAt(0);
                assertThat(cases.getSheetName()).isEqualTo(words.get(0));
                List<String> header = new ArrayList<>();
                cases.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
                assertThat(header).as("%s", language.getKey()).startsWith(words.get(1)).contains(words.get(2), words.get(3), words.get(4));
                assertThat(cases.getRow(1).getCell(2).getStringCellValue()).isEqualTo(words.get(5));
                assertThat(cases.getRow(4).getCell(8).getStringCellValue()).isEqualTo(words.get(6));
                assertThat(wb.getSheetAt(2).getSheetName()).isEqualTo(words.get(7));
                StringBuilder all = new StringBuilder();
                wb.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> all.append(cell).append('|'))));
                assertThat(all.toString()).as("no code shown").doesNotContain("PROSECUTOR_COMPLAINT", "INVESTIGATIVE_JUDGE", "UN_COMMUNICATION");
            }
        }
        ByteArrayOutputStream byDefault = new ByteArrayOutputStream();
        new StagesWorkbook().write(Stream.of(row(0)), byDefault);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(byDefault.toByteArray()))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("Дела");
        }
    }

    @Test
    void anEmptyStreamGivesHeadersOnly() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new StagesWorkbook(Locale.ENGLISH).write(Stream.empty(), out);

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(wb.getSheet("Cases").getLastRowNum()).isZero();
            assertThat(wb.getNumberOfSheets()).isEqualTo(5);
        }
    }

    @Test
    void theStreamingTempFilesAreDeletedAfterwardsEvenWhenTheRowsFail() throws IOException {
        long before = sxssfTempFiles();
        write(2_000);
        Stream<CaseRow> failing = IntStream.range(0, 1_000).mapToObj(i -> {
            if (i == 500) {
                throw new IllegalStateException("ledger went away");
            }
            return row(i);
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new StagesWorkbook().write(failing, new ByteArrayOutputStream()))
                .hasMessage("ledger went away");

        assertThat(sxssfTempFiles()).isEqualTo(before);
    }

    /** SXSSF's sheet buffers live in POI's temp directory as poi-sxssf-sheet*.xml(.gz). */
    private static long sxssfTempFiles() throws IOException {
        java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "poifiles");
        if (!java.nio.file.Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("poi-sxssf-sheet")).count();
        }
    }

    private static Row find(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && label.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError(label + " not found in " + sheet.getSheetName());
    }

    private static int column(Sheet sheet, String header) {
        for (int c = 0; c < sheet.getRow(0).getLastCellNum(); c++) {
            if (header.equals(sheet.getRow(0).getCell(c).getStringCellValue())) {
                return c;
            }
        }
        throw new AssertionError(header + " not a column of " + sheet.getSheetName());
    }
}
