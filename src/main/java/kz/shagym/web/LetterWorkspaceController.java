package kz.shagym.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.shagym.clock.ShagymClock;
import kz.shagym.complaint.ComplaintLedger;
import kz.shagym.complaint.ComplaintRecord;
import kz.shagym.letter.LetterDiff;
import kz.shagym.letter.LetterPreview;
import kz.shagym.letter.LetterService;
import kz.shagym.letter.LetterStore;
import kz.shagym.letter.ReviewDecision;
import kz.shagym.letter.StaleReason;
import kz.shagym.letter.VersionSource;
import kz.shagym.security.CaseAccess;
import kz.shagym.security.Disclosure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * One letter's workspace, where staff and lawyers review and file it: the current version as rendered pages, approve
 * or reject it with a comment, upload an edited DOCX as the next version, regenerate a stale letter, the versions and
 * what changed between them, and the filing. A letter names the victim: its content (pages, PDF, versions, what
 * changed, review comments) is only for those who may see the victim's identity ({@link CaseAccess#requireIdentity});
 * others who may read the case see its title and status. Every download and page image is audited by route.
 */
@Controller
class LetterWorkspaceController {

    private static final MediaType PNG = MediaType.IMAGE_PNG;
    /** Versions compared with the one before them on the page, newest first; older comparisons are a download away. */
    private static final int DIFFS_SHOWN = 10;

    private final ComplaintLedger ledger;
    private final LetterStore store;
    private final LetterService letters;
    private final LetterPreview preview;
    private final LetterFilings filings;
    private final CaseAccess access;
    private final ShagymClock clock;
    private final long maxUpload;
    private final org.springframework.context.MessageSource messages;

    LetterWorkspaceController(ComplaintLedger ledger, LetterStore store, LetterService letters, LetterPreview preview,
                              LetterFilings filings, CaseAccess access, ShagymClock clock,
                              @Value("${shagym.http.max-upload:10MB}") DataSize maxUpload,
                              org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.ledger = ledger;
        this.store = store;
        this.letters = letters;
        this.preview = preview;
        this.filings = filings;
        this.access = access;
        this.clock = clock;
        this.maxUpload = maxUpload.toBytes();
    }

    record Head(UUID id, String kind, String language, String status, int version, boolean stale, StaleReason staleReason,
                String created, String filed, boolean reviewable, boolean editable, boolean fileable) {}

    record VersionLine(int version, VersionSource source, String by, String at, String sha256, String note, boolean current) {}

    record ReviewLine(int version, ReviewDecision decision, String note, String by, String at) {}

    record DiffView(int version, int previous, List<LetterDiff.Line> lines, boolean changed) {}

    @GetMapping("/cases/{id}/letters/{letterId}/review")
    String show(@PathVariable UUID id, @PathVariable UUID letterId, Authentication user, Model model) {
        ComplaintRecord complaint = readable(id, user);
        LetterStore.StoredLetter letter = letter(id, letterId);
        addForms(model);
        return page(complaint, letter, user, true, model);
    }

    @PostMapping("/cases/{id}/letters/{letterId}/review")
    String review(@PathVariable UUID id, @PathVariable UUID letterId, @Valid @ModelAttribute("reviewForm") LetterReviewForm form,
                  BindingResult result, Authentication user, Model model, HttpServletResponse response) {
        ComplaintRecord complaint = writable(id, user);
        LetterStore.StoredLetter letter = letter(id, letterId);
        if (!result.hasErrors()) {
            boolean approve = form.getDecision() == LetterReviewForm.Decision.APPROVE;
            if (!"DRAFT".equals(letter.status())) {
                result.reject("workspace.error.notDraft");
            } else if (approve && letter.stale()) {
                result.reject("workspace.error.staleApprove");
            } else {
                letters.review(letter, approve, blankToNull(form.getNote()), user.getName());
                return redirect(id, letterId, "review");
            }
        }
        addForms(model);
        return Forms.refused(response, page(complaint, letter, user, false, model));
    }

