package kz.shagym.escalation;

import kz.shagym.complaint.LadderEffects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the engine what the ledger decided, once the ledger change is committed: the ledger never waits on the
 * engine, and an engine that misses a message is put right by the next resume, which rebuilds it from the ledger.
 */
@Component
class LadderEffectsListener {

    private static final Logger log = LoggerFactory.getLogger(LadderEffectsListener.class);

    private final EngineSupervisor supervisor;
    private final EngineGateway gateway;

    LadderEffectsListener(EngineSupervisor supervisor, EngineGateway gateway) {
        this.supervisor = supervisor;
        this.gateway = gateway;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void apply(LadderEffects effects) {
        try {
            if (effects.startInstance()) {
                supervisor.start(effects.complaintId());
            }
            if (effects.replan()) {
                supervisor.replan(effects.complaintId());
            } else if (!effects.messages().isEmpty()) {
                supervisor.withEngine(() -> effects.messages().forEach(m -> gateway.publish(effects.complaintId(), m)));
            }
        } catch (RuntimeException e) {
            // The ledger is already right; re-planning from it repairs the engine (now, or once the engine answers).
            log.error("engine did not take the change to complaint {} ({}); re-planning from the ledger",
                    effects.complaintId(), e.getMessage());
            supervisor.replanSoon(effects.complaintId());
        }
    }
}
