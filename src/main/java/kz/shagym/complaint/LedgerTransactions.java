package kz.shagym.complaint;

import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one change of the ledger in a transaction and publishes its {@link LadderEffects} inside it.
 *
 * <p>Inside, not after: the letters the change asks for are recorded in the same transaction (a before-commit
 * listener writes table letter_request), so a crash between commit and drafting loses none. The after-commit
 * listeners (engine, reminders, letter drafting) then run while the committed connection is still bound and open a
 * second one; the connection pool is sized for two per writing thread (application.properties). Publishing after the
 * transaction instead was tried, and lost restore-term motions to a kill -9 (CrashRestartAtScaleTest).
 */
@Component
class LedgerTransactions {

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
        return writes.execute(status -> change.get());
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

    void publish(LadderEffects effects) {
        publisher.publishEvent(effects);
    }
}
