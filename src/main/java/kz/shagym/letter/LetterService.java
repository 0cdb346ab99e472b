package kz.shagym.letter;

import java.util.UUID;
import kz.shagym.clock.ShagymClock;
import kz.shagym.complaint.LadderEffects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Drafts letters exactly once per purpose (a rung's letter, the copy request for one decision, the restore-term
 * motion for one missed deadline): the idempotency key is unique in the ledger, so a job re-run after a restart, or
 * two workers racing, find the letter already there.
 */
@Service
public class LetterService {

    private static final Logger log = LoggerFactory.getLogger(LetterService.class);

    private final LetterStore store;
    private final LetterModelFactory models;
    private final LetterRenderer renderer;
    private final ShagymClock clock;

    LetterService(LetterStore store, LetterModelFactory models, LetterRenderer renderer, ShagymClock clock) {
        this.store = store;
        this.models = models;
        this.renderer = renderer;
        this.clock = clock;
    }

    public LetterStore.StoredLetter draft(UUID complaintId, LetterKind kind, UUID trackId, String idempotencyKey) {
        var existing = store.byIdempotencyKey(idempotencyKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        LetterModel model = models.model(complaintId, kind);
        byte[] docx = renderer.render(model);
        try {
            LetterStore.StoredLetter letter = store.insert(complaintId, trackId, kind.name(), model.language(), docx,
                    idempotencyKey, clock.instant());
            log.info("Drafted {} for complaint {}", kind, complaintId);
            return letter;
        } catch (DuplicateKeyException raced) {
            return store.byIdempotencyKey(idempotencyKey).orElseThrow();
        }
    }

    /** A letter quoting a recalculated deadline is stale until regenerated; a filed letter stays as filed. */
    private void markStale(LadderEffects effects) {
        effects.recalculated().stream()
                .flatMap(role -> LetterQuotes.kindsQuoting(role).stream())
                .distinct()
                .forEach(kind -> store.markStale(effects.complaintId(), kind.name()));
    }

    /** Letters the ladder asks for outside a rung's own task: copy requests, restore-term motions. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onLadderEffects(LadderEffects effects) {
        markStale(effects);
        for (LadderEffects.LetterRequest request : effects.letters()) {
            try {
                draft(effects.complaintId(), LetterKind.valueOf(request.kind()), request.trackId(), request.idempotencyKey());
            } catch (RuntimeException e) {
                log.error("could not draft {} for complaint {}: {}", request.kind(), effects.complaintId(), e.getMessage());
            }
        }
    }
}
