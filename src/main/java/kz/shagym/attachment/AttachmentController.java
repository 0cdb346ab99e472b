package kz.shagym.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kz.shagym.complaint.ComplaintLedger;
import kz.shagym.complaint.ComplaintRecord;
import kz.shagym.letter.LetterService;
import kz.shagym.letter.LetterStore;
import kz.shagym.security.CaseAccess;
import kz.shagym.web.ApiException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST contract of a complaint's attachments and a letter's annexes. Attachments are identity data (a medical report,
 * a photo): reading them needs the case's identity grant, changing them write access.
 */
@RestController
class AttachmentController {

    private final Attachments attachments;
    private final ComplaintLedger ledger;
    private final CaseAccess access;
    private final LetterStore letters;
    private final LetterService letterService;

    AttachmentController(Attachments attachments, ComplaintLedger ledger, CaseAccess access, LetterStore letters,
                         LetterService letterService) {
        this.attachments = attachments;
        this.ledger = ledger;
        this.access = access;
        this.letters = letters;
        this.letterService = letterService;
    }

    @PostMapping(value = "/api/complaints/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Attachment> upload(@PathVariable UUID id, @RequestParam(required = false) MultipartFile file,
                                      @RequestParam(required = false) String title,
                                      @RequestParam(required = false) AttachmentKind kind,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate documentDate,
                                      Authentication user) {
        ComplaintRecord complaint = complaint(id);
        access.requireWrite(user, complaint.ref());
        Attachment stored = attachments.upload(id, new Upload(bytes(file), file == null ? null : file.getOriginalFilename(),
                title, kind, documentDate), user.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(stored);
    }

    @GetMapping("/api/complaints/{id}/attachments")
    List<Attachment> list(@PathVariable UUID id, Authentication user) {
        access.requireIdentity(user, complaint(id).ref());
        return attachments.ofComplaint(id);
    }

    @GetMapping("/api/complaints/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID attachmentId, Authentication user) {
        access.requireIdentity(user, complaint(id).ref());
        return file(attachments, id, attachmentId, user.getName());
    }

    @DeleteMapping("/api/complaints/{id}/attachments/{attachmentId}")
    ResponseEntity<Void> delete(@PathVariable UUID id, @PathVariable UUID attachmentId, Authentication user) {
        access.requireWrite(user, complaint(id).ref());
        attachments.delete(id, attachmentId, user.getName());
        return ResponseEntity.noContent().build();
    }

    record AnnexChoice(List<UUID> attachmentIds) {}

    record Annexes(List<Attachment> annexes, int letterVersion) {}

    /** Sets the attachments a letter lists, in order; the letter is regenerated so its next version lists them. */
    @PutMapping("/api/letters/{letterId}/annexes")
    Annexes annexes(@PathVariable UUID letterId, @RequestBody AnnexChoice choice, Authentication user) {
        LetterStore.StoredLetter letter = letters.find(letterId).orElseThrow(() -> ApiException.notFound("letter " + letterId));
        access.requireWrite(user, complaint(letter.complaintId()).ref());
        return setAnnexes(attachments, letterService, letter, choice.attachmentIds(), user.getName());
    }

    /** Shared with the letter page: refuses a frozen letter, stores the choice, regenerates the letter. */
    static Annexes setAnnexes(Attachments attachments, LetterService letterService, LetterStore.StoredLetter letter,
                              List<UUID> ids, String actor) {
        if ("FILED".equals(letter.status()) || "WITHDRAWN".equals(letter.status())) {
            throw ApiException.conflict("letter is " + letter.status() + ": its annexes are frozen with the filed copy");
        }
        List<Attachment> chosen = attachments.setAnnexes(letter.complaintId(), letter.id(), ids, actor);
        LetterStore.StoredLetter regenerated = letterService.regenerate(letter, actor);
        return new Annexes(chosen, regenerated.version());
    }

    /** The file as uploaded, under its own name and type, with its SHA-256; shared with the case page's link. */
    static ResponseEntity<byte[]> file(Attachments attachments, UUID complaintId, UUID attachmentId, String actor) {
        Attachment attachment = attachments.find(complaintId, attachmentId)
                .orElseThrow(() -> new AttachmentRefused(AttachmentRefused.Reason.NO_SUCH_ATTACHMENT));
        byte[] content = attachments.download(complaintId, attachmentId, actor);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(attachment.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", attachment.sha256())
                .body(content);
    }

    private ComplaintRecord complaint(UUID id) {
        return ledger.find(id).orElseThrow(() -> ApiException.notFound("complaint " + id));
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file == null ? null : file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
