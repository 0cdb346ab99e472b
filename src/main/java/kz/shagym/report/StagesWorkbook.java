package kz.shagym.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Coordinators' statistics export (issue 4, item 5) as XLSX, written with POI SXSSF so that 100,000 cases
 * stream through a fixed window of rows. The aggregate sheets are computed while the "Cases" sheet is
 * streamed: only counters and per-rung day histograms are kept (their size depends on the number of
 * stages, regions and distinct day counts, not on the number of cases).
 *
 * <p>Sheets: "Cases" (one row per case), "By stage and region" (counts), "Days per rung" (average and
 * median), "Authority silence" (silences / waits, by the case's current stage, since a row carries the
 * case's totals), "Outcomes per rung" (by the case's current stage).
 */
public final class StagesWorkbook {

    /** One case as the ledger reports it. {@code daysPerRung} keys are stage names; {@code outcome} may be null. */
    public record CaseRow(String caseNumber, String region, String stage, String lawyer, LocalDate openedOn,
                          Map<String, Integer> daysPerRung, int authorityWaits, int authoritySilences,
                          String outcome) {
    }

    /** Stages in the order of the escalation ladder (REST contract); unknown ones follow alphabetically. */
    static final List<String> LADDER = List.of("FILED_WITH_AUTHORITY", "INTERNAL_SECURITY_CHECK",
            "PROSECUTOR_COMPLAINT", "INVESTIGATION", "INVESTIGATIVE_JUDGE", "APPEAL", "DOMESTIC_REMEDIES_EXHAUSTED",
            "UN_COMMUNICATION", "UN_FOLLOW_UP", "CLOSED");
    static final Comparator<String> LADDER_ORDER = Comparator
            .comparingInt((String s) -> LADDER.indexOf(s) < 0 ? LADDER.size() : LADDER.indexOf(s))
            .thenComparing(Comparator.naturalOrder());
    private static final String NONE = "—";
    private static final int WINDOW = 200;
    private static final String[] CASE_HEADER_START = {"Case number", "Region", "Stage", "Lawyer", "Opened on",
            "Authority waits", "Authority silences", "Outcome"};

    /**
     * Writes the workbook; the caller owns (and closes) {@code out}, this method closes {@code rows}.
     *
     * @throws UncheckedIOException when writing to {@code out} or to the SXSSF temp files fails
     */
    public void write(Stream<CaseRow> rows, OutputStream out) {
        try {
            writeWorkbook(rows, out);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the stages workbook failed", e);
        }
    }

    private void writeWorkbook(Stream<CaseRow> rows, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        try {
            Styles styles = new Styles(workbook);
            Totals totals = new Totals();
            writeCases(workbook.createSheet("Cases"), rows, totals, styles);
            writeByStageAndRegion(workbook.createSheet("By stage and region"), totals, styles);
            writeDaysPerRung(workbook.createSheet("Days per rung"), totals, styles);
            writeSilence(workbook.createSheet("Authority silence"), totals, styles);
            writeOutcomes(workbook.createSheet("Outcomes per rung"), totals, styles);
            workbook.write(out);
        } finally {
            workbook.dispose(); // SXSSF keeps each sheet in a temp file until disposed
            workbook.close();
        }
    }