    /**
     * The same limits and checks as the API's upload: at most {@code shagym.http.max-upload}, and a DOCX by its content
     * (it must open as one), not by its name or declared type. A refusal shows the page again with the comment typed.
     */
    @PostMapping("/cases/{id}/letters/{letterId}/content")
    String upload(@PathVariable UUID id, @PathVariable UUID letterId, @Valid @ModelAttribute("uploadForm") LetterUploadForm form,
                  BindingResult result, Authentication user, Model model, HttpServletResponse response) throws IOException {
        ComplaintRecord complaint = writable(id, user);
        LetterStore.StoredLetter letter = letter(id, letterId);
        int status = HttpServletResponse.SC_BAD_REQUEST;
        var file = form.getFile();
        if (file == null || file.isEmpty()) {
            result.rejectValue("file", "workspace.upload.missing");
        } else if (file.getSize() > maxUpload) {
            result.rejectValue("file", "workspace.upload.tooLarge", new Object[] {DataSize.ofBytes(maxUpload).toMegabytes()}, null);
            status = HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
        } else if (!editable(letter)) {
            result.reject("workspace.error.frozen");
        } else if (!result.hasErrors()) {
            try {
                letters.upload(letter, file.getBytes(), blankToNull(form.getNote()), user.getName());
                return redirect(id, letterId, "versions");
            } catch (kz.shagym.letter.LetterRefused e) {
                if (e.reason() == kz.shagym.letter.LetterRefused.Reason.NOT_DOCX) {
                    result.rejectValue("file", "workspace.upload.notDocx");
                } else {
                    result.reject("workspace.error.frozen");
                }
            }
        }
        addForms(model);
        String view = page(complaint, letter, user, false, model);
        response.setStatus(status);
        return view;
    }

    /**
     * The addressee and the lawyer's statements for this letter: stored, and the letter drafted again with them. A form
     * that is refused (too long, a frozen letter) comes back with what was typed.
     */
    @PostMapping("/cases/{id}/letters/{letterId}/particulars")
    String particulars(@PathVariable UUID id, @PathVariable UUID letterId,
                       @Valid @ModelAttribute("particularsForm") LetterParticularsForm form, BindingResult result,
                       Authentication user, Model model, HttpServletResponse response) {
        ComplaintRecord complaint = writable(id, user);
        LetterStore.StoredLetter letter = letter(id, letterId);
        if (!editable(letter)) {
            result.reject("workspace.error.frozen");
        } else if (form.addresseeLines().size() > 8 || form.addresseeLines().stream().anyMatch(l -> l.length() > 300)) {
            result.rejectValue("addressee", "workspace.particulars.addresseeTooLong");
        } else if (!result.hasErrors()) {
            letters.changeParticulars(letter, new kz.shagym.letter.LetterParticularsStore.Stored(form.addresseeLines(),
                    new kz.shagym.letter.LetterParticulars(blankToNull(form.getMissedTermReason()),
                            blankToNull(form.getRiskStatement()), blankToNull(form.getDelayJustification()),
                            blankToNull(form.getOtherProcedures()))), user.getName());
            return redirect(id, letterId, "versions");
        }
        addForms(model);
        return Forms.refused(response, page(complaint, letter, user, false, model));
    }

    /**
     * The lawyer picks the language the letter is written in (a UN communication: Russian or English); the letter is
     * drafted again in it. A language the kind is not written in (Kazakh for the UN) is refused in the page's language.
     */
    @PostMapping("/cases/{id}/letters/{letterId}/language")
    String language(@PathVariable UUID id, @PathVariable UUID letterId,
                    @org.springframework.web.bind.annotation.RequestParam(required = false) String language,
                    Authentication user, java.util.Locale locale, Model model, HttpServletResponse response) {
        ComplaintRecord complaint = writable(id, user);
        LetterStore.StoredLetter letter = letter(id, letterId);
        if (!editable(letter)) {
            model.addAttribute("languageError", messages.getMessage("workspace.error.frozen", null, locale));
        } else {
            try {
                letters.changeLanguage(letter, language, user.getName());
                return redirect(id, letterId, "versions");
            } catch (kz.shagym.letter.LetterLanguageRefused e) {
                model.addAttribute("languageError", LetterProblems.message(messages, e, locale));
            }
        }
        addForms(model);
        return Forms.refused(response, page(complaint, letter, user, false, model));
    }

    @PostMapping("/cases/{id}/letters/{letterId}/regenerate")
    String regenerate(@PathVariable UUID id, @PathVariable UUID letterId, Authentication user, Model model,
                      HttpServletResponse response) {
        ComplaintRecord complaint = writable(id, user);
        LetterStore.StoredLetter letter = letter(id, letterId);
        if (editable(letter)) {
            letters.regenerate(letter, user.getName());
            return redirect(id, letterId, "versions");
        }
        addForms(model);
        model.addAttribute("regenerateError", "workspace.error.frozen");
        return Forms.refused(response, page(complaint, letter, user, false, model));
    }

    @PostMapping("/cases/{id}/letters/{letterId}/filing")
    String file(@PathVariable UUID id, @PathVariable UUID letterId, @Valid @ModelAttribute("filingForm") LetterFilingForm form,
                BindingResult result, Authentication user, java.util.Locale locale, Model model, HttpServletResponse response) {
        ComplaintRecord complaint = writable(id, user);
        LetterStore.StoredLetter letter = letter(id, letterId);
        if (!result.hasErrors()) {
            if (!fileable(letter)) {
                result.reject("workspace.error.notFileable");
            } else if (filings.record(id, letterId, form.getFiledOn(), form.getChannel(), user.getName(), result, locale)) {
                return redirect(id, letterId, "filing");
            }
        }
        addForms(model);
        return Forms.refused(response, page(complaint, letter, user, false, model));
    }

