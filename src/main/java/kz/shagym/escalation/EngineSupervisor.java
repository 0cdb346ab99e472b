package kz.shagym.escalation;

import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.grpc.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import kz.shagym.complaint.ComplaintLedger;
import kz.shagym.complaint.ComplaintRecord;
import kz.shagym.complaint.EngineCommand;
import kz.shagym.complaint.Track;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine in step with the ledger. On start (and after the embedded engine is replaced) it deploys the
 * ladder and resumes every open complaint before the elements of its open rungs; timers carry absolute dates, so a
 * deadline that passed while the application was down fires at once, and the ledger makes it count once.
 *
 * <p>The start-up resume runs behind: health is UP and the pages are served at once, whatever the number of open
 * complaints; what is recorded meanwhile waits in the outbox ({@link EngineOutbox}) and reaches the engine when the
 * resume is over. Until then {@link #catchingUp()} is true and the case page says so.
 */
@Component
public class EngineSupervisor implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(EngineSupervisor.class);
    /** Start commands in flight at once during a resume. */
    private static final int RESUME_WINDOW = 64;
    /** How long a resume waits for a (re)started engine to answer before it gives up (and the watch tries again). */
    private static final Duration DEPLOY_PATIENCE = Duration.ofSeconds(60);

    private final EngineGateway gateway;
    private final ComplaintLedger ledger;
    private final ObjectProvider<EmbeddedEngine> embedded;
    private final long maxRecords;
    private final double maxHeapFraction;
    /** Engine traffic takes the read lock; replacing the engine takes the write lock, so nothing lands in a dying engine. */
    private final ReentrantReadWriteLock engineLock = new ReentrantReadWriteLock(true);
    private final AtomicReference<ResumeReport> lastResume = new AtomicReference<>();
    /** Complaints resumed since start, over every resume (start and replacements): a soak's proof of work. */
    private final AtomicLong resumedTotal = new AtomicLong();
    private volatile boolean resumeAttempted;
    /** A resume is under way (or waits for the engine): the watch must not take it for one that did not finish. */
    private volatile boolean resuming;
    /** Records the engine held right after the last resume: the floor the record limit must stay clear of. */
    private volatile long recordsAfterResume;
    /** Starts and re-plans of one complaint run one at a time (a redelivery may meet the first delivery). */
    private final Object[] complaintStripes = new Object[64];
    private final EngineOutbox outbox;
    /**
     * Whether the engine keeps its instances when the application restarts (a Camunda 8 cluster; not the embedded engine,
     * which starts empty). Then a start resumes only the open complaints the engine never heard of: starting the others
     * again would run every open complaint twice.
     */
    private final boolean engineKeepsInstances;

    public record ResumeReport(int complaints, int failed, Duration took, Instant at, int engineGeneration) {}

    EngineSupervisor(EngineGateway gateway, ComplaintLedger ledger, ObjectProvider<EmbeddedEngine> embedded,
                     EngineOutbox outbox,
                     @Value("${shagym.engine.max-records:600000}") long maxRecords,
                     @Value("${shagym.engine.max-heap-fraction:0.7}") double maxHeapFraction,
                     @Value("${shagym.engine.persistent:#{null}}") Boolean persistent) {
        this.engineKeepsInstances = persistent != null ? persistent : embedded.getIfAvailable() == null;
        this.gateway = gateway;
        this.ledger = ledger;
        this.embedded = embedded;
        this.maxRecords = maxRecords;
        this.maxHeapFraction = maxHeapFraction;
        this.outbox = outbox;
        for (int i = 0; i < complaintStripes.length; i++) {
            complaintStripes[i] = new Object();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    public void resumeOnStart() {
        Thread resume = new Thread(() -> {
            try {
                resumeOnStart(engineKeepsInstances);
            } catch (RuntimeException e) {
                // The embedded engine's watch tries again; against a cluster, the next start does.
                log.error("resuming the open complaints into the engine failed: {}", e.toString());
            }
        }, "engine-resume");
        resume.setDaemon(true);
        resume.start();
    }

    /** Whether the engine is still being brought in step with the ledger (the start-up resume, or a replacement). */
    public boolean catchingUp() {
        return resuming || lastResume.get() == null;
    }

    /** @param engineKeptItsInstances the engine outlived the application (a cluster) and still runs the stored instances */
    void resumeOnStart(boolean engineKeptItsInstances) {
        bringInStep(() -> deployAndResume(engineKeptItsInstances));
    }

    /**
     * Brings the engine in step with the ledger, with the engine to itself and {@link #catchingUp()} true meanwhile;
     * then what was recorded meanwhile, waiting in the outbox, reaches the rebuilt instances.
     */
    private void bringInStep(Runnable rebuild) {
        resuming = true;
        try {
            withEngineExclusive(rebuild);
        } finally {
            resuming = false;
        }
        outbox.redeliverAll();
    }

    /** Throws the embedded engine away and rebuilds it from the ledger. */
    public ResumeReport replaceEngine(String reason) {
        EmbeddedEngine engine = embedded.getIfAvailable();
        if (engine == null) {
            throw new IllegalStateException("no embedded engine to replace (production mode)");
        }
        bringInStep(() -> {
            log.warn("Replacing the embedded engine: {}", reason);
            lastResume.set(null);
            engine.replace();
            deployAndResume(false); // a fresh engine holds nothing
        });
        return lastResume.get();
    }

    /**
     * The in-memory engine never forgets a record: replace it before it exhausts the heap. A resume that did not finish
     * (the engine unreachable for longer than the deploy waits) is tried again, or the engine would stay empty.
     */
    @Scheduled(fixedDelayString = "${shagym.engine.watch-interval:PT5M}", initialDelayString = "${shagym.engine.watch-interval:PT5M}")
    void watchEngineSize() {
        if (embedded.getIfAvailable() != null && resumeAttempted && !resuming && lastResume.get() == null) {
            replaceEngine("the last resume did not finish");
            return;
        }
        replaceIfTooLarge(Math.max(maxRecords, recordsAfterResume * 3 / 2), maxHeapFraction);
    }

    /** Replaces the embedded engine if it holds more records, or the heap after GC is fuller, than the limits. */
    boolean replaceIfTooLarge(long recordLimit, double heapLimit) {
        EmbeddedEngine engine = embedded.getIfAvailable();
        if (engine == null || lastResume.get() == null) {
            return false;
        }
        double heap = EmbeddedEngine.heapAfterGcFraction();
        if (heap > heapLimit) {
            replaceEngine("heap after GC at %.0f%% of max (limit %.0f%%)".formatted(heap * 100, heapLimit * 100));
            return true;
        }
        long records = engine.recordCount();
        if (records > recordLimit) {
            replaceEngine(records + " records in memory (limit " + recordLimit + ")");
            return true;
        }
        return false;
    }

    /** @param engineKept whether the engine still runs the instances whose keys the ledger holds */
    private void deployAndResume(boolean engineKept) {
        long started = System.nanoTime();
        resumeAttempted = true;
        deployWhenReachable();
        List<UUID> open = engineKept ? ledger.openComplaintIdsWithoutInstance() : ledger.openComplaintIds();
        if (engineKept) {
            log.info("The engine keeps its instances: {} open complaints never started there are started, the others left "
                    + "as they are", open.size());
        }
        int failed = 0;
        for (int from = 0; from < open.size(); from += RESUME_WINDOW) {
            failed += resumeWindow(open.subList(from, Math.min(open.size(), from + RESUME_WINDOW)), engineKept);
        }
        EmbeddedEngine engine = embedded.getIfAvailable();
        ResumeReport report = new ResumeReport(open.size(), failed, Duration.ofNanos(System.nanoTime() - started),
                Instant.now(), engine == null ? 0 : engine.generation());
        lastResume.set(report);
        resumedTotal.addAndGet(open.size() - failed);
        noteRecordsAfterResume(engine);
        log.info("Resumed {} open complaints into the engine in {} ms ({} failed)", open.size(), report.took().toMillis(), failed);
    }

    /**
     * A resume of many open complaints may itself come near the record limit; replacing again at once would only resume
     * again. The watch then waits for half as much growth again, and says that the limit (and the heap) are too small.
     */
    private void noteRecordsAfterResume(EmbeddedEngine engine) {
        recordsAfterResume = engine == null ? 0 : engine.recordCount();
        if (recordsAfterResume * 3 / 2 > maxRecords) {
            log.warn("the resumed engine already holds {} records, near shagym.engine.max-records={}: raise it and the heap "
                    + "(about 0.5 KB of heap per record); until then the engine is replaced only past {}", recordsAfterResume,
                    maxRecords, recordsAfterResume * 3 / 2);
        }
    }

    /**
     * A replaced engine listens again within a second, but the client's connection may still be waiting out its
     * reconnect backoff and fail calls at once (UNAVAILABLE): the deployment is retried until the engine answers.
     */
    private void deployWhenReachable() {
        long giveUp = System.nanoTime() + DEPLOY_PATIENCE.toNanos();
        while (true) {
            try {
                gateway.deployLadder();
                return;
            } catch (ClientStatusException e) {
                if (e.getStatusCode() != Status.Code.UNAVAILABLE || System.nanoTime() > giveUp) {
                    throw e;
                }
                log.info("engine not reachable yet ({}); deploying again shortly", e.getMessage());
                sleep(Duration.ofMillis(250));
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the engine", e);
        }
    }

    /**
     * Sends the start commands of a window of complaints before waiting for any answer: the engine still takes them one
     * by one, but the round trips overlap (a thousand complaints resumed one after the other spent most of the time
     * waiting). Returns how many failed.
     */
    private int resumeWindow(List<UUID> window, boolean engineKept) {
        Map<UUID, CamundaFuture<ProcessInstanceEvent>> starting = new LinkedHashMap<>();
        int failed = 0;
        Map<UUID, UUID> runs = new LinkedHashMap<>();
        window.forEach(id -> runs.put(id, UUID.randomUUID()));
        if (engineKept) {
            // Started before a crash that kept its key from the ledger: the engine may still run it. (A fresh embedded
            // engine runs nothing, and its resume sends nothing of the kind.)
            window.forEach(id -> ledger.currentLadderRun(id).ifPresent(gateway::supersede));
        }
        outbox.inOneTransaction(() -> runs.forEach(ledger::beginLadderRun));
        for (UUID id : window) {
            try {
                List<Track> tracks = ledger.openTracks(id);
                if (!tracks.isEmpty()) {
                    starting.put(id, gateway.startLadderAsync(id, runs.get(id), Processes.resumeElements(tracks)));
                }
            } catch (RuntimeException e) {
                failed++;
                log.error("could not resume complaint {}: {}", id, e.getMessage());
            }
        }
        for (Map.Entry<UUID, CamundaFuture<ProcessInstanceEvent>> start : starting.entrySet()) {
            try {
                ledger.updateProcessInstanceKey(start.getKey(), start.getValue().join().getProcessInstanceKey());
            } catch (RuntimeException e) {
                failed++;
                log.error("could not resume complaint {}: {}", start.getKey(), e.getMessage());
            }
        }
        return failed;
    }

    /**
     * Starts a fresh instance of the complaint's ladder: before the elements of its open rungs, or (a complaint just
     * registered) at the start event. Its run is stored first, so the instance's first job is already current.
     *
     * @param keyStored whether the ledger holds the key of the previous instance (cancelled by the caller); without it
     *                  the previous run's instance may still run (a crash after its start) and is told to end
     */
    private void startRun(UUID complaintId, List<String> startBefore, boolean keyStored) {
        Optional<UUID> previous = keyStored ? Optional.empty() : ledger.currentLadderRun(complaintId);
        UUID run = UUID.randomUUID();
        outbox.inOneTransaction(() -> ledger.beginLadderRun(complaintId, run));
        previous.ifPresent(gateway::supersede);
        long key = gateway.startLadder(complaintId, run, startBefore);
        outbox.inOneTransaction(() -> ledger.updateProcessInstanceKey(complaintId, key));
    }

    /**
     * Delivers one command of the outbox. Throws {@link EngineNotReached} when the engine does not take it (down, or
     * being rebuilt): the command stays in the outbox and is delivered again.
     */
    void deliver(EngineCommand command) {
        if (!engineLock.readLock().tryLock()) {
            // Being rebuilt from the ledger: not waiting here keeps the lawyer's request quick; the rebuild redelivers.
            throw new EngineNotReached("the engine is being rebuilt from the ledger");
        }
        try {
            synchronized (complaintStripes[Math.floorMod(command.complaintId().hashCode(), complaintStripes.length)]) {
                switch (command) {
                    case EngineCommand.StartLadder start -> start(start.complaintId());
                    case EngineCommand.ReplanLadder replan -> replan(replan.complaintId());
                    case EngineCommand.PublishMessage message -> gateway.publish(message);
                }
            }
        } catch (ClientException e) {
            throw new EngineNotReached(e.getMessage());
        } finally {
            engineLock.readLock().unlock();
        }
    }

    /** A new complaint: its ladder starts at the start event, once (a redelivered start finds the instance stored). */
    private void start(UUID complaintId) {
        ComplaintRecord complaint = ledger.find(complaintId).orElseThrow();
        if (complaint.processInstanceKey() == null && complaint.open()) {
            startRun(complaintId, List.of(), false);
        }
    }

    /** Dates changed under a running instance (Zeebe cannot re-date a timer): cancel it and resume from the ledger. */
    private void replan(UUID complaintId) {
        ComplaintRecord complaint = ledger.find(complaintId).orElseThrow();
        if (complaint.processInstanceKey() != null) {
            gateway.cancel(complaint.processInstanceKey());
        }
        List<Track> tracks = ledger.openTracks(complaintId);
        if (complaint.open() && !tracks.isEmpty()) {
            startRun(complaintId, Processes.resumeElements(tracks), complaint.processInstanceKey() != null);
        }
    }

    /** Re-plans one complaint now, as an administrator (or the mending sweep) asks; fails if the engine does not take it. */
    public void replanNow(UUID complaintId) {
        deliver(new EngineCommand.ReplanLadder(complaintId));
    }

    void withEngineExclusive(Runnable action) {
        engineLock.writeLock().lock();
        try {
            action.run();
        } finally {
            engineLock.writeLock().unlock();
        }
    }

    public ResumeReport lastResume() {
        return lastResume.get();
    }

    /** Commands in the outbox that the engine has not taken yet (shown in health). */
    public long commandsWaiting() {
        return outbox.waiting();
    }

    public long resumedTotal() {
        return resumedTotal.get();
    }

    /**
     * UP while the engine catches up, too: the ledger is the system of record, pages and acts work, and what the engine
     * must hear waits in the outbox. DOWN only when a resume was tried, is not under way, and did not finish.
     */
    @Override
    public Health health() {
        ResumeReport report = lastResume.get();
        if (report == null) {
            Health.Builder health = resumeAttempted && !resuming ? Health.down() : Health.up();
            return health.withDetail("engine", resuming || !resumeAttempted ? "catching up: open complaints being resumed"
                    : "the last resume did not finish; the watch tries again")
                    .withDetail("engineCommandsWaiting", outbox.waiting()).build();
        }
        return Health.up().withDetail("resumedComplaints", report.complaints())
                .withDetail("engineCommandsWaiting", outbox.waiting())
                .withDetail("engineGeneration", report.engineGeneration()).build();
    }
}
