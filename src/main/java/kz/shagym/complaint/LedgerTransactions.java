package kz.shagym.complaint;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one change of the ledger in a transaction and publishes its {@link LadderEffects} inside it.
 *
 * <p>Inside, not after: the letters the change asks for are recorded in the same transaction (a before-commit
 * listener writes table letter_request), so a crash between commit and drafting loses none. The after-commit
 * listeners (engine, reminders, letter drafting) then run while the committed connection is still bound and open a
 * second one; the connection pool is sized for two per writing thread (application.properties). Publishing after the
 * transaction instead was tried, and lost restore-term motions to a kill -9 (CrashRestartAtScaleTest).
 *
 * <p>Every change locks its complaint's row first, so two changes of one complaint queue instead of deadlocking. The
 * database may still pick a victim (a reader's lock, another table's order): a change that opened the transaction is
 * then run again from the start — it rolled back whole, and it reads everything afresh — rather than failing a
 * lawyer's request with a 500.
 */
@Component
class LedgerTransactions {

    private static final Logger log = LoggerFactory.getLogger(LedgerTransactions.class);
    /** Enough for a lock conflict between a handful of writers of one complaint; beyond that something is wrong. */
    static final int ATTEMPTS = 4;

    private final TransactionTemplate writes;
    private final TransactionTemplate reads;
    private final ApplicationEventPublisher publisher;

    LedgerTransactions(PlatformTransactionManager transactions, ApplicationEventPublisher publisher) {
        this.writes = new TransactionTemplate(transactions);
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
        this.publisher = publisher;
    }

    /** Joins the caller's transaction if there is one, as {@code @Transactional} would. */
    <T> T write(Supplier<T> change) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return writes.execute(status -> change.get()); // the caller's transaction: only its owner may retry
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return writes.execute(status -> change.get());
            } catch (PessimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.info("ledger change chosen as a lock victim (attempt {} of {}), running it again: {}", attempt, ATTEMPTS,
                        e.getMostSpecificCause().getMessage().lines().findFirst().orElse(""));
                backOff(attempt);
            }
        }
    }

    /** A short random pause, so that the two sides of a conflict do not meet again at once. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25L * attempt));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a ledger change", interrupted);
        }
    }

    void write(Runnable change) {
        write(() -> {
            change.run();
            return null;
        });
    }

    <T> T read(Supplier<T> query) {
        return reads.execute(status -> query.get());
    }

    /** For the events of a change that are not ladder effects (e.g. {@link CaseFileService.Changed}). */
    ApplicationEventPublisher publisher() {
        return publisher;
    }

    /** Inside the change's transaction: the registry stores the engine commands with the change (see {@link EngineCommand}). */
    void publish(LadderEffects.Builder effects) {
        publisher.publishEvent(effects.build());
        effects.engineCommands().forEach(publisher::publishEvent);
    }
}