    /** One page of the current version as an image; never kept by the browser (it names the victim). */
    @GetMapping("/cases/{id}/letters/{letterId}/pages/{page}.png")
    ResponseEntity<byte[]> pageImage(@PathVariable UUID id, @PathVariable UUID letterId, @PathVariable int page, Authentication user) {
        ComplaintRecord complaint = identifying(id, user);
        LetterStore.StoredLetter letter = letter(id, letterId);
        if (page < 1 || page > LetterPreview.MAX_PAGES) {
            throw ApiException.notFound("page " + page); // before LibreOffice runs
        }
        LetterPreview.Rendered rendered = preview.current(letter, fileName(complaint, letter, letter.version()));
        if (page > rendered.pageCount()) {
            throw ApiException.notFound("page " + page);
        }
        return ResponseEntity.ok().contentType(PNG).cacheControl(CacheControl.noStore()).body(rendered.pages().get(page - 1));
    }

    /** The current version as PDF (rendered for the preview a moment ago, or now). */
    @GetMapping("/cases/{id}/letters/{letterId}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, @PathVariable UUID letterId, Authentication user) {
        ComplaintRecord complaint = identifying(id, user);
        LetterStore.StoredLetter letter = letter(id, letterId);
        String name = fileName(complaint, letter, letter.version());
        return attachment(MediaType.APPLICATION_PDF, name + ".pdf", preview.current(letter, name).pdf());
    }

    @GetMapping("/cases/{id}/letters/{letterId}/versions/{version}")
    ResponseEntity<byte[]> version(@PathVariable UUID id, @PathVariable UUID letterId, @PathVariable int version, Authentication user) {
        ComplaintRecord complaint = identifying(id, user);
        LetterStore.StoredLetter letter = letter(id, letterId);
        LetterStore.Version v = store.versions(letterId).stream().filter(x -> x.version() == version).findFirst()
                .orElseThrow(() -> ApiException.notFound("version " + version));
        return attachment(CaseController.DOCX, fileName(complaint, letter, version) + ".docx", store.content(v));
    }

    /**
     * The page. {@code audited} is the GET, which the audit trail records: only it shows what changed between versions
     * (the letters' text); a form shown again with its errors keeps the page images (each image request is audited).
     */
    private String page(ComplaintRecord complaint, LetterStore.StoredLetter letter, Authentication user, boolean audited, Model model) {
        boolean identity = access.seesIdentity(user, complaint.ref());
        boolean canWrite = identity && access.canWrite(user, complaint.ref());
        model.addAttribute("caseId", complaint.id());
        model.addAttribute("caseNumber", complaint.caseNumber());
        model.addAttribute("letter", new Head(letter.id(), letter.kind(), letter.language(), letter.status(), letter.version(),
                letter.stale(), letter.stale() ? StaleReason.of(letter.kind()) : null, Formats.almaty(letter.createdAt()),
                Formats.almaty(letter.filedAt()), "DRAFT".equals(letter.status()), editable(letter), fileable(letter)));
        model.addAttribute("identity", identity);
        model.addAttribute("canWrite", canWrite);
        model.addAttribute("channels", FileForm.CHANNELS);
        model.addAttribute("maxUploadBytes", maxUpload);
        model.addAttribute("maxUploadMiB", DataSize.ofBytes(maxUpload).toMegabytes());
        if (!identity) {
            return "letter";
        }
        Disclosure.note(Disclosure.IDENTITY);
        model.addAttribute("particularsKinds", particularsKinds(letter.kind()));
        kz.shagym.letter.LetterKind kind = kz.shagym.letter.LetterKind.valueOf(letter.kind());
        model.addAttribute("letterLanguages", kind.languages());
        model.addAttribute("letterToUn", kind.toUn());
        if (!model.containsAttribute("particularsForm")) {
            var stored = letters.particulars(letter).particulars();
            LetterParticularsForm form = new LetterParticularsForm();
            form.setAddressee(String.join("\n", letters.addresseeLines(letter)));
            form.setMissedTermReason(stored.missedTermReason());
            form.setRiskStatement(stored.riskStatement());
            form.setDelayJustification(stored.delayJustification());
            form.setOtherProcedures(stored.otherProcedures());
            model.addAttribute("particularsForm", form);
        }
        List<LetterStore.Version> versions = store.versions(letter.id());
        model.addAttribute("versions", versions.reversed().stream().map(v -> new VersionLine(v.version(), VersionSource.of(v),
                v.createdBy(), Formats.almaty(v.createdAt()), v.sha256(), v.note(), v.version() == letter.version())).toList());
        model.addAttribute("reviews", store.reviews(letter.id()).reversed().stream().map(r -> new ReviewLine(r.version(),
                r.decision(), r.note(), r.reviewedBy(), Formats.almaty(r.reviewedAt()))).toList());
        model.addAttribute("diffs", audited ? diffs(versions) : List.of());
        model.addAttribute("diffsShown", audited);
        try {
            LetterPreview.Rendered rendered = preview.current(letter, fileName(complaint, letter, letter.version()));
            model.addAttribute("pages", java.util.stream.IntStream.rangeClosed(1, rendered.pageCount()).boxed().toList());
            model.addAttribute("pagesTruncated", rendered.truncated());
        } catch (kz.shagym.letter.PdfUnavailable | java.io.UncheckedIOException e) {
            // LibreOffice missing or failing: the page still serves everything else, and says why there is no preview
            model.addAttribute("pages", List.of());
            model.addAttribute("previewUnavailable", true);
        }
        return "letter";
    }

