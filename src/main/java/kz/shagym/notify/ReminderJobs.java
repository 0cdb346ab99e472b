package kz.shagym.notify;

import java.util.UUID;
import kz.shagym.complaint.LadderEffects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When planning runs: after every committed ledger change of a complaint, and periodically over all of them (the safety
 * net for a change whose event was lost, a restart, a day that rolled over, a coordinator added).
 */
@Component
class ReminderJobs {

    private static final Logger log = LoggerFactory.getLogger(ReminderJobs.class);

    private final ReminderPlanner planner;
    private final NotifyQueries queries;

    ReminderJobs(ReminderPlanner planner, NotifyQueries queries) {
        this.planner = planner;
        this.queries = queries;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void ledgerChanged(LadderEffects effects) {
        reconcileQuietly(effects.complaintId());
    }

    @Scheduled(fixedDelayString = "${shagym.notify.reconcile-interval:PT10M}",
            initialDelayString = "${shagym.notify.reconcile-interval:PT10M}")
    void scheduledReconciliation() {
        reconcileAll();
    }

    /** Re-plans every open complaint (and any with unsent rows) and the digests. */
    void reconcileAll() {
        for (UUID id : queries.complaintsToReconcile()) {
            reconcileQuietly(id);
        }
        try {
            planner.planDigests();
        } catch (RuntimeException e) {
            log.error("digest planning failed; the next reconciliation retries it", e);
        }
    }

    /** A planning failure must never undo or block the ledger change; the periodic reconciliation repairs it. */
    private void reconcileQuietly(UUID complaintId) {
        try {
            planner.reconcile(complaintId);
        } catch (RuntimeException e) {
            log.error("reminder planning for complaint {} failed; the next reconciliation retries it", complaintId, e);
        }
    }
}
