package kz.shagym.escalation;

import java.time.Duration;
import kz.shagym.complaint.EngineCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's outbox. Every {@link EngineCommand} a ledger change publishes is stored by Spring Modulith's event
 * publication registry in the change's own transaction (table event_publication) and delivered here once the change
 * is committed. A delivery the engine does not take leaves the row, and it is delivered again: every
 * {@code shagym.engine.redelivery-interval}, and at once after the engine was (re)built from the ledger. So nothing the
 * engine must hear lives only in memory: a crash after the commit, an engine that is down or being rebuilt, only delay
 * it. Deliveries are at least once; every command is harmless twice (see {@link EngineCommand}).
 */
@Component
class EngineOutbox {

    private static final Logger log = LoggerFactory.getLogger(EngineOutbox.class);

    private final EngineSupervisor supervisor;
    private final IncompleteEventPublications incomplete;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    /** A first delivery still under way is not redelivered beside it: only commands at least this old are. */
    private final Duration redeliverAfter;

    EngineOutbox(@Lazy EngineSupervisor supervisor, IncompleteEventPublications incomplete, JdbcClient jdbc,
                 PlatformTransactionManager transactions,
                 @Value("${shagym.engine.redelivery-interval:PT15S}") Duration redeliverAfter) {
        this.supervisor = supervisor;
        this.incomplete = incomplete;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        // Deliveries run after the ledger's commit, on its connection still bound to the thread: a write there would be
        // committed only when the connection is released, after the engine already ran jobs that must see it.
        this.transaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.redeliverAfter = redeliverAfter;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void deliver(EngineCommand command) {
        supervisor.deliver(command);
    }

    @Scheduled(fixedDelayString = "${shagym.engine.redelivery-interval:PT15S}",
            initialDelayString = "${shagym.engine.redelivery-interval:PT15S}")
    void redeliverWaiting() {
        redeliver(redeliverAfter);
    }

    /** Everything still waiting, now: after a start or a rebuild, when no first delivery can be under way. */
    void redeliverAll() {
        redeliver(Duration.ZERO);
    }

    private void redeliver(Duration olderThan) {
        long waiting = waiting();
        if (waiting == 0) {
            return;
        }
        log.info("delivering {} engine commands again", waiting);
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
        } catch (EngineNotReached e) {
            log.info("the engine still does not take commands ({}); {} wait for the next attempt in {}", e.getMessage(),
                    waiting(), redeliverAfter);
        }
    }

    /** Commands the engine has not taken yet (delivered ones are deleted: spring.modulith.events.completion-mode=delete). */
    long waiting() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single();
    }

    /** Runs ledger writes of a delivery in a transaction of their own, committed when this returns. */
    void inOneTransaction(Runnable work) {
        transaction.executeWithoutResult(status -> work.run());
    }
}
