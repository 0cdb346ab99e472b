package kz.shagym.escalation;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.shagym.complaint.ComplaintLedger;
import kz.shagym.web.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For administrators (and the crash and soak tests): how large the embedded engine has grown, how often it was
 * replaced, and whether it is in step with the ledger. Embedded mode only: a cluster has its own tools (Operate).
 */
@RestController
@RequestMapping("/api/admin/engine")
@PreAuthorize("hasRole('ADMIN')")
class EngineDiagnosticsController {

    private final ObjectProvider<EmbeddedEngine> embedded;
    private final ObjectProvider<EngineConsistency> consistency;
    private final ObjectProvider<EngineMending> mending;
    private final EngineSupervisor supervisor;
    private final ComplaintLedger ledger;

    EngineDiagnosticsController(ObjectProvider<EmbeddedEngine> embedded, ObjectProvider<EngineConsistency> consistency,
                                ObjectProvider<EngineMending> mending, EngineSupervisor supervisor, ComplaintLedger ledger) {
        this.embedded = embedded;
        this.consistency = consistency;
        this.mending = mending;
        this.supervisor = supervisor;
        this.ledger = ledger;
    }

    /**
     * Size and history of the embedded engine. {@code gc=true} collects garbage first, so that the heap figure is what
     * the application really keeps (a full collection: seconds on a large heap, so on request only).
     */
    @GetMapping
    Map<String, Object> status(@RequestParam(defaultValue = "false") boolean gc) {
        EmbeddedEngine engine = requireEmbedded();
        if (gc) {
            System.gc();
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("engineGeneration", engine.generation());
        status.put("replacements", engine.generation() - 1);
        status.put("records", engine.recordCount());
        status.put("logBytes", engine.logBytes());
        status.put("heapUsedBytes", heap.getUsed());
        status.put("heapMaxBytes", heap.getMax());
        status.put("heapAfterGcFraction", EmbeddedEngine.heapAfterGcFraction());
        status.put("openComplaints", ledger.countOpen());
        status.put("resumedComplaintsTotal", supervisor.resumedTotal());
        status.put("lastResume", supervisor.lastResume());
        status.put("catchingUp", supervisor.catchingUp());
        EngineMending sweep = mending.getIfAvailable();
        status.put("mendedComplaints", sweep == null ? 0 : sweep.mendedTotal());
        return status;
    }

    /**
     * Every open complaint (or just {@code complaintId}) compared between ledger and engine (see
     * {@link EngineConsistency}); linear in the engine's records. A differing complaint is put right by re-planning it
     * from the ledger, or all of them by replacing the engine.
     */
    @GetMapping("/consistency")
    EngineConsistency.Report consistency(@RequestParam(required = false) UUID complaintId) {
        requireEmbedded();
        return complaintId == null ? consistency.getObject().check() : consistency.getObject().check(List.of(complaintId));
    }

    private EmbeddedEngine requireEmbedded() {
        EmbeddedEngine engine = embedded.getIfAvailable();
        if (engine == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, null,
                    "no embedded engine: the application runs against a Camunda cluster, whose Operate shows its state");
        }
        return engine;
    }
}
