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
    private final kz.shagym.security.AuditLog audit;

    LetterService(LetterStore store, LetterModelFactory models, LetterRenderer renderer, ShagymClock clock,
                  kz.shagym.security.AuditLog audit) {
        this.store = store;
        this.models = models;
        this.renderer = renderer;
        this.clock = clock;
        this.audit = audit;
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
            audit.record("system", "LETTER_GENERATE", "complaint " + complaintId + " letter " + letter.id(), "drafted " + kind);
            return letter;
        } catch (DuplicateKeyException raced) {
            return store.byIdempotencyKey(idempotencyKey).orElseThrow();
        }
    }

    /** Approve or reject a draft; a filed, withdrawn or already decided letter cannot be reviewed again. */
    @org.springframework.transaction.annotation.Transactional
    public LetterStore.StoredLetter review(LetterStore.StoredLetter letter, boolean approve, String note, String user) {
        if (!"DRAFT".equals(letter.status())) {
            throw kz.shagym.web.ApiException.conflict("letter is " + letter.status() + ": only a DRAFT can be reviewed");
        }
        if (approve && letter.stale()) {
            throw kz.shagym.web.ApiException.conflict("letter quotes a date that was corrected since: regenerate it before approving");
        }
        store.review(letter.id(), approve ? "APPROVED" : "REJECTED", note, user, clock.instant());
        return store.find(letter.id()).orElseThrow();
    }

    /** The lawyer's edited DOCX becomes the current version; it is checked to be a readable DOCX first. */
    @org.springframework.transaction.annotation.Transactional
    public LetterStore.StoredLetter upload(LetterStore.StoredLetter letter, byte[] docx, String note, String user) {
        requireEditable(letter);
        requireDocx(docx);
        return store.addVersion(letter, docx, "UPLOADED", note, user, clock.instant());
    }

    /** Renders the letter again from the ledger (e.g. after a date correction made it stale). */
    @org.springframework.transaction.annotation.Transactional
    public LetterStore.StoredLetter regenerate(LetterStore.StoredLetter letter, String user) {
        requireEditable(letter);
        byte[] docx = renderer.render(models.model(letter.complaintId(), LetterKind.valueOf(letter.kind())));
        return store.addVersion(letter, docx, "GENERATED", "regenerated", user, clock.instant());
    }

    private static void requireEditable(LetterStore.StoredLetter letter) {
        if ("FILED".equals(letter.status()) || "WITHDRAWN".equals(letter.status())) {
            throw kz.shagym.web.ApiException.conflict("letter is " + letter.status() + ": the filed copy is frozen");
        }
    }

    private static void requireDocx(byte[] docx) {
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx))) {
            document.getParagraphs();
        } catch (Exception e) { // POI reports a non-DOCX through many exception types
            throw kz.shagym.web.ApiException.badRequest("content", "not a readable DOCX document");
        }
    }

    /** A letter quoting a recalculated deadline is stale until regenerated; a filed letter stays as filed. */
    private void markStale(LadderEffects effects) {
        effects.recalculated().stream()
                .flatMap(role -> LetterQuotes.kindsQuoting(role).stream())
                .distinct()
                .forEach(kind -> store.markStale(effects.complaintId(), kind.name()));
    }

    /** A draft quoting the medical facts no longer says what the ledger says: it must be regenerated before approval. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onMedicalFactsChanged(kz.shagym.complaint.MedicalFactsService.Changed changed) {
        for (LetterKind kind : LetterKind.values()) {
            if (LetterQuotes.quotesMedicalFacts(kind)) {
                store.markStale(changed.complaintId(), kind.name());
            }
        }
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
