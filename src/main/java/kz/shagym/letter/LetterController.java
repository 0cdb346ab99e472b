package kz.shagym.letter;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.shagym.complaint.ComplaintLedger;
import kz.shagym.complaint.ComplaintRecord;
import kz.shagym.security.CaseAccess;
import kz.shagym.web.ApiException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST contract: download a generated letter as DOCX. */
@RestController
@RequestMapping("/api/complaints/{id}/letters")
class LetterController {

    static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final LetterStore store;
    private final LetterService letters;
    private final PdfConverter pdfs;
    private final ComplaintLedger ledger;
    private final CaseAccess access;

    LetterController(LetterStore store, LetterService letters, PdfConverter pdfs, ComplaintLedger ledger, CaseAccess access) {
        this.store = store;
        this.letters = letters;
        this.pdfs = pdfs;
        this.ledger = ledger;
        this.access = access;
    }

    @GetMapping
    List<LetterStore.StoredLetter> list(@PathVariable UUID id, Authentication user) {
        readable(id, user);
        return store.ofComplaint(id);
    }

    @GetMapping("/{letterId}")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID letterId, Authentication user) {
        ComplaintRecord complaint = identifying(id, user);
        LetterStore.StoredLetter letter = letter(id, letterId);
        return docx(complaint, letter, letter.version(), letter.sha256(), store.content(letter));
    }

    record Review(@jakarta.validation.constraints.NotNull(message = "is required: APPROVE or REJECT") Decision decision,
                  @jakarta.validation.constraints.Size(max = 2000, message = "at most 2000 characters") String note) {
        enum Decision { APPROVE, REJECT }
    }

    @org.springframework.web.bind.annotation.PostMapping("/{letterId}/review")
    LetterStore.StoredLetter review(@PathVariable UUID id, @PathVariable UUID letterId,
                                    @jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody Review review,
                                    Authentication user) {
        LetterStore.StoredLetter letter = writable(id, letterId, user);
        return letters.review(letter, review.decision() == Review.Decision.APPROVE, review.note(), user.getName());
    }

    @org.springframework.web.bind.annotation.PutMapping(value = "/{letterId}/content",
            consumes = {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/octet-stream"})
    LetterStore.StoredLetter upload(@PathVariable UUID id, @PathVariable UUID letterId,
                                    @org.springframework.web.bind.annotation.RequestBody byte[] docx,
                                    @org.springframework.web.bind.annotation.RequestParam(required = false) String note,
                                    Authentication user) {
        LetterStore.StoredLetter letter = writable(id, letterId, user);
        if (note != null && note.length() > 2000) {
            throw ApiException.badRequest("note", "at most 2000 characters");
        }
        return letters.upload(letter, docx, note, user.getName());
    }

    @org.springframework.web.bind.annotation.PostMapping("/{letterId}/regenerate")
    LetterStore.StoredLetter regenerate(@PathVariable UUID id, @PathVariable UUID letterId, Authentication user) {
        return letters.regenerate(writable(id, letterId, user), user.getName());
    }

    /** The language to write the letter in: one of those its kind is written in (a UN communication: ru or en). */
    record Language(String language) {
    }

    /** Drafts the letter again in that language (its next version); Kazakh for a UN communication is refused with 400. */
    @org.springframework.web.bind.annotation.PutMapping("/{letterId}/language")
    LetterStore.StoredLetter changeLanguage(@PathVariable UUID id, @PathVariable UUID letterId,
                                            @org.springframework.web.bind.annotation.RequestBody Language language,
                                            Authentication user) {
        return letters.changeLanguage(writable(id, letterId, user), language.language(), user.getName());
    }

    /** What a letter says beyond the case: the addressee as corrected (empty: the registry's) and the lawyer's statements. */
    record Particulars(List<@jakarta.validation.constraints.Size(max = 300, message = "at most 300 characters per line") String> addresseeLines,
                       @jakarta.validation.constraints.Size(max = 4000, message = "at most 4000 characters") String missedTermReason,
                       @jakarta.validation.constraints.Size(max = 4000, message = "at most 4000 characters") String riskStatement,
                       @jakarta.validation.constraints.Size(max = 4000, message = "at most 4000 characters") String delayJustification,
                       @jakarta.validation.constraints.Size(max = 4000, message = "at most 4000 characters") String otherProcedures) {

        static Particulars of(LetterParticularsStore.Stored stored) {
            LetterParticulars p = stored.particulars();
            return new Particulars(stored.addresseeLines(), p.missedTermReason(), p.riskStatement(), p.delayJustification(),
                    p.otherProcedures());
        }

        LetterParticularsStore.Stored stored() {
            return new LetterParticularsStore.Stored(addresseeLines,
                    new LetterParticulars(missedTermReason, riskStatement, delayJustification, otherProcedures));
        }
    }

    /** The statements can carry personal facts: only for those who may see the victim's identity. */
    @GetMapping("/{letterId}/particulars")
    Particulars particulars(@PathVariable UUID id, @PathVariable UUID letterId, Authentication user) {
        identifying(id, user);
        return Particulars.of(letters.particulars(letter(id, letterId)));
    }

    /** Replaces them and drafts the letter again with them (its next version). */
    @org.springframework.web.bind.annotation.PutMapping("/{letterId}/particulars")
    LetterStore.StoredLetter changeParticulars(@PathVariable UUID id, @PathVariable UUID letterId,
                                               @jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody Particulars particulars,
                                               Authentication user) {
        LetterStore.StoredLetter letter = writable(id, letterId, user);
        identifying(id, user); // the statements may carry personal facts: writers who also see the identity
        if (particulars.addresseeLines() != null && particulars.addresseeLines().size() > 8) {
            throw ApiException.badRequest("addresseeLines", "at most 8 lines");
        }
        return letters.changeParticulars(letter, particulars.stored(), user.getName());
    }

    @GetMapping("/{letterId}/versions")
    List<LetterStore.Version> versions(@PathVariable UUID id, @PathVariable UUID letterId, Authentication user) {
        readable(id, user);
        return store.versions(letter(id, letterId).id());
    }

    @GetMapping("/{letterId}/versions/{version}")
    ResponseEntity<byte[]> version(@PathVariable UUID id, @PathVariable UUID letterId, @PathVariable int version, Authentication user) {
        ComplaintRecord complaint = identifying(id, user);
        LetterStore.StoredLetter letter = letter(id, letterId);
        LetterStore.Version v = store.versions(letterId).stream().filter(x -> x.version() == version).findFirst()
                .orElseThrow(() -> ApiException.notFound("version " + version));
        return docx(complaint, letter, version, v.sha256(), store.content(v));
    }

    /** A PDF copy of the current version (LibreOffice on the server, else 503 saying so). */
    @GetMapping("/{letterId}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, @PathVariable UUID letterId, Authentication user) {
        ComplaintRecord complaint = identifying(id, user);
        LetterStore.StoredLetter letter = letter(id, letterId);
        String name = "%s-%s-%s-v%d".formatted(complaint.caseNumber(), letter.kind(), letter.language(), letter.version());
        byte[] pdf = pdfs.convert(Map.of(name, store.content(letter))).get(name);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + ".pdf").build().toString())
                .body(pdf);
    }

    /** Every current letter of the case as PDF, converted in one batch, in a ZIP. */
    @GetMapping(value = "/pdf", produces = "application/zip")
    ResponseEntity<byte[]> allPdf(@PathVariable UUID id, Authentication user) throws java.io.IOException {
        ComplaintRecord complaint = identifying(id, user);
        Map<String, byte[]> docx = new java.util.LinkedHashMap<>();
        for (LetterStore.StoredLetter letter : store.ofComplaint(id)) {
            if (!"WITHDRAWN".equals(letter.status())) {
                docx.put("%s-%s-%s-v%d".formatted(complaint.caseNumber(), letter.kind(), letter.language(), letter.version()),
                        store.content(letter));
            }
        }
        if (docx.isEmpty()) {
            throw ApiException.notFound("letters of complaint " + id);
        }
        var zip = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.ZipOutputStream(zip)) {
            for (var entry : pdfs.convert(docx).entrySet()) {
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getKey() + ".pdf"));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(complaint.caseNumber() + "-letters-pdf.zip").build().toString())
                .body(zip.toByteArray());
    }

    private LetterStore.StoredLetter letter(UUID id, UUID letterId) {
        return store.find(letterId).filter(l -> l.complaintId().equals(id)).orElseThrow(() -> ApiException.notFound("letter " + letterId));
    }

    private LetterStore.StoredLetter writable(UUID id, UUID letterId, Authentication user) {
        ComplaintRecord complaint = ledger.find(id).orElseThrow(() -> ApiException.notFound("complaint " + id));
        access.requireWrite(user, complaint.ref());
        return letter(id, letterId);
    }

    private ResponseEntity<byte[]> docx(ComplaintRecord complaint, LetterStore.StoredLetter letter, int version, String sha, byte[] body) {
        String filename = "%s-%s-%s-v%d.docx".formatted(complaint.caseNumber(), letter.kind(), letter.language(), version);
        return ResponseEntity.ok()
                .contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .header("X-Content-SHA256", sha)
                .body(body);
    }

    /** Letter files name the victim: only for those who may see the victim's identity. */
    private ComplaintRecord identifying(UUID id, Authentication user) {
        ComplaintRecord complaint = ledger.find(id).orElseThrow(() -> ApiException.notFound("complaint " + id));
        access.requireIdentity(user, complaint.ref());
        return complaint;
    }

    private ComplaintRecord readable(UUID id, Authentication user) {
        ComplaintRecord complaint = ledger.find(id).orElseThrow(() -> ApiException.notFound("complaint " + id));
        access.requireRead(user, complaint.ref());
        return complaint;
    }
}
