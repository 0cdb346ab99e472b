package kz.shagym.escalation;

import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.grpc.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import kz.shagym.complaint.ComplaintLedger;
import kz.shagym.complaint.ComplaintRecord;
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
 * Health is UP only after that resume.
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
    /** Records the engine held right after the last resume: the floor the record limit must stay clear of. */
    private volatile long recordsAfterResume;
    /** Complaints whose change the engine did not take, kept for {@link #repairPending()} (in memory: a restart resumes all). */
    private final Set<UUID> pendingReplans = ConcurrentHashMap.newKeySet();
    private final Duration repairInterval;
    /**
     * Whether the engine keeps its instances when the application restarts (a Camunda 8 cluster; not the embedded engine,
     * which starts empty). Then a start resumes only the open complaints the engine never heard of: starting the others
     * again would run every open complaint twice.
     */
    private final boolean engineKeepsInstances;

    public record ResumeReport(int complaints, int failed, Duration took, Instant at, int engineGeneration) {}

    EngineSupervisor(EngineGateway gateway, ComplaintLedger ledger, ObjectProvider<EmbeddedEngine> embedded,
                     @Value("${shagym.engine.max-records:600000}") long maxRecords,
                     @Value("${shagym.engine.max-heap-fraction:0.7}") double maxHeapFraction,
                     @Value("${shagym.engine.repair-interval:PT15S}") Duration repairInterval,
                     @Value("${shagym.engine.persistent:#{null}}") Boolean persistent) {
        this.engineKeepsInstances = persistent != null ? persistent : embedded.getIfAvailable() == null;
        this.gateway = gateway;
        this.ledger = ledger;
        this.embedded = embedded;
        this.maxRecords = maxRecords;
        this.maxHeapFraction = maxHeapFraction;
        this.repairInterval = repairInterval;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void resumeOnStart() {
        resumeOnStart(engineKeepsInstances);
    }

    /** @param engineKeptItsInstances the engine outlived the application (a cluster) and still runs the stored instances */
    void resumeOnStart(boolean engineKeptItsInstances) {
        withEngineExclusive(() -> deployAndResume(engineKeptItsInstances));
    }

    /** Throws the embedded engine away and rebuilds it from the ledger. */
    public ResumeReport replaceEngine(String reason) {
        EmbeddedEngine engine = embedded.getIfAvailable();
        if (engine == null) {
            throw new IllegalStateException("no embedded engine to replace (production mode)");
        }
        withEngineExclusive(() -> {
            log.warn("Replacing the embedded engine: {}", reason);
            lastResume.set(null);
            pendingReplans.clear();
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
        if (embedded.getIfAvailable() != null && resumeAttempted && lastResume.get() == null) {
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
            failed += resumeWindow(open.subList(from, Math.min(open.size(), from + RESUME_WINDOW)));
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
    private int resumeWindow(List<UUID> window) {
        Map<UUID, CamundaFuture<ProcessInstanceEvent>> starting = new LinkedHashMap<>();
        int failed = 0;
        for (UUID id : window) {
            try {
                List<Track> tracks = ledger.openTracks(id);
                if (!tracks.isEmpty()) {
                    starting.put(id, gateway.startLadderAsync(id, Processes.resumeElements(tracks)));
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

    /** Starts a fresh instance of the complaint's ladder before the elements of its open rungs. */
    private void resume(UUID complaintId) {
        List<Track> tracks = ledger.openTracks(complaintId);
        if (tracks.isEmpty()) {
            return;
        }
        long key = gateway.startLadder(complaintId, Processes.resumeElements(tracks));
        ledger.updateProcessInstanceKey(complaintId, key);
    }

    /** A new complaint: its ladder starts at the start event. */
    public void start(UUID complaintId) {
        withEngine(() -> ledger.updateProcessInstanceKey(complaintId, gateway.startLadder(complaintId, List.of())));
    }

    /** Dates changed under a running instance (Zeebe cannot re-date a timer): cancel it and resume from the ledger. */
    public void replan(UUID complaintId) {
        withEngine(() -> {
            ComplaintRecord complaint = ledger.find(complaintId).orElseThrow();
            if (complaint.processInstanceKey() != null) {
                gateway.cancel(complaint.processInstanceKey());
            }
            if (complaint.open()) {
                resume(complaintId);
            }
        });
    }

    /**
     * Re-plans now; if the engine does not answer either (overloaded, or being replaced), the complaint waits for the
     * repair schedule. Until then the ledger is right and the engine behind: nothing is lost, a timer may fire late.
     */
    public void replanSoon(UUID complaintId) {
        try {
            replan(complaintId);
            pendingReplans.remove(complaintId);
        } catch (RuntimeException e) {
            pendingReplans.add(complaintId);
            log.warn("re-planning complaint {} failed ({}); retried every {}", complaintId, e.getMessage(), repairInterval);
        }
    }

    /** Retries the re-plans the engine did not take. A replacement clears them: its resume re-plans every complaint. */
    @Scheduled(fixedDelayString = "${shagym.engine.repair-interval:PT15S}", initialDelayString = "${shagym.engine.repair-interval:PT15S}")
    void repairPending() {
        for (UUID complaintId : List.copyOf(pendingReplans)) {
            try {
                replan(complaintId);
                pendingReplans.remove(complaintId);
                log.info("re-planned complaint {} after the engine had not taken it", complaintId);
            } catch (RuntimeException e) {
                log.warn("re-planning complaint {} failed again ({}); retried in {}", complaintId, e.getMessage(), repairInterval);
                return; // the engine still does not answer: the others wait for the next round
            }
        }
    }

    void withEngine(Runnable action) {
        engineLock.readLock().lock();
        try {
            action.run();
        } finally {
            engineLock.readLock().unlock();
        }
    }

    private void withEngineExclusive(Runnable action) {
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

    /** Complaints whose change the engine has not taken yet (shown in health). */
    public int pendingReplans() {
        return pendingReplans.size();
    }

    public long resumedTotal() {
        return resumedTotal.get();
    }

    @Override
    public Health health() {
        ResumeReport report = lastResume.get();
        if (report == null) {
            return Health.down().withDetail("engine", "open complaints not yet resumed").build();
        }
        return Health.up().withDetail("resumedComplaints", report.complaints())
                .withDetail("pendingReplans", pendingReplans.size())
                .withDetail("engineGeneration", report.engineGeneration()).build();
    }
}
