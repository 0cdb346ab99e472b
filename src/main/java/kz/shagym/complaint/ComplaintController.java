package kz.shagym.complaint;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import kz.shagym.security.CaseAccess;
import kz.shagym.security.CaseScope;
import kz.shagym.security.Disclosure;
import kz.shagym.security.Role;
import kz.shagym.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST contract: complaints and their events. The answers to writes (intake, events, corrections) leave the medical
 * facts out: only the case read shows them, so that every disclosure of them is one audited read.
 */
@RestController
@RequestMapping("/api/complaints")
class ComplaintController {

    private final Ladder ladder;
    private final ComplaintLedger ledger;
    private final ComplaintQueries queries;
    private final CaseAccess access;
    private final MedicalFactsService medical;
    private final CaseFileService caseFiles;
    private final Registration registration;

    ComplaintController(Ladder ladder, ComplaintLedger ledger, ComplaintQueries queries, CaseAccess access,
                        MedicalFactsService medical, Registration registration, CaseFileService caseFiles) {
        this.registration = registration;
        this.ladder = ladder;
        this.ledger = ledger;
        this.queries = queries;
        this.access = access;
        this.medical = medical;
        this.caseFiles = caseFiles;
    }

    @PostMapping
    ResponseEntity<ComplaintView> register(@Valid @RequestBody NewComplaint request, Authentication user,
                                           @RequestParam(required = false) String lang,
                                           @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage) {
        if (CaseAccess.has(user, Role.COORDINATOR) && !CaseAccess.has(user, Role.ADMIN)) {
            throw new ApiException(HttpStatus.FORBIDDEN, null, "coordinators oversee cases; a lawyer or staff member registers them");
        }
        String lawyer = assignedLawyer(request, user);
        ComplaintRecord created = registration.register(request, lawyer, user);
        return ResponseEntity.created(URI.create("/api/complaints/" + created.id()))
                .body(queries.view(created, access.seesIdentity(user, created.ref()), false, language(lang, acceptLanguage)));
    }

