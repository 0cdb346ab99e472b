package kz.shagym.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import kz.shagym.deadline.CalendarRangeException;
import kz.shagym.deadline.ComputedDeadline;
import kz.shagym.deadline.DeadlineCalculator;
import kz.shagym.deadline.DeadlineRule;
import kz.shagym.deadline.RuleCatalog;
import kz.shagym.deadline.UnknownRuleException;
import kz.shagym.deadline.WorkingDayCalendar;

/**
 * Single-threaded throughput and per-call latency of DeadlineCalculator.compute over random catalog rules and
 * random triggers 2021-07-01..2027-06-30 (inside every rule's validity and the loaded calendar years).
 * Usage: bench/deadlines [iterations] (default 1,000,000).
 */
public final class DeadlineBench {
    private static final long FROM = Instant.parse("2021-07-01T00:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("2027-06-30T00:00:00Z").getEpochSecond();

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        RuleCatalog catalog = RuleCatalog.load(Path.of("config/deadline-rules"));
        WorkingDayCalendar calendar = WorkingDayCalendar.load(Path.of("config/calendars/kz"));
        DeadlineCalculator calculator = new DeadlineCalculator(catalog, calendar);
        List<String> ids = catalog.all().stream().map(DeadlineRule::id).distinct().toList();

        // Inputs prepared up front so the timed loop measures compute() only.
        Random random = new Random(2026);
        String[] rules = new String[iterations];
        Instant[] triggers = new Instant[iterations];
        for (int i = 0; i < iterations; i++) {
            rules[i] = ids.get(random.nextInt(ids.size()));
            triggers[i] = Instant.ofEpochSecond(FROM + (long) (random.nextDouble() * (TO - FROM)));
        }

        long sink = run(calculator, rules, triggers, Math.min(iterations, 300_000), null); // warm-up (JIT)
        long[] latencies = new long[iterations];
        long start = System.nanoTime();
        sink += run(calculator, rules, triggers, iterations, latencies);
        long elapsed = System.nanoTime() - start;

        Arrays.sort(latencies);
        System.out.printf("deadlines: %,d computations over %d rules, single thread%n", iterations, ids.size());
        System.out.printf("throughput: %,.0f computations/s%n", iterations / (elapsed / 1e9));
        System.out.printf("latency µs: p50 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                pct(latencies, 0.50), pct(latencies, 0.99), pct(latencies, 0.999), latencies[iterations - 1] / 1e3);
        System.out.printf("target p99 < 50 µs: %s   (checksum %d)%n", pct(latencies, 0.99) < 50 ? "MET" : "MISSED", sink);
    }

    private static long run(DeadlineCalculator calculator, String[] rules, Instant[] triggers, int n, long[] latencies) {
        long sink = 0;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            try {
                ComputedDeadline d = calculator.compute(rules[i], triggers[i]);
                sink += d.lastDay().toEpochDay();
            } catch (CalendarRangeException | UnknownRuleException e) {
                sink--; // a refusal is a valid, measured outcome (e.g. a 3-year civil limit ending in 2028)
            }
            if (latencies != null) {
                latencies[i] = System.nanoTime() - t0;
            }
        }
        return sink;
    }

    private static double pct(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e3;
    }
}
