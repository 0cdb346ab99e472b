package kz.shagym.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.shagym.ShagymApplication;
import kz.shagym.clock.ShagymClock;
import kz.shagym.complaint.EventCommand;
import kz.shagym.complaint.EventType;
import kz.shagym.complaint.Ladder;
import kz.shagym.complaint.NewComplaint;
import kz.shagym.letter.LetterStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Complaints per second through the whole ladder on the embedded engine: intake, forwarding to internal security,
 * court complaint filed and refused, appeal filed and refused, CAT communication, transmittal, State reply, Views,
 * follow-up — until the engine completes each ladder. Midway the clock is advanced so the rungs' timers fire too.
 * Usage: bench/full-ladder [complaints=300] [threads=32] [warm-up complaints=100]
 */
public final class FullLadderBench {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    public static void main(String[] args) throws Exception {
        int complaints = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        Path data = Files.createTempDirectory("shagym-bench-");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ShagymApplication.class).run(
                "--server.port=0", "--shagym.engine.port=0", "--shagym.data-dir=" + data, "--shagym.clock-control=true",
                "--shagym.admin.password=bench-password", "--logging.level.root=warn", "--shagym.notify.mail-enabled=false");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (warmUp > 0) {
            // The JIT compiles the ledger, POI and the engine during the first few hundred climbs (more CPU than the
            // climbs themselves): the figures below are those of a warm application, as a server is after its first hour.
            Batch first = climbAll(app, pool, warmUp, 0, "warm-up");
            System.out.printf("warm-up: %d complaints in %.1f s, CPU %.0f ms per complaint, JIT %.0f ms per complaint%n",
                    warmUp, first.seconds(), first.cpuMillis() / warmUp, first.jitMillis() / warmUp);
        }
        Batch batch = climbAll(app, pool, complaints, warmUp, "measured");
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(batch.climbNanos());
        Collections.sort(sorted);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("cores: %d; complaints: %d (after %d warming up); threads: %d%n", cores, complaints, warmUp, threads);
        System.out.printf("whole ladder (intake → UN follow-up, engine completed): %.1f complaints/s (%d in %.1f s)%n",
                complaints / batch.seconds(), complaints, batch.seconds());
        double cpuPerComplaint = batch.cpuMillis() / complaints;
        // CPU per complaint does not depend on what else the machine runs: the ceiling it implies is the figure to compare.
        System.out.printf("CPU (whole process: engine, ledger, letters, workers): %.0f ms per complaint → at most %.0f complaints/s on %d cores%n",
                cpuPerComplaint, cores * 1000 / cpuPerComplaint, cores);
        System.out.printf("of which JIT compiling %.1f ms, garbage collection pauses %.1f ms per complaint%n",
                batch.jitMillis() / complaints, batch.gcMillis() / complaints);
        System.out.println("CPU per complaint by thread group (climbers: ledger changes in-process; job workers: rungs and letters):");
        batch.threadCpuNanos().entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(e -> System.out.printf("  %-36s %6.1f ms%n", e.getKey(), e.getValue() / 1e6 / complaints));
        System.out.printf("load average at the end: %.1f%n", os.getSystemLoadAverage());
        System.out.printf("one complaint's climb (11 events, 2 letters awaited): p50 %.0f ms, p95 %.0f ms, p99 %.0f ms%n",
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99));
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        printLetters(jdbc, complaints + warmUp);
        printEngineRecords(app, complaints + warmUp);
        app.close();
        System.exit(0); // a library's non-daemon timer thread would keep the JVM alive after the figures
    }

    /** What one batch of climbs cost: wall time, process CPU, JIT and GC time, CPU by thread group, each climb's time. */
    record Batch(double seconds, double cpuMillis, double jitMillis, double gcMillis, java.util.Map<String, Long> threadCpuNanos,
                 List<Long> climbNanos) {}

    /** Climbs {@code complaints} complaints on the pool and waits until the engine has completed each ladder. */
    private static Batch climbAll(ConfigurableApplicationContext app, ExecutorService pool, int complaints, int completedBefore,
                                  String name) throws Exception {
        Ladder ladder = app.getBean(Ladder.class);
        LetterStore letters = app.getBean(LetterStore.class);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        ShagymClock clock = app.getBean(ShagymClock.class);
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long jitBefore = jitMillis();
        long gcBefore = gcMillis();
        java.util.Map<String, Long> threadsBefore = threadCpuNanos();
        List<Long> perComplaint = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < complaints; i++) {
            futures.add(pool.submit(() -> {
                long s = System.nanoTime();
                climb(ladder, letters, clock);
                perComplaint.add(System.nanoTime() - s);
                return null;
            }));
        }
        for (int i = 0; i < futures.size(); i++) {
            futures.get(i).get();
            if ((i + 1) % Math.max(1, complaints / 5) == 0) {
                System.out.printf("  %s: %d of %d complaints climbed (events recorded)%n", name, i + 1, complaints);
            }
        }
        System.out.printf("  %s: all events recorded after %.1f s; advancing the clock 2 days (timers past the grace period "
                + "fire); waiting for the engine to complete every ladder%n", name, (System.nanoTime() - started) / 1e9);
        // After the climbs, not during them: a timer firing in the middle of a climb races the bench's next event.
        advance(app, clock, Duration.ofDays(2));
        long lastReport = System.nanoTime();
        int completed;
        while ((completed = jdbc.sql("select count(*) from complaint_event where type = 'LADDER_COMPLETED'")
                .query(Integer.class).single() - completedBefore) < complaints) {
            if (System.nanoTime() - lastReport > 5_000_000_000L) {
                System.out.printf("  %s: %d of %d ladders completed%n", name, completed, complaints);
                lastReport = System.nanoTime();
            }
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        java.util.Map<String, Long> threadCpu = threadCpuNanos();
        threadsBefore.forEach((group, nanos) -> threadCpu.computeIfPresent(group, (g, now) -> now - nanos));
        return new Batch(seconds, (os.getProcessCpuTime() - cpuBefore) / 1e6, jitMillis() - jitBefore, gcMillis() - gcBefore,
                threadCpu, perComplaint);
    }

    private static long jitMillis() {
        return java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /**
     * CPU time by group of threads (numbers in names folded: "pool-7-thread-12" into "pool-7-thread-N"), from each live
     * thread's own CPU time: which part of the application the cores went to. The bench's climbers run the ledger
     * changes (they call the ladder in-process), the job workers run rungs and draft letters, zb-actors is the engine;
     * JIT and GC threads are not Java threads and show only in the process total.
     */
    private static java.util.Map<String, Long> threadCpuNanos() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> byGroup = new java.util.TreeMap<>();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            long cpu = info == null ? -1 : threads.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                byGroup.merge(info.getThreadName().replaceAll("\\d+$", "N"), cpu, Long::sum);
            }
        }
        return byGroup;
    }

    /** Letters drafted per complaint, by kind: each is a DOCX rendered, sealed and stored while the ladder climbs. */
    private static void printLetters(JdbcClient jdbc, int complaints) {
        var byKind = jdbc.sql("select kind, count(*) from letter group by kind order by count(*) desc")
                .query((rs, n) -> java.util.Map.entry(rs.getString(1), rs.getLong(2))).list();
        long total = byKind.stream().mapToLong(java.util.Map.Entry::getValue).sum();
        System.out.printf("letters drafted: %.1f per complaint:", (double) total / complaints);
        byKind.forEach(e -> System.out.printf(" %s %.1f", e.getKey(), (double) e.getValue() / complaints));
        System.out.println();
    }

    /**
     * What the engine wrote per complaint, by kind of record (commands and events): the engine's share of the work
     * grows with these counts, so a change to the BPMN or the workers shows here first.
     */
    private static void printEngineRecords(ConfigurableApplicationContext app, int complaints) {
        var engines = app.getBeansOfType(kz.shagym.escalation.EmbeddedEngine.class).values();
        if (engines.isEmpty()) {
            return;
        }
        var engine = engines.iterator().next();
        java.util.Map<String, Long> byKind = new java.util.TreeMap<>();
        engine.forEachRecord(record -> byKind.merge(record.getValueType() + " " + record.getRecordType(), 1L, Long::sum));
        long total = byKind.values().stream().mapToLong(Long::longValue).sum();
        long replacements = engine.generation() - 1;
        if (replacements > 0) {
            // the counts below are then the last engine's only: it started with the resume of the complaints still open
            System.out.printf("engine replaced %d times past its record limit (%,d complaint resumes)%n", replacements,
                    app.getBean(kz.shagym.escalation.EngineSupervisor.class).resumedTotal());
        }
        System.out.printf("engine records: %.0f per complaint (%,d in the current engine, start-up included; %,d bytes of log, %.0f per record)%n",
                (double) total / complaints, total, engine.logBytes(), (double) engine.logBytes() / total);
        byKind.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(e -> System.out.printf("  %-40s %6.1f per complaint%n", e.getKey(), (double) e.getValue() / complaints));
    }

    /** Moves application and engine clocks together, as POST /api/clock does. */
    private static void advance(ConfigurableApplicationContext app, ShagymClock clock, Duration by) {
        clock.advance(by);
        app.getBeansOfType(kz.shagym.clock.ClockListeners.Listener.class).values().forEach(l -> l.clockAdvanced(by));
    }

    private static void climb(Ladder ladder, LetterStore letters, ShagymClock clock) throws InterruptedException {
        Instant now = clock.instant();
        UUID id = ladder.register(new NewComplaint(new NewComplaint.Victim("Бенчмарк Тест", null), "Алматы",
                NewComplaint.Allegation.TORTURE, null, NewComplaint.FiledWith.POLICE, at(now, 40), "ru", null), "admin").id();
        record(ladder, id, new EventCommand(EventType.FORWARDED_TO_INTERNAL_SECURITY, at(now, 39), at(now, 38), null, null,
                null, null, at(now, 38), null, null, null, null, null, null, null, null, null));
        filed(ladder, id, letter(letters, id, "COMPLAINT_INVESTIGATIVE_JUDGE"), at(now, 37));
        record(ladder, id, decision(EventCommand.Authority.INVESTIGATIVE_JUDGE, at(now, 30)));
        filed(ladder, id, letter(letters, id, "APPEAL"), at(now, 29));
        record(ladder, id, decision(EventCommand.Authority.APPEAL_COURT, at(now, 20)));
        record(ladder, id, new EventCommand(EventType.UN_SUBMITTED, at(now, 15), null, null, null, null, null, null, null,
                null, null, EventCommand.Committee.CAT, false, null, null, null, null));
        record(ladder, id, simple(EventType.UN_TRANSMITTED, at(now, 10)));
        record(ladder, id, simple(EventType.STATE_REPLY, at(now, 5)));
        record(ladder, id, simple(EventType.VIEWS_ADOPTED, at(now, 2)));
        record(ladder, id, simple(EventType.FOLLOW_UP_REPLY, at(now, 1)));
    }

    private static EventCommand decision(EventCommand.Authority authority, OffsetDateTime at) {
        return new EventCommand(EventType.DECISION, null, null, authority, EventCommand.Outcome.REFUSED, null, at, at,
                null, null, null, null, null, null, null, null, null);
    }

    private static EventCommand simple(EventType type, OffsetDateTime at) {
        return new EventCommand(type, at, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static void filed(Ladder ladder, UUID id, UUID letter, OffsetDateTime at) {
        record(ladder, id, new EventCommand(EventType.FILED, null, null, null, null, null, null, null, letter, at, "IN_PERSON",
                null, null, null, null, null, null));
    }

    private static void record(Ladder ladder, UUID id, EventCommand command) {
        ladder.record(id, command, "admin");
    }

    /** The rung's letter is drafted by the engine's job worker: wait for it as a lawyer would. */
    private static UUID letter(LetterStore letters, UUID id, String kind) throws InterruptedException {
        while (true) {
            for (var l : letters.ofComplaint(id)) {
                if (kind.equals(l.kind())) {
                    return l.id();
                }
            }
            Thread.sleep(5);
        }
    }

    private static OffsetDateTime at(Instant now, int daysAgo) {
        return now.minus(Duration.ofDays(daysAgo)).atZone(ALMATY).toOffsetDateTime();
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
