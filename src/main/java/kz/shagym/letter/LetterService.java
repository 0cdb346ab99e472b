package kz.shagym.letter;

import java.util.List;
import java.util.UUID;
import kz.shagym.clock.ShagymClock;
import kz.shagym.complaint.LadderEffects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drafts letters exactly once per purpose (a rung's letter, the copy request for one decision, the restore-term
 * motion for one missed deadline): the idempotency key is unique in the ledger, so a job re-run after a restart, or
 * two workers racing, find the letter already there. Letters the ledger asks for itself are first recorded as requests
 * in the ledger's transaction (table letter_request), so that none is lost to a crash between commit and drafting.
 */
@Service
public class LetterService {

    private static final Logger log = LoggerFactory.getLogger(LetterService.class);

    /** Requests per sweep round; a sweep takes at most {@value #SWEEP_ROUNDS} rounds, so failing requests cannot hold it. */
    private static final int SWEEP_BATCH = 200;
    private static final int SWEEP_ROUNDS = 10;

    private final LetterStore store;
    private final LetterRequests requests;
    private final LetterModelFactory models;
    private final LetterRenderer renderer;
    private final ShagymClock clock;
    private final kz.shagym.security.AuditLog audit;
    private final TransactionTemplate ownTransaction;
    private final LetterParticularsStore particulars;

