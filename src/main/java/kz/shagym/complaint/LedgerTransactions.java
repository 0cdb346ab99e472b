package kz.shagym.complaint;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one change of the ledger in its own transaction and hands its {@link LadderEffects} to the listeners (engine,
 * reminders, letters) only once that transaction has ended and given its connection back.
 *
 * <p>Why not Spring's after-commit listeners alone: during "after commit" the committed transaction still holds its
 * connection, and the listeners open transactions of their own (reminder planning, letter drafting, the audit
 * chain). Under load every pooled connection ended up held by a thread waiting for a second one, and the application
 * stopped (seen at 16 concurrent climbs with a pool of 10). Called inside a caller's transaction, the effects follow
 * that transaction's commit as before.
 */
@Component
class LedgerTransactions {

    private static final ThreadLocal<List<LadderEffects>> PENDING = new ThreadLocal<>();

    private final TransactionTemplate writes;
    private final TransactionTemplate reads;
    private final ApplicationEventPublisher publisher;

    LedgerTransactions(PlatformTransactionManager transactions, ApplicationEventPublisher publisher) {
        this.writes = new TransactionTemplate(transactions);
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
        this.publisher = publisher;
    }

    <T> T write(Supplier<T> change) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return change.get();
        }
        List<LadderEffects> pending = new ArrayList<>();
        PENDING.set(pending);
        T result;
        try {
            result = writes.execute(status -> change.get());
        } finally {
            PENDING.remove();
        }
        pending.forEach(publisher::publishEvent);
        return result;
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

    /** Inside {@link #write}: kept until the transaction has ended; otherwise follows the caller's commit. */
    void publish(LadderEffects effects) {
        List<LadderEffects> pending = PENDING.get();
        if (pending != null) {
            pending.add(effects);
        } else {
            publisher.publishEvent(effects);
        }
    }
}