    private void writeCases(SXSSFSheet sheet, Stream<CaseRow> rows, Totals totals, Styles styles) {
        List<String> header = new ArrayList<>(List.of(CASE_HEADER_START));
        for (String rung : LADDER) {
            header.add("Days: " + rung);
        }
        header.add("Days: other rungs");
        header(sheet, styles, header.toArray(String[]::new));
        sheet.createFreezePane(1, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, header.size() - 1));
        widths(sheet, 20, 18, 26, 24, 12, 10, 10, 14);
        int[] next = {1};
        try (rows) {
            rows.forEach(row -> {
                totals.add(row);
                writeCaseRow(sheet.createRow(next[0]++), row, styles);
            });
        }
    }

    /**
     * Every cell gets an explicit style: an unstyled SXSSF cell looks up its column's default style in the
     * sheet's column definitions, which the profiler showed as the largest cost of the export.
     */
    private void writeCaseRow(Row r, CaseRow row, Styles styles) {
        int c = 0;
        text(r, c++, row.caseNumber(), styles.plain);
        text(r, c++, row.region(), styles.plain);
        text(r, c++, row.stage(), styles.plain);
        text(r, c++, row.lawyer(), styles.plain);
        if (row.openedOn() != null) {
            Cell opened = r.createCell(c);
            opened.setCellValue(row.openedOn());
            opened.setCellStyle(styles.date);
        }
        c++;
        number(r, c++, row.authorityWaits(), styles.plain);
        number(r, c++, row.authoritySilences(), styles.plain);
        text(r, c++, row.outcome(), styles.plain);
        Map<String, Integer> days = row.daysPerRung() == null ? Map.of() : row.daysPerRung();
        for (String rung : LADDER) {
            Integer d = days.get(rung);
            if (d != null) {
                number(r, c, d, styles.plain);
            }
            c++;
        }
        text(r, c, otherRungs(days), styles.plain);
    }

    /** Rungs outside the known ladder, as "NAME=days; …", so no figure is dropped. */
    private static String otherRungs(Map<String, Integer> days) {
        if (LADDER.containsAll(days.keySet())) {
            return null; // the usual case: no extra column text, no sorting
        }
        StringBuilder other = new StringBuilder();
        new TreeMap<>(days).forEach((rung, d) -> {
            if (!LADDER.contains(rung)) {
                other.append(other.isEmpty() ? "" : "; ").append(rung).append('=').append(d);
            }
        });
        return other.toString();
    }

    private void writeByStageAndRegion(Sheet sheet, Totals totals, Styles styles) {
        List<String> regions = new ArrayList<>(totals.regions);
        List<String> header = new ArrayList<>();
        header.add("Stage \\ Region");
        header.addAll(regions);
        header.add("Total");
        header(sheet, styles, header.toArray(String[]::new));
        int r = 1;
        for (Map.Entry<String, Map<String, Long>> stage : sorted(totals.byStageRegion).entrySet()) {
            Row row = sheet.createRow(r++);
            text(row, 0, stage.getKey());
            long sum = 0;
            for (int i = 0; i < regions.size(); i++) {
                long n = stage.getValue().getOrDefault(regions.get(i), 0L);
                row.createCell(i + 1).setCellValue(n);
                sum += n;
            }
            row.createCell(regions.size() + 1).setCellValue(sum);
        }
        Row total = sheet.createRow(r);
        text(total, 0, "Total");
        for (int i = 0; i < regions.size(); i++) {
            total.createCell(i + 1).setCellValue(totals.byRegion.getOrDefault(regions.get(i), 0L));
        }
        total.createCell(regions.size() + 1).setCellValue(totals.cases);
        widths(sheet, 30);
    }

    private void writeDaysPerRung(Sheet sheet, Totals totals, Styles styles) {
        header(sheet, styles, "Rung", "Cases", "Average days", "Median days", "Min days", "Max days");
        int r = 1;
        for (Map.Entry<String, DayHistogram> rung : sorted(totals.days).entrySet()) {
            DayHistogram h = rung.getValue();
            Row row = sheet.createRow(r++);
            text(row, 0, rung.getKey());
            row.createCell(1).setCellValue(h.count);
            number(row, 2, h.average(), styles.decimal);
            number(row, 3, h.median(), styles.decimal);
            row.createCell(4).setCellValue(h.min());
            row.createCell(5).setCellValue(h.max());
        }
        widths(sheet, 30, 10, 14, 14, 10, 10);
    }

    private void writeSilence(Sheet sheet, Totals totals, Styles styles) {
        header(sheet, styles, "Rung (current stage)", "Cases", "Authority waits", "Authority silences", "Silence rate");
        int r = 1;
        for (Map.Entry<String, long[]> rung : sorted(totals.silence).entrySet()) {
            long[] v = rung.getValue(); // cases, waits, silences
            Row row = sheet.createRow(r++);
            text(row, 0, rung.getKey());
            row.createCell(1).setCellValue(v[0]);
            row.createCell(2).setCellValue(v[1]);
            row.createCell(3).setCellValue(v[2]);
            Cell rate = row.createCell(4);
            if (v[1] > 0) {
                rate.setCellValue((double) v[2] / v[1]);
                rate.setCellStyle(styles.percent);
            } else {
                rate.setCellValue(NONE);
            }
        }
        widths(sheet, 30, 10, 16, 18, 14);
    }

    private void writeOutcomes(Sheet sheet, Totals totals, Styles styles) {
        List<String> outcomes = new ArrayList<>(totals.outcomes);
        List<String> header = new ArrayList<>();
        header.add("Rung (current stage) \\ Outcome");
        header.addAll(outcomes);
        header.add("Total");
        header(sheet, styles, header.toArray(String[]::new));
        int r = 1;
        for (Map.Entry<String, Map<String, Long>> stage : sorted(totals.byStageOutcome).entrySet()) {
            Row row = sheet.createRow(r++);
            text(row, 0, stage.getKey());
            long sum = 0;
            for (int i = 0; i < outcomes.size(); i++) {
                long n = stage.getValue().getOrDefault(outcomes.get(i), 0L);
                row.createCell(i + 1).setCellValue(n);
                sum += n;
            }
            row.createCell(outcomes.size() + 1).setCellValue(sum);
        }
        widths(sheet, 34);
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        Map<String, V> out = new TreeMap<>(LADDER_ORDER);
        out.putAll(map);
        return out;
    }

    private static void header(Sheet sheet, Styles styles, String... names) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < names.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(names[i]);
            cell.setCellStyle(styles.header);
        }
    }

    private static void widths(Sheet sheet, int... chars) {
        for (int i = 0; i < chars.length; i++) {
            sheet.setColumnWidth(i, chars[i] * 256);
        }
    }

    private static void text(Row row, int column, String value) {
        if (value != null && !value.isEmpty()) {
            row.createCell(column).setCellValue(value);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        if (value != null && !value.isEmpty()) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(style);
        }
    }

    private static void number(Row row, int column, double value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static String key(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }

    /** Running aggregates: counters only, nothing per case. */
    static final class Totals {
        long cases;
        final Set<String> regions = new TreeSet<>();
        final Set<String> outcomes = new TreeSet<>();
        final Map<String, Long> byRegion = new HashMap<>();
        final Map<String, Map<String, Long>> byStageRegion = new HashMap<>();
        final Map<String, Map<String, Long>> byStageOutcome = new HashMap<>();
        final Map<String, DayHistogram> days = new HashMap<>();
        final Map<String, long[]> silence = new HashMap<>();

        void add(CaseRow row) {
            String stage = key(row.stage());
            String region = key(row.region());
            String outcome = key(row.outcome());
            cases++;
            regions.add(region);
            outcomes.add(outcome);
            byRegion.merge(region, 1L, Long::sum);
            byStageRegion.computeIfAbsent(stage, s -> new HashMap<>()).merge(region, 1L, Long::sum);
            byStageOutcome.computeIfAbsent(stage, s -> new HashMap<>()).merge(outcome, 1L, Long::sum);
            if (row.daysPerRung() != null) {
                row.daysPerRung().forEach((rung, d) -> {
                    if (d != null) {
                        days.computeIfAbsent(key(rung), r -> new DayHistogram()).add(d);
                    }
                });
            }
            long[] s = silence.computeIfAbsent(stage, k -> new long[3]);
            s[0]++;
            s[1] += row.authorityWaits();
            s[2] += row.authoritySilences();
        }
    }

    /** Days are whole numbers with few distinct values, so an exact median needs only a histogram. */
    static final class DayHistogram {
        private final TreeMap<Integer, Long> counts = new TreeMap<>();
        long count;
        long sum;

        void add(int days) {
            counts.merge(days, 1L, Long::sum);
            count++;
            sum += days;
        }

        double average() {
            return count == 0 ? 0 : (double) sum / count;
        }

        int min() {
            return counts.isEmpty() ? 0 : counts.firstKey();
        }

        int max() {
            return counts.isEmpty() ? 0 : counts.lastKey();
        }

        /** Mean of the two middle values when the count is even. */
        double median() {
            if (count == 0) {
                return 0;
            }
            return (valueAt((count - 1) / 2) + valueAt(count / 2)) / 2.0;
        }

        private int valueAt(long index) {
            long seen = 0;
            for (Map.Entry<Integer, Long> e : counts.entrySet()) {
                seen += e.getValue();
                if (index < seen) {
                    return e.getKey();
                }
            }
            throw new IllegalStateException("index " + index + " beyond " + count);
        }
    }

    /** Cell styles are workbook-wide and limited in number, so create each once. */
    private static final class Styles {
        final CellStyle plain;
        final CellStyle header;
        final CellStyle date;
        final CellStyle decimal;
        final CellStyle percent;

        Styles(SXSSFWorkbook workbook) {
            plain = workbook.getCellStyleAt(0);
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd.mm.yyyy"));
            decimal = workbook.createCellStyle();
            decimal.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
            percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
        }
    }
}