    /** A lawyer registers for themself; staff and admins may assign another lawyer. */
    private String assignedLawyer(NewComplaint request, Authentication user) {
        if (request.lawyer() == null || request.lawyer().equals(user.getName())) {
            return user.getName();
        }
        if (CaseAccess.has(user, Role.LAWYER) && !CaseAccess.has(user, Role.ADMIN)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "lawyer", "a lawyer registers complaints for themself only");
        }
        if (!ledgerHasUser(request.lawyer())) {
            throw ApiException.badRequest("lawyer", "no user " + request.lawyer());
        }
        return request.lawyer();
    }

    private boolean ledgerHasUser(String username) {
        return ledger.userExists(username);
    }

    /**
     * The complaints this user may see, newest first: a lawyer's own, a staff member's assigned ones, everyone's for
     * coordinators and admins ({@link CaseScope}).
     * {@code victimName} searches by exact (normalized) name through the blind index; only those who may see victims'
     * identities may search by it, since a hit alone tells that this person has complained.
     */
    @GetMapping
    List<ComplaintLedger.Summary> list(Authentication user, @RequestParam(defaultValue = "200") int limit,
                                       @RequestParam(required = false) String victimName) {
        if (limit < 1 || limit > 1000) {
            throw ApiException.badRequest("limit", "must be between 1 and 1000");
        }
        CaseScope scope = CaseScope.of(user);
        if (victimName == null) {
            return ledger.summaries(scope, limit);
        }
        if (victimName.isBlank() || victimName.length() > 500) {
            throw ApiException.badRequest("victimName", "must be 1–500 characters");
        }
        if (!CaseAccess.has(user, Role.ADMIN) && !CaseAccess.has(user, Role.LAWYER)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "victimName", "only lawyers (their own cases) and administrators search by the victim's name");
        }
        return ledger.summariesByVictimName(victimName, scope, limit);
    }

    @GetMapping("/{id}")
    ComplaintView get(@PathVariable UUID id, Authentication user, @RequestParam(required = false) String lang,
                      @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage) {
        ComplaintRecord complaint = readable(id, user);
        return queries.view(complaint, access.seesIdentity(user, complaint.ref()),
                access.seesMedicalFacts(user, complaint.ref()), language(lang, acceptLanguage));
    }

    /**
     * Replaces the medical facts as a whole (absent parts are cleared). Only those who may see them may change them;
     * the answer is the facts as stored. Medical facts are read with the case (GET above), which the audit records.
     */
    @PutMapping("/{id}/medical-facts")
    MedicalFacts replaceMedicalFacts(@PathVariable UUID id, @Valid @RequestBody MedicalFacts facts, Authentication user) {
        ComplaintRecord complaint = ledger.find(id).orElseThrow(() -> ApiException.notFound("complaint " + id));
        access.requireMedicalFactsWrite(user, complaint.ref());
        MedicalFacts stored = medical.replace(id, facts);
        Disclosure.note(Disclosure.MEDICAL_FACTS);
        return stored;
    }

    /**
     * The case file the letters draw on ({@link CaseFile#EMPTY} when none): it names the applicant and the victim, so it
     * goes only to those who may see the victim's identity; the audit entry of the read says it was disclosed.
     */
    @GetMapping("/{id}/case-file")
    CaseFile caseFile(@PathVariable UUID id, Authentication user) {
        ComplaintRecord complaint = ledger.find(id).orElseThrow(() -> ApiException.notFound("complaint " + id));
        access.requireIdentity(user, complaint.ref());
        Disclosure.note(Disclosure.CASE_FILE);
        return ledger.caseFile(id);
    }

    /**
     * Replaces the case file as a whole (absent parts are cleared); the answer is the case file as stored. Changing it
     * needs both the right to change the case and the right to see what is replaced.
     */
    @PutMapping("/{id}/case-file")
    CaseFile replaceCaseFile(@PathVariable UUID id, @RequestBody CaseFile caseFile, Authentication user) {
        ComplaintRecord complaint = ledger.find(id).orElseThrow(() -> ApiException.notFound("complaint " + id));
        access.requireWrite(user, complaint.ref());
        access.requireIdentity(user, complaint.ref());
        CaseFile stored = caseFiles.replace(id, caseFile, user.getName());
        Disclosure.note(Disclosure.CASE_FILE);
        return stored;
    }

    @PostMapping("/{id}/events")
    ResponseEntity<ComplaintView> event(@PathVariable UUID id, @Valid @RequestBody EventCommand command, Authentication user,
                                        @RequestParam(required = false) String lang,
                                        @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage) {
        ComplaintRecord complaint = ledger.find(id).orElseThrow(() -> ApiException.notFound("complaint " + id));
        access.requireWrite(user, complaint.ref());
        ladder.record(id, command, user.getName());
        ComplaintRecord updated = ledger.find(id).orElseThrow();
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(queries.view(updated, access.seesIdentity(user, updated.ref()), false, language(lang, acceptLanguage)));
    }

    @PostMapping("/{id}/events/{eventId}/correction")
    ComplaintView correct(@PathVariable UUID id, @PathVariable UUID eventId, @Valid @RequestBody DateCorrection correction,
                          Authentication user, @RequestParam(required = false) String lang,
                          @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage) {
        ComplaintRecord complaint = ledger.find(id).orElseThrow(() -> ApiException.notFound("complaint " + id));
        access.requireWrite(user, complaint.ref());
        ladder.correct(id, eventId, correction, user.getName());
        ComplaintRecord updated = ledger.find(id).orElseThrow();
        return queries.view(updated, access.seesIdentity(user, updated.ref()), false, language(lang, acceptLanguage));
    }

    private ComplaintRecord readable(UUID id, Authentication user) {
        ComplaintRecord complaint = ledger.find(id).orElseThrow(() -> ApiException.notFound("complaint " + id));
        access.requireRead(user, complaint.ref());
        return complaint;
    }

    static String language(String lang, String acceptLanguage) {
        String candidate = lang != null ? lang : firstAccepted(acceptLanguage);
        String primary = candidate.toLowerCase(Locale.ROOT).split("[-_]")[0];
        return List.of("ru", "kk", "en").contains(primary) ? primary : "ru";
    }

    /** The client's first choice; a malformed Accept-Language is no reason to refuse a read, so it means Russian. */
    private static String firstAccepted(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return "ru";
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            return ranges.isEmpty() ? "ru" : ranges.get(0).getRange();
        } catch (IllegalArgumentException malformed) {
            return "ru";
        }
    }
}
