package kz.shagym.escalation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A soak of the embedded engine: the application in a process of its own keeps {@code complaints} open complaints while
 * job workers poll and the clock moves {@code clockStep} every {@code tick}; each tick a few complaints are closed and
 * as many new ones loaded, so the engine keeps appending records. Every {@code sampleEvery} the heap after a full
 * collection, the engine's record count and its replacements are sampled. The engine must be replaced (past
 * {@code maxRecords}) and every open complaint resumed, with nothing lost or doubled. Used by {@code bench/soak} (30
 * minutes, 1,000 complaints) and by {@link SoakTest} (about a minute in the suite).
 */
public final class SoakRun {

    public record Settings(Duration length, int complaints, int threads, Duration tick, String clockStep,
                           Duration sampleEvery, long maxRecords, Duration watchInterval, String maxHeap) {}

    /**
     * @param lastResumed  complaints the latest resume (start or replacement) started again
     * @param lastFailed   complaints it could not start again
     */
    public record Sample(Duration at, long heapAfterGcBytes, long records, int engineGeneration, long resumedTotal,
                         int openComplaints, int lastResumed, int lastFailed) {}

    /**
     * @param drifted         open complaints on which engine and ledger still differed at the end
     * @param missingLetters  letters the ledger called for and that were never drafted
     * @param duplicates      letters drafted twice, and timer effects recorded twice
     * @param mended          complaints the application's own sweep re-planned after finding them differing twice
     */
    public record Result(List<Sample> samples, int loaded, int closed, long heapMaxBytes, int drifted, int timersChecked,
                         int missingLetters, int duplicates, long mended) {

        public int replacements() {
            return samples.getLast().engineGeneration() - 1;
        }

        public long resumedTotal() {
            return samples.getLast().resumedTotal();
        }

        public long maxHeapAfterGc() {
            return samples.stream().mapToLong(Sample::heapAfterGcBytes).max().orElse(0);
        }

        public long maxRecords() {
            return samples.stream().mapToLong(Sample::records).max().orElse(0);
        }
    }

    private SoakRun() {
    }

    public static Result run(Path dataDir, Settings settings, PrintStream out) throws Exception {
        try (AppProcess app = new AppProcess(dataDir).named("soak").maxHeap(settings.maxHeap())
                .with("shagym.engine.max-records", settings.maxRecords())
                .with("shagym.engine.watch-interval", settings.watchInterval())
                .with("shagym.engine.mend-interval", settings.watchInterval())
                // The soak is about the engine's memory: mail is planned into the outbox but not sent.
                .with("shagym.notify.mail-enabled", false)
                .with("logging.level.kz.shagym", "warn")) {
            Duration startup = app.start("PT0S");
            List<String> lawyers = ComplaintMix.users(app, "LAWYER", 8, "soak");
            ComplaintMix mix = new ComplaintMix(app, lawyers);
            long started = System.nanoTime();
            Deque<String> open = new ArrayDeque<>();
            int loaded = 0;
            for (ComplaintMix.Loaded complaint : mix.load(0, settings.complaints(), settings.threads())) {
                open.add(complaint.id());
                loaded++;
            }
            out.printf("soak: start-up %d ms; %d complaints loaded in %.0f s; heap max %s; engine replaced past %,d records%n",
                    startup.toMillis(), loaded, seconds(started), settings.maxHeap(), settings.maxRecords());
            out.println("soak: loading steps " + mix.timings());
            out.printf("%8s %14s %10s %11s %8s %6s%n", "t", "heap after GC", "records", "generation", "resumed", "open");

            List<Sample> samples = new ArrayList<>();
            samples.add(sample(app, started, out));
            long end = System.nanoTime() + settings.length().toNanos();
            long nextSample = System.nanoTime() + settings.sampleEvery().toNanos();
            int closed = 0;
            int churn = Math.max(1, settings.complaints() / 50);
            while (System.nanoTime() < end) {
                long tickEnd = System.nanoTime() + settings.tick().toNanos();
                app.advanceClock(settings.clockStep());
                mix.syncClock();
                for (int i = 0; i < churn && !open.isEmpty(); i++) {
                    closed += mix.close(open.poll()) ? 1 : 0;
                }
                int missing = settings.complaints() - app.get("/api/admin/engine").get("openComplaints").asInt();
                if (missing > 0) {
                    for (ComplaintMix.Loaded complaint : mix.load(loaded, missing, settings.threads())) {
                        open.add(complaint.id());
                    }
                    loaded += missing;
                }
                if (System.nanoTime() >= nextSample) {
                    samples.add(sample(app, started, out));
                    nextSample += settings.sampleEvery().toNanos();
                }
                Thread.sleep(Math.max(0, (tickEnd - System.nanoTime()) / 1_000_000));
            }
            awaitResumed(app);
            samples.add(sample(app, started, out));
            JsonNode consistency = awaitConsistentOrLast(app);
            JsonNode status = app.get("/api/admin/engine"); // after the last checks, so the sweep's count is final
            if (consistency.get("drifted").asInt() > 0) {
                // what differed, for the record: the run is over and the engine will not be asked again
                consistency.get("drifts").forEach(drift -> out.println("soak: drift " + drift));
            }
            app.kill();
            try (LedgerFile ledger = LedgerFile.open(dataDir)) {
                return new Result(samples, loaded, closed, status.get("heapMaxBytes").asLong(),
                        consistency.get("drifted").asInt(), consistency.get("timersChecked").asInt(),
                        LedgerInvariants.missingLetters(ledger).size(),
                        LedgerInvariants.duplicatedLetters(ledger).size() + LedgerInvariants.duplicatedEngineEvents(ledger).size(),
                        status.get("mendedComplaints").asLong());
            }
        }
    }

