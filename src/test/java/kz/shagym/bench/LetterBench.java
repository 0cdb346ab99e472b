package kz.shagym.bench;

import kz.shagym.letter.ChronologyEntry;
import kz.shagym.letter.ContestedDecision;
import kz.shagym.letter.LetterKind;
import kz.shagym.letter.LetterModel;
import kz.shagym.letter.LetterRenderer;
import kz.shagym.letter.Person;
import kz.shagym.letter.PoiTlLetterRenderer;
import kz.shagym.letter.QuietPoiTl;
import kz.shagym.letter.Representative;
import kz.shagym.letter.Timeliness;
import kz.shagym.letter.UnSubmission;
import kz.shagym.report.StagesWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Letter rendering throughput and latency (target ≥ 200 letters/s on 2 cores) and the XLSX export time
 * for 100,000 cases. Run with {@code bench/letters [letters] [xlsxRows]}.
 */
public final class LetterBench {
    private static final String[] REGIONS = {"г. Алматы", "г. Астана", "г. Шымкент", "Карагандинская область"};
    private static final String[] STAGES = {"PROSECUTOR_COMPLAINT", "INVESTIGATIVE_JUDGE", "APPEAL", "UN_COMMUNICATION"};
    private static final String[] REASONS = {"FORWARDED_TO_INTERNAL_SECURITY", "NOT_PROVEN", "NO_CRIME", "SILENCE"};

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private LetterBench() {
    }

    public static void main(String[] args) throws Exception {
        QuietPoiTl.apply();
        System.out.printf("load average at start: %.2f (other work on the machine lowers the wall-clock figures)%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        int letters = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int xlsxRows = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        LetterRenderer renderer = new PoiTlLetterRenderer(Path.of("letter-templates"));
        List<LetterModel> models = models(letters);

        System.out.printf("warm-up: %d letters%n", run(renderer, models.subList(0, Math.min(1_000, letters)), 2).count);
        report("1 thread ", run(renderer, models, 1));
        report("2 threads", run(renderer, models, 2));
        xlsx(xlsxRows);
    }

    /** Every kind in both languages with varying reasons, minors and missed terms. */
    static List<LetterModel> models(int n) {
        LetterKind[] kinds = LetterKind.values();
        return IntStream.range(0, n).mapToObj(i -> new LetterModel(kinds[i % kinds.length], i % 2 == 0 ? "ru" : "kk",
                "2175000310" + i, LocalDate.of(2021, 1, 27),
                new Person("Иванов Иван Иванович " + i, LocalDate.of(1980, 2, 3), i % 5 == 0),
                new Representative("Сериков Марат Болатович", "ОФ «Правовая инициатива»", "+7 701 000 00 00"),
                REGIONS[i % REGIONS.length], i % 3 == 0 ? "ILL_TREATMENT" : "TORTURE", "ANTI_CORRUPTION",
                LocalDate.of(2021, 1, 10), LocalDate.of(2021, 1, 18),
                new ContestedDecision("INTERNAL_SECURITY", "REFUSED", REASONS[i % REASONS.length],
                        LocalDate.of(2021, 1, 19), LocalDate.of(2021, 1, 25), i % 2 == 0 ? LocalDate.of(2021, 1, 26) : null),
                List.of(new ChronologyEntry(LocalDate.of(2021, 1, 18), "REPORT_FILED", "ANTI_CORRUPTION", null, null),
                        new ChronologyEntry(LocalDate.of(2021, 1, 19), "DECISION", "INTERNAL_SECURITY", "REFUSED", null)),
                new Timeliness("LEARNED_OF_DECISION", LocalDate.of(2021, 1, 25), LocalDate.of(2021, 2, 9),
                        "УПК РК ст. 106", "kz.upk.106.file-complaint", i % 7 == 0),
                new UnSubmission(i % 2 == 0 ? "CAT" : "HRC", LocalDate.of(2022, 3, 1),
                        List.of(new ChronologyEntry(LocalDate.of(2022, 3, 1), "DECISION", "APPEAL_COURT", "REFUSED", null)),
                        LocalDate.of(2027, 3, 1), i % 4 == 0))).toList();
    }

    /** cpuNanos: CPU time of the rendering threads, which stays meaningful when other work shares the cores. */
    record Result(int count, long wallNanos, long[] latencies, long bytes, long cpuNanos) {
    }

    static Result run(LetterRenderer renderer, List<LetterModel> models, int threads) throws Exception {
        long[] latencies = new long[models.size()];
        long[] bytes = new long[threads];
        long[] cpu = new long[threads];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int worker = t;
                work.add(pool.submit(() -> {
                    long cpu0 = THREADS.getCurrentThreadCpuTime();
                    for (int i = worker; i < models.size(); i += threads) {
                        long t0 = System.nanoTime();
                        bytes[worker] += renderer.render(models.get(i)).length;
                        latencies[i] = System.nanoTime() - t0;
                    }
                    cpu[worker] = THREADS.getCurrentThreadCpuTime() - cpu0;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return new Result(models.size(), System.nanoTime() - start, latencies, Arrays.stream(bytes).sum(),
                Arrays.stream(cpu).sum());
    }

    static void report(String label, Result r) {
        long[] sorted = r.latencies().clone();
        Arrays.sort(sorted);
        double seconds = r.wallNanos() / 1e9;
        double cpuMs = r.cpuNanos() / 1e6 / r.count();
        System.out.printf("%s: %d letters in %.2f s = %.0f letters/s; p50 %.1f ms, p99 %.1f ms; avg %d KiB/letter;"
                        + " CPU %.1f ms/letter (= %.0f letters/s per idle core)%n",
                label, r.count(), seconds, r.count() / seconds, percentile(sorted, 50), percentile(sorted, 99),
                r.bytes() / r.count() / 1024, cpuMs, 1000 / cpuMs);
    }

    private static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    public static void xlsx(int rows) throws IOException {
        CountingStream out = new CountingStream();
        long start = System.nanoTime();
        new StagesWorkbook().write(IntStream.range(0, rows).mapToObj(LetterBench::caseRow), out);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("xlsx     : %,d cases in %.2f s (%.1f MiB)%n", rows, seconds, out.count / 1048576.0);
    }

    static StagesWorkbook.CaseRow caseRow(int i) {
        return new StagesWorkbook.CaseRow("C-" + i, REGIONS[i % REGIONS.length], STAGES[i % STAGES.length],
                "Lawyer " + (i % 40), LocalDate.of(2021, 1, 1).plusDays(i % 1_500),
                java.util.List.of(LocalDate.of(2021, 3, 1).plusDays(i % 900)),
                Map.of("PROSECUTOR_COMPLAINT", 3 + i % 11, "INVESTIGATIVE_JUDGE", 10 + i % 30, "APPEAL", i % 9),
                1 + i % 4, i % 3 == 0 ? 1 : 0, i % 10 == 0 ? null : "refused");
    }

    /** Discards the bytes (the export's own time is what is measured) but counts them. */
    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