    LetterService(LetterStore store, LetterRequests requests, LetterModelFactory models, LetterRenderer renderer,
                  ShagymClock clock, kz.shagym.security.AuditLog audit, PlatformTransactionManager transactions,
                  LetterParticularsStore particulars) {
        this.particulars = particulars;
        this.store = store;
        this.requests = requests;
        this.models = models;
        this.renderer = renderer;
        this.clock = clock;
        this.audit = audit;
        // Drafting runs from job workers and after the ledger's commit: always in a transaction of its own.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public LetterStore.StoredLetter draft(UUID complaintId, LetterKind kind, UUID trackId, String idempotencyKey) {
        var existing = store.byIdempotencyKey(idempotencyKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        LetterModel model = models.model(complaintId, kind);
        byte[] docx = renderer.render(model);
        LetterStore.StoredLetter letter;
        try {
            // The letter and its first version commit together: a crash leaves both or neither, never a letter without a file.
            letter = ownTransaction.execute(status -> store.insert(complaintId, trackId, kind.name(), model.language(), docx,
                    idempotencyKey, clock.instant()));
        } catch (DuplicateKeyException raced) {
            return store.byIdempotencyKey(idempotencyKey).orElseThrow();
        }
        log.info("Drafted {} for complaint {}", kind, complaintId);
        audit.record("system", "LETTER_GENERATE", "complaint " + complaintId + " letter " + letter.id(), "drafted " + kind);
        return letter;
    }

    /** Approve or reject a draft; a filed, withdrawn or already decided letter cannot be reviewed again. */
    @org.springframework.transaction.annotation.Transactional
    public LetterStore.StoredLetter review(LetterStore.StoredLetter letter, boolean approve, String note, String user) {
        if (!"DRAFT".equals(letter.status())) {
            throw new LetterRefused(LetterRefused.Reason.NOT_A_DRAFT, letter.status());
        }
        if (approve && letter.stale()) {
            throw new LetterRefused(LetterRefused.Reason.STALE, letter.status());
        }
        LetterStore.StoredLetter reviewed = approve ? dated(letter, user) : letter;
        store.review(reviewed, (approve ? ReviewDecision.APPROVED : ReviewDecision.REJECTED).name(), note, user, clock.instant());
        return store.find(letter.id()).orElseThrow();
    }

    /**
     * A letter is dated the day it is approved, not the day it was drafted: a generated draft gets that date in a new
     * version (the approval applies to it). A lawyer's uploaded DOCX is theirs as it is: it keeps whatever date it has.
     */
    private LetterStore.StoredLetter dated(LetterStore.StoredLetter letter, String user) {
        List<LetterStore.Version> versions = store.versions(letter.id());
        if (!versions.isEmpty() && VersionSource.of(versions.get(versions.size() - 1)) == VersionSource.UPLOADED) {
            return letter;
        }
        java.time.LocalDate today = clock.instant().atZone(kz.shagym.deadline.DeadlineCalculator.ZONE).toLocalDate();
        byte[] docx = renderer.render(models.model(letter.complaintId(), LetterKind.valueOf(letter.kind()), letter.id(), today, letter.language()));
        return store.addVersion(letter, docx, "GENERATED", "dated on approval", user, clock.instant());
    }

    /** The heading the letter has now (corrected for it, or the registry's): what the page offers to correct. */
    public List<String> addresseeLines(LetterStore.StoredLetter letter) {
        return models.addressee(letter.complaintId(), LetterKind.valueOf(letter.kind()), letter.id(), letter.language())
                .map(Addressee::lines).orElse(List.of());
    }

    /** What is stored for the letter beyond the case: its addressee as corrected and the lawyer's particulars. */
    public LetterParticularsStore.Stored particulars(LetterStore.StoredLetter letter) {
        return particulars.find(letter.id());
    }

    /**
     * The lawyer corrects the addressee or states the particulars of one letter: stored, and the letter drafted again
     * with them as its next version. Audited without the statements themselves (they may carry personal facts).
     */
    @org.springframework.transaction.annotation.Transactional
    public LetterStore.StoredLetter changeParticulars(LetterStore.StoredLetter letter, LetterParticularsStore.Stored stored,
                                                      String user) {
        requireEditable(letter);
        particulars.replace(letter.id(), stored, user, clock.instant());
        audit.record(user, "LETTER_PARTICULARS", "complaint " + letter.complaintId() + " letter " + letter.id(),
                stored.addresseeLines().isEmpty() ? "addressee from the registry" : "addressee corrected");
        byte[] docx = renderer.render(models.model(letter.complaintId(), LetterKind.valueOf(letter.kind()), letter.id(), null, letter.language()));
        return store.addVersion(letter, docx, "GENERATED", "addressee and particulars changed", user, clock.instant());
    }

    /**
     * The lawyer chooses the language a letter is written in, among those its kind is written in (a UN communication:
     * Russian or English, never Kazakh): the letter is drafted again in it as its next version.
     *
     * @throws LetterLanguageRefused for a language the kind is not written in
     */
    @org.springframework.transaction.annotation.Transactional
    public LetterStore.StoredLetter changeLanguage(LetterStore.StoredLetter letter, String language, String user) {
        LetterKind kind = LetterKind.valueOf(letter.kind());
        if (language == null || !kind.languages().contains(language)) {
            throw new LetterLanguageRefused(kind, language);
        }
        requireEditable(letter);
        if (language.equals(letter.language())) {
            return letter;
        }
        store.changeLanguage(letter.id(), language);
        LetterStore.StoredLetter relabelled = store.find(letter.id()).orElseThrow();
        audit.record(user, "LETTER_LANGUAGE", "complaint " + letter.complaintId() + " letter " + letter.id(),
                letter.language() + " -> " + language);
        byte[] docx = renderer.render(models.model(letter.complaintId(), kind, letter.id(), null, language));
        return store.addVersion(relabelled, docx, "GENERATED", "drafted in " + language, user, clock.instant());
    }

    /** The lawyer's edited DOCX becomes the current version; it is checked to be a readable DOCX first. */
    @org.springframework.transaction.annotation.Transactional
    public LetterStore.StoredLetter upload(LetterStore.StoredLetter letter, byte[] docx, String note, String user) {
        requireEditable(letter);
        requireDocx(letter, docx);
        return store.addVersion(letter, docx, "UPLOADED", note, user, clock.instant());
    }

    /** Renders the letter again from the ledger (e.g. after a date correction made it stale). */
    @org.springframework.transaction.annotation.Transactional
    public LetterStore.StoredLetter regenerate(LetterStore.StoredLetter letter, String user) {
        requireEditable(letter);
        byte[] docx = renderer.render(models.model(letter.complaintId(), LetterKind.valueOf(letter.kind()), letter.id(), null, letter.language()));
        return store.addVersion(letter, docx, "GENERATED", "regenerated", user, clock.instant());
    }

    private static void requireEditable(LetterStore.StoredLetter letter) {
        if ("FILED".equals(letter.status()) || "WITHDRAWN".equals(letter.status())) {
            throw new LetterRefused(LetterRefused.Reason.FROZEN, letter.status());
        }
    }

    private static void requireDocx(LetterStore.StoredLetter letter, byte[] docx) {
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx))) {
            document.getParagraphs();
        } catch (Exception e) { // POI reports a non-DOCX through many exception types
            throw new LetterRefused(LetterRefused.Reason.NOT_DOCX, letter.status());
        }
    }

    /**
     * In the ledger change's own transaction: letters quoting a recalculated deadline become stale, and the letters the
     * change calls for are recorded as requests. Both commit with the change or not at all, so a crash right after the
     * commit can lose neither.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    @Order(0)
    void recordWithLedgerChange(LadderEffects effects) {
        markStale(effects);
        for (LadderEffects.LetterRequest request : effects.letters()) {
            requests.insertIfAbsent(request.idempotencyKey(), effects.complaintId(), request.kind(), request.trackId(),
                    clock.instant());
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

    /** Every kind may quote the case file (applicant, counsel, facts, the authorities' numbers): all drafts go stale. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onCaseFileChanged(kz.shagym.complaint.CaseFileService.Changed changed) {
        for (LetterKind kind : LetterKind.values()) {
            store.markStale(changed.complaintId(), kind.name());
        }
    }

    /** Letters the ladder asks for outside a rung's own task (copy requests, restore-term motions), drafted once committed. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Order(1)
    void onLadderEffects(LadderEffects effects) {
        for (LadderEffects.LetterRequest request : effects.letters()) {
            draftRequested(new LetterRequests.Request(request.idempotencyKey(), effects.complaintId(), request.kind(),
                    request.trackId(), 0));
        }
    }

    /**
     * The safety net: drafts every request still waiting — one whose drafting failed, or was cut short by a crash
     * after the ledger's commit. Runs soon after start and then every {@code shagym.letters.sweep-interval}.
     */
    @Scheduled(fixedDelayString = "${shagym.letters.sweep-interval:PT1M}",
            initialDelayString = "${shagym.letters.sweep-initial-delay:PT10S}")
    void draftPendingRequests() {
        for (int round = 0; round < SWEEP_ROUNDS; round++) {
            List<LetterRequests.Request> pending = requests.pending(SWEEP_BATCH);
            pending.forEach(this::draftRequested);
            if (pending.size() < SWEEP_BATCH) {
                return;
            }
        }
    }

    private void draftRequested(LetterRequests.Request request) {
        try {
            draft(request.complaintId(), LetterKind.valueOf(request.kind()), request.trackId(), request.idempotencyKey());
            ownTransaction.executeWithoutResult(status -> requests.markDrafted(request.idempotencyKey(), clock.instant()));
        } catch (RuntimeException e) {
            log.error("could not draft {} for complaint {} (attempt {}), the sweep retries it: {}", request.kind(),
                    request.complaintId(), request.attempts() + 1, e.getMessage());
            ownTransaction.executeWithoutResult(status -> requests.markFailed(request.idempotencyKey(), e.getMessage()));
        }
    }
}