    /** Prints the figures the issue asks for. */
    public static void print(Result result, PrintStream out) {
        out.printf("heap after GC: max %d MB, last %d MB (of %d MB); engine records: max %,d%n",
                result.maxHeapAfterGc() >> 20, result.samples().getLast().heapAfterGcBytes() >> 20,
                result.heapMaxBytes() >> 20, result.maxRecords());
        out.printf("engine replacements: %d; complaints resumed: %d (start and replacements); complaints loaded %d, closed %d%n",
                result.replacements(), result.resumedTotal(), result.loaded(), result.closed());
        out.printf("lost or duplicated: %d complaints where engine and ledger differ (of %d deadline timers checked), "
                        + "%d letters missing, %d duplicates%n",
                result.drifted(), result.timersChecked(), result.missingLetters(), result.duplicates());
        out.printf("complaints the application's sweep re-planned after finding them differing in two checks in a row: %d%n",
                result.mended());
    }

    private static Sample sample(AppProcess app, long started, PrintStream out) throws Exception {
        JsonNode status = app.get("/api/admin/engine?gc=true");
        JsonNode lastResume = status.get("lastResume");
        Sample sample = new Sample(Duration.ofNanos(System.nanoTime() - started), status.get("heapUsedBytes").asLong(),
                status.get("records").asLong(), status.get("engineGeneration").asInt(),
                status.get("resumedComplaintsTotal").asLong(), status.get("openComplaints").asInt(),
                lastResume.path("complaints").asInt(), lastResume.path("failed").asInt());
        out.printf("%7.0fs %11d MB %,10d %11d %8d %6d%n", sample.at().toMillis() / 1e3, sample.heapAfterGcBytes() >> 20,
                sample.records(), sample.engineGeneration(), sample.resumedTotal(), sample.openComplaints());
        return sample;
    }

    /**
     * The last tick may have set off a replacement: the final sample waits for its resume, whose count it reports (a
     * sample taken while the complaints are being resumed sees no resume yet).
     */
    private static void awaitResumed(AppProcess app) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            JsonNode status = app.get("/api/admin/engine");
            JsonNode lastResume = status.get("lastResume");
            if (lastResume != null && !lastResume.isNull()
                    && lastResume.path("engineGeneration").asInt() == status.get("engineGeneration").asInt()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("engine #" + status.get("engineGeneration") + " not resumed within 2 minutes");
            }
            Thread.sleep(200);
        }
    }

    /** The engine settles after the last tick's timers; the report as it stands after at most two minutes. */
    private static JsonNode awaitConsistentOrLast(AppProcess app) throws Exception {
        try {
            return EngineChecks.awaitConsistent(app, Duration.ofMinutes(2));
        } catch (AssertionError stillDrifting) {
            return app.get("/api/admin/engine/consistency");
        }
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