    /** Each version beside the one before it, newest first. */
    private List<DiffView> diffs(List<LetterStore.Version> versions) {
        List<DiffView> diffs = new ArrayList<>();
        for (int i = versions.size() - 1; i >= 1 && diffs.size() < DIFFS_SHOWN; i--) {
            LetterStore.Version newer = versions.get(i);
            LetterStore.Version older = versions.get(i - 1);
            List<LetterDiff.Line> lines = LetterDiff.between(store.content(older), store.content(newer));
            diffs.add(new DiffView(newer.version(), older.version(), lines,
                    lines.stream().anyMatch(l -> l.kind() == LetterDiff.Kind.INSERTED || l.kind() == LetterDiff.Kind.REMOVED)));
        }
        return diffs;
    }

    private void addForms(Model model) {
        if (!model.containsAttribute("reviewForm")) {
            model.addAttribute("reviewForm", new LetterReviewForm());
        }
        if (!model.containsAttribute("uploadForm")) {
            model.addAttribute("uploadForm", new LetterUploadForm());
        }
        if (!model.containsAttribute("filingForm")) {
            LetterFilingForm filing = new LetterFilingForm();
            filing.setFiledOn(LocalDate.ofInstant(clock.instant(), Formats.ALMATY));
            model.addAttribute("filingForm", filing);
        }
    }

    /** Which statements a letter of this kind can use: the others are not offered. */
    record ParticularsKinds(boolean addressee, boolean missedTerm, boolean risk, boolean un) {}

    private static ParticularsKinds particularsKinds(String kind) {
        boolean un = kind.equals("CAT_COMMUNICATION") || kind.equals("HRC_COMMUNICATION") || kind.equals("INTERIM_MEASURES");
        return new ParticularsKinds(!un, !un, kind.equals("INTERIM_MEASURES"), un && !kind.equals("INTERIM_MEASURES"));
    }

    private static boolean editable(LetterStore.StoredLetter letter) {
        return !"FILED".equals(letter.status()) && !"WITHDRAWN".equals(letter.status());
    }

    /** As on the case page: a draft or an approved letter can be recorded as filed. */
    private static boolean fileable(LetterStore.StoredLetter letter) {
        return "DRAFT".equals(letter.status()) || "APPROVED".equals(letter.status());
    }

    private static String redirect(UUID id, UUID letterId, String anchor) {
        return "redirect:/cases/" + id + "/letters/" + letterId + "/review#" + anchor;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String fileName(ComplaintRecord complaint, LetterStore.StoredLetter letter, int version) {
        return "%s-%s-%s-v%d".formatted(complaint.caseNumber(), letter.kind(), letter.language(), version);
    }

    private static ResponseEntity<byte[]> attachment(MediaType type, String filename, byte[] body) {
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }

    private LetterStore.StoredLetter letter(UUID id, UUID letterId) {
        return store.find(letterId).filter(l -> l.complaintId().equals(id)).orElseThrow(() -> ApiException.notFound("letter " + letterId));
    }

    private ComplaintRecord complaint(UUID id) {
        return ledger.find(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, null, "complaint " + id));
    }

    private ComplaintRecord readable(UUID id, Authentication user) {
        ComplaintRecord complaint = complaint(id);
        access.requireRead(user, complaint.ref());
        return complaint;
    }

    /** Changing a letter means reading it first: the right to change the case, and to see the victim's identity. */
    private ComplaintRecord writable(UUID id, Authentication user) {
        ComplaintRecord complaint = complaint(id);
        access.requireWrite(user, complaint.ref());
        access.requireIdentity(user, complaint.ref());
        return complaint;
    }

    private ComplaintRecord identifying(UUID id, Authentication user) {
        ComplaintRecord complaint = complaint(id);
        access.requireIdentity(user, complaint.ref());
        return complaint;
    }
}
