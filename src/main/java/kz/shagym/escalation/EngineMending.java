package kz.shagym.escalation;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Mends on its own what the embedded engine lost: every {@code shagym.engine.mend-interval} the engine is compared with
 * the ledger ({@link EngineConsistency}), and a complaint found differing in two checks in a row is re-planned from the
 * ledger, as an administrator would. One sighting is not enough: a change in flight (a message published, the rung's
 * wait not open yet) differs for a moment and then agrees by itself.
 *
 * <p>Why: a rung waits for the lawyer's step with a message that the engine buffers until the wait opens, for
 * {@code shagym.engine.message-ttl}; a wait that opens later than that (an engine stalled for minutes, or a clock moved
 * by days in a demo or a soak) never sees the message, and the complaint would stand at the old rung, its next
 * deadline without a timer, until the engine is next replaced. The ledger had it right all along.
 */
@Component
@Conditional(EngineConfiguration.EmbeddedMode.class)
class EngineMending {

    private static final Logger log = LoggerFactory.getLogger(EngineMending.class);

    private final EngineConsistency consistency;
    private final EngineSupervisor supervisor;
    private final AtomicLong mended = new AtomicLong();
    /** Complaints the last check found differing, and the engine generation it looked at. */
    private Set<UUID> seenDiffering = Set.of();
    private int seenInGeneration;

    EngineMending(EngineConsistency consistency, EngineSupervisor supervisor) {
        this.consistency = consistency;
        this.supervisor = supervisor;
    }

    /** Complaints re-planned by this sweep since the start. */
    long mendedTotal() {
        return mended.get();
    }

    @Scheduled(fixedDelayString = "${shagym.engine.mend-interval:PT10M}", initialDelayString = "${shagym.engine.mend-interval:PT10M}")
    synchronized void mend() {
        if (supervisor.lastResume() == null) {
            return; // a resume is under way (start or replacement): every complaint is being planned again anyway
        }
        EngineConsistency.Outcome outcome = consistency.checkAll();
        int generation = outcome.report().engineGeneration();
        Set<UUID> differing = outcome.drifted();
        Set<UUID> twice = new HashSet<>(differing);
        twice.retainAll(generation == seenInGeneration ? seenDiffering : Set.of());
        for (UUID complaintId : twice) {
            log.warn("complaint {} differed between engine and ledger in two checks in a row: re-planned from the ledger", complaintId);
            try {
                supervisor.replanNow(complaintId);
            } catch (EngineNotReached e) {
                log.warn("re-planning complaint {} failed ({}); the next check tries again", complaintId, e.getMessage());
            }
            mended.incrementAndGet();
        }
        differing.removeAll(twice);
        seenDiffering = differing;
        seenInGeneration = generation;
    }
}
