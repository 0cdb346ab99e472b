package kz.shagym.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import kz.shagym.attachment.Attachment;
import kz.shagym.attachment.AttachmentKind;
import kz.shagym.attachment.AttachmentRefused;
import kz.shagym.attachment.Attachments;
import kz.shagym.attachment.Upload;
import kz.shagym.complaint.ComplaintLedger;
import kz.shagym.complaint.ComplaintRecord;
import kz.shagym.letter.LetterService;
import kz.shagym.letter.LetterStore;
import kz.shagym.security.CaseAccess;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case page's attachments section (upload, download, delete) and the letter page's annex checkboxes. A refused
 * upload comes back to the case page (400) with the refusal in the page's language next to the form and the title, kind
 * and date as typed. {@link #rows} and {@link #ticked} feed the templates, which call them only for users who see the
 * victim's identity.
 */
@Controller("attachmentPages")
class AttachmentPages {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** One line of the case page's list, its date as lawyers write it. */
    record Row(UUID id, String title, AttachmentKind kind, String documentDate, String sizeKb, String sha256, String fileName) {}

    /** What the upload form keeps after a refusal. */
    record Typed(String title, String kind, String documentDate) {}

    private final Attachments attachments;
    private final ComplaintLedger ledger;
    private final CaseAccess access;
    private final LetterStore letters;
    private final LetterService letterService;
    private final MessageSource messages;
    private final CaseController cases;

    AttachmentPages(Attachments attachments, ComplaintLedger ledger, CaseAccess access, LetterStore letters,
                    LetterService letterService, MessageSource messages, CaseController cases) {
        this.cases = cases;
        this.attachments = attachments;
        this.ledger = ledger;
        this.access = access;
        this.letters = letters;
        this.letterService = letterService;
        this.messages = messages;
    }

    public List<Row> rows(UUID complaintId) {
        return attachments.ofComplaint(complaintId).stream().map(AttachmentPages::row).toList();
    }

    public Set<UUID> ticked(UUID letterId) {
        return attachments.annexes(letterId).stream().map(Attachment::id).collect(Collectors.toSet());
    }

    public List<AttachmentKind> kinds() {
        return List.of(AttachmentKind.values());
    }

    public long maxMiB() {
        return attachments.maxBytes() / (1024 * 1024);
    }

    private static Row row(Attachment a) {
        return new Row(a.id(), a.title(), a.kind(), Formats.date(a.documentDate()),
                String.valueOf(Math.max(1, (a.size() + 1023) / 1024)), a.sha256(), a.fileName());
    }

    @PostMapping("/cases/{id}/attachments")
    String upload(@PathVariable UUID id, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(required = false) String title, @RequestParam(required = false) String kind,
                  @RequestParam(required = false) String documentDate, Authentication user, Locale locale,
                  RedirectAttributes redirect, org.springframework.ui.Model model,
                  jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        ComplaintRecord complaint = complaint(id);
        access.requireWrite(user, complaint.ref());
        access.requireIdentity(user, complaint.ref());
        Typed typed = new Typed(title, kind, documentDate);
        LocalDate date;
        try {
            date = documentDate == null || documentDate.isBlank() ? null : LocalDate.parse(documentDate.strip(), DATE);
        } catch (DateTimeParseException e) {
            return refused(id, typed, "documentDate", messages.getMessage("attachments.dateInvalid", null, locale), user, locale, model, response);
        }
        AttachmentKind parsedKind = kinds().stream().filter(k -> k.name().equals(kind)).findFirst().orElse(null);
        try {
            attachments.upload(id, new Upload(file == null ? null : file.getBytes(), file == null ? null : file.getOriginalFilename(),
                    title, parsedKind, date), user.getName());
        } catch (AttachmentRefused e) {
            return refused(id, typed, e.field(), AttachmentProblems.message(messages, e, locale), user, locale, model, response);
        }
        redirect.addFlashAttribute("attachmentUploaded", true);
        return "redirect:/cases/" + id + "#attachments";
    }

    @GetMapping("/cases/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID attachmentId, Authentication user) {
        access.requireIdentity(user, complaint(id).ref());
        Attachment attachment = attachments.find(id, attachmentId).orElseThrow(() -> ApiException.notFound("attachment " + attachmentId));
        byte[] content = attachments.download(id, attachmentId, user.getName());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(attachment.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", attachment.sha256())
                .body(content);
    }

    @PostMapping("/cases/{id}/attachments/{attachmentId}/delete")
    String delete(@PathVariable UUID id, @PathVariable UUID attachmentId, Authentication user) {
        ComplaintRecord complaint = complaint(id);
        access.requireWrite(user, complaint.ref());
        access.requireIdentity(user, complaint.ref());
        try {
            attachments.delete(id, attachmentId, user.getName());
        } catch (AttachmentRefused e) {
            throw ApiException.notFound("attachment " + attachmentId);
        }
        return "redirect:/cases/" + id + "#attachments";
    }

    @PostMapping("/cases/{id}/letters/{letterId}/annexes")
    String annexes(@PathVariable UUID id, @PathVariable UUID letterId,
                   @RequestParam(name = "attachmentIds", required = false) List<UUID> ids, Authentication user, Locale locale,
                   RedirectAttributes redirect) {
        ComplaintRecord complaint = complaint(id);
        access.requireWrite(user, complaint.ref());
        access.requireIdentity(user, complaint.ref());
        LetterStore.StoredLetter letter = letters.find(letterId).filter(l -> l.complaintId().equals(id))
                .orElseThrow(() -> ApiException.notFound("letter " + letterId));
        String page = "redirect:/cases/" + id + "/letters/" + letterId + "/review#annexes";
        if ("FILED".equals(letter.status()) || "WITHDRAWN".equals(letter.status())) {
            redirect.addFlashAttribute("annexError", messages.getMessage("workspace.error.frozen", null, locale));
            return page;
        }
        try {
            attachments.setAnnexes(id, letterId, ids == null ? List.of() : ids, user.getName());
        } catch (AttachmentRefused e) {
            redirect.addFlashAttribute("annexError", AttachmentProblems.message(messages, e, locale));
            return page;
        }
        letterService.regenerate(letter, user.getName());
        redirect.addFlashAttribute("annexesSaved", true);
        return page;
    }

    /** The case page again (400) with the refusal next to the field at fault and the title, kind and date as typed. */
    private String refused(UUID id, Typed typed, String field, String message, Authentication user, Locale locale,
                           org.springframework.ui.Model model, jakarta.servlet.http.HttpServletResponse response) {
        model.addAttribute("attachmentTyped", typed);
        model.addAttribute("attachmentErrorField", field == null ? "file" : field);
        model.addAttribute("attachmentError", message);
        return cases.refusedPage(id, user, locale, model, response);
    }

    private ComplaintRecord complaint(UUID id) {
        return ledger.find(id).orElseThrow(() -> ApiException.notFound("complaint " + id));
    }
}
