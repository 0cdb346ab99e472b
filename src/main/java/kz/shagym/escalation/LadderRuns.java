package kz.shagym.escalation;

import io.camunda.client.api.response.ActivatedJob;
import java.util.Optional;
import java.util.UUID;
import kz.shagym.complaint.ComplaintLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells a job of a complaint's current ladder instance from a job of an instance that is not current: one a re-plan
 * replaced while its job was in flight, or one a persistent engine (a Camunda 8 cluster) still runs because the
 * application crashed after asking for it and before it stored its key. Such a job is completed without effect, so a
 * deadline's timer counts once, whichever instances hold it, and its instance is told to end ("Run superseded").
 */
@Component
class LadderRuns {

    private static final Logger log = LoggerFactory.getLogger(LadderRuns.class);

    private final ComplaintLedger ledger;
    private final EngineGateway gateway;

    LadderRuns(ComplaintLedger ledger, EngineGateway gateway) {
        this.ledger = ledger;
        this.gateway = gateway;
    }

    static UUID complaintId(ActivatedJob job) {
        return UUID.fromString((String) job.getVariablesAsMap().get("complaintId"));
    }

    /** Whether the job comes from the complaint's current instance; an instance without a run predates runs and counts. */
    boolean current(ActivatedJob job) {
        Object run = job.getVariablesAsMap().get(Processes.LADDER_RUN);
        if (run == null) {
            return true;
        }
        UUID complaintId = complaintId(job);
        Optional<UUID> current = ledger.currentLadderRun(complaintId);
        if (current.isEmpty() || current.get().toString().equals(run)) {
            return true;
        }
        log.info("job {} ({}) of complaint {} comes from ladder run {}, not the current {}: completed without effect, "
                + "and its instance ended", job.getKey(), job.getElementId(), complaintId, run, current.get());
        gateway.supersede(UUID.fromString(run.toString()));
        return false;
    }
}
