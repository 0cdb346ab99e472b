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
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
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
 * case's totals), "Outcomes per rung" (by the case's current stage). Sheet names, headers, stages, rungs and
 * outcomes are in the reader's language (the pages' bundles, messages/web*.properties: ru, kk, en), never codes.
 */
public final class StagesWorkbook {

    /**
     * One case as the ledger reports it. {@code openedOn}: the day the report was filed with the authority;
     * {@code filedOn}: the days its letters were filed (FILED events), oldest first; {@code daysPerRung} keys are stage
     * codes; {@code outcome} (a rung's outcome code) may be null.
     */
    public record CaseRow(String caseNumber, String region, String stage, String lawyer, LocalDate openedOn,
                          List<LocalDate> filedOn, Map<String, Integer> daysPerRung, int authorityWaits,
                          int authoritySilences, String outcome) {
    }

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final ResourceBundle labels;

    /** A workbook in Russian, the application's default language. */
    public StagesWorkbook() {
        this(Locale.forLanguageTag("ru"));
    }

    /** A workbook in ru, kk or en (anything else: ru). */
    public StagesWorkbook(Locale language) {
        String tag = List.of("kk", "en").contains(language.getLanguage()) ? language.getLanguage() : "ru";
        this.labels = ResourceBundle.getBundle("messages/web", Locale.forLanguageTag(tag),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** A fixed text of the workbook (sheet names, headers). */
    String label(String key) {
        return labels.getString("xlsx." + key);
    }

    /** A code as the pages name it ({@code prefix} + code), or the code itself when the bundle has no name for it. */
    private String named(String prefix, String code) {
        if (code == null || NONE.equals(code)) {
            return code;
        }
        try {
            return labels.getString(prefix + code);
        } catch (MissingResourceException unknown) {
            return code;
        }
    }

    String stageName(String code) {
        return named("stage.", code);
    }

    String rungName(String code) {
        String rung = named("rung.", code);
        return rung.equals(code) ? stageName(code) : rung;
    }

    String outcomeName(String code) {
        return code == null ? null : named("xlsx.outcome.", code.toLowerCase(Locale.ROOT));
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
    private static final String[] CASE_HEADER_START = {"caseNumber", "region", "stage", "lawyer", "openedOn", "filedOn",
            "authorityWaits", "authoritySilences", "outcome"};

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
            writeCases(workbook.createSheet(label("sheet.cases")), rows, totals, styles);
            writeByStageAndRegion(workbook.createSheet(label("sheet.byStageAndRegion")), totals, styles);
            writeDaysPerRung(workbook.createSheet(label("sheet.daysPerRung")), totals, styles);
            writeSilence(workbook.createSheet(label("sheet.silence")), totals, styles);
            writeOutcomes(workbook.createSheet(label("sheet.outcomes")), totals, styles);
            workbook.write(out);
        } finally {
            workbook.dispose(); // SXSSF keeps each sheet in a temp file until disposed
            workbook.close();
        }
    }

    private void writeCases(SXSSFSheet sheet, Stream<CaseRow> rows, Totals totals, Styles styles) {
        List<String> header = new ArrayList<>();
        for (String column : CASE_HEADER_START) {
            header.add(label("column." + column));
        }
        for (String rung : LADDER) {
            header.add(label("column.days") + ": " + rungName(rung));
        }
        header.add(label("column.daysOther"));
        header(sheet, styles, header.toArray(String[]::new));
        sheet.createFreezePane(1, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, header.size() - 1));
        widths(sheet, 20, 18, 30, 24, 12, 24, 10, 10, 16);
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
        text(r, c++, stageName(row.stage()), styles.plain);
        text(r, c++, row.lawyer(), styles.plain);
        if (row.openedOn() != null) {
            Cell opened = r.createCell(c);
            opened.setCellValue(row.openedOn());
            opened.setCellStyle(styles.date);
        }
        c++;
        text(r, c++, days(row.filedOn()), styles.plain);
        number(r, c++, row.authorityWaits(), styles.plain);
        number(r, c++, row.authoritySilences(), styles.plain);
        text(r, c++, outcomeName(row.outcome()), styles.plain);
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

    /** Several filing days in one cell, as the pages write dates: "dd.MM.yyyy; dd.MM.yyyy". */
    private static String days(List<LocalDate> days) {
        if (days == null || days.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (LocalDate day : days) {
            text.append(text.isEmpty() ? "" : "; ").append(DAY.format(day));
        }
        return text.toString();
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
        header.add(label("column.stageByRegion"));
        header.addAll(regions);
        header.add(label("column.total"));
        header(sheet, styles, header.toArray(String[]::new));
        int r = 1;
        for (Map.Entry<String, Map<String, Long>> stage : sorted(totals.byStageRegion).entrySet()) {
            Row row = sheet.createRow(r++);
            text(row, 0, stageName(stage.getKey()));
            long sum = 0;
            for (int i = 0; i < regions.size(); i++) {
                long n = stage.getValue().getOrDefault(regions.get(i), 0L);
                row.createCell(i + 1).setCellValue(n);
                sum += n;
            }
            row.createCell(regions.size() + 1).setCellValue(sum);
        }
        Row total = sheet.createRow(r);
        text(total, 0, label("column.total"));
        for (int i = 0; i < regions.size(); i++) {
            total.createCell(i + 1).setCellValue(totals.byRegion.getOrDefault(regions.get(i), 0L));
        }
        total.createCell(regions.size() + 1).setCellValue(totals.cases);
        widths(sheet, 30);
    }

    private void writeDaysPerRung(Sheet sheet, Totals totals, Styles styles) {
        header(sheet, styles, label("column.rung"), label("column.cases"), label("column.averageDays"),
                label("column.medianDays"), label("column.minDays"), label("column.maxDays"));
        int r = 1;
        for (Map.Entry<String, DayHistogram> rung : sorted(totals.days).entrySet()) {
            DayHistogram h = rung.getValue();
            Row row = sheet.createRow(r++);
            text(row, 0, rungName(rung.getKey()));
            row.createCell(1).setCellValue(h.count);
            number(row, 2, h.average(), styles.decimal);
            number(row, 3, h.median(), styles.decimal);
            row.createCell(4).setCellValue(h.min());
            row.createCell(5).setCellValue(h.max());
        }
        widths(sheet, 30, 10, 14, 14, 10, 10);
    }

    private void writeSilence(Sheet sheet, Totals totals, Styles styles) {
        header(sheet, styles, label("column.currentStage"), label("column.cases"), label("column.authorityWaits"),
                label("column.authoritySilences"), label("column.silenceRate"));
        int r = 1;
        for (Map.Entry<String, long[]> rung : sorted(totals.silence).entrySet()) {
            long[] v = rung.getValue(); // cases, waits, silences
            Row row = sheet.createRow(r++);
            text(row, 0, stageName(rung.getKey()));
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
        header.add(label("column.stageByOutcome"));
        outcomes.forEach(outcome -> header.add(outcomeName(outcome)));
        header.add(label("column.total"));
        header(sheet, styles, header.toArray(String[]::new));
        int r = 1;
        for (Map.Entry<String, Map<String, Long>> stage : sorted(totals.byStageOutcome).entrySet()) {
            Row row = sheet.createRow(r++);
            text(row, 0, stageName(stage.getKey()));
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
