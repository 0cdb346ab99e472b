package kz.shagym.letter;

import java.util.List;
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
    private final ComplaintLedger ledger;
    private final CaseAccess access;

    LetterController(LetterStore store, ComplaintLedger ledger, CaseAccess access) {
        this.store = store;
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
        ComplaintRecord complaint = readable(id, user);
        LetterStore.StoredLetter letter = store.find(letterId).filter(l -> l.complaintId().equals(id))
                .orElseThrow(() -> ApiException.notFound("letter " + letterId));
        String filename = "%s-%s-%s-v%d.docx".formatted(complaint.caseNumber(), letter.kind(), letter.language(), letter.version());
        return ResponseEntity.ok()
                .contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .header("X-Content-SHA256", letter.sha256())
                .body(store.content(letter));
    }

    private ComplaintRecord readable(UUID id, Authentication user) {
        ComplaintRecord complaint = ledger.find(id).orElseThrow(() -> ApiException.notFound("complaint " + id));
        access.requireRead(user, complaint.lawyer(), complaint.caseNumber());
        return complaint;
    }
}
