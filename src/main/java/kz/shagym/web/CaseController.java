package kz.shagym.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import kz.shagym.clock.ShagymClock;
import kz.shagym.complaint.ComplaintLedger;
import kz.shagym.complaint.ComplaintQueries;
import kz.shagym.complaint.ComplaintRecord;
import kz.shagym.complaint.ComplaintView;
import kz.shagym.complaint.EventCommand;
import kz.shagym.complaint.EventType;
import kz.shagym.complaint.CaseFile;
import kz.shagym.complaint.CaseFileService;
import kz.shagym.complaint.InvalidFact;
import kz.shagym.complaint.Ladder;
import kz.shagym.complaint.Reassignment;
import kz.shagym.complaint.Rung;
import kz.shagym.complaint.Step;
import kz.shagym.complaint.Track;
import kz.shagym.escalation.EngineSupervisor;
import kz.shagym.escalation.Processes;
import kz.shagym.letter.LetterStore;
import kz.shagym.security.CaseAccess;
import kz.shagym.security.CaseGrants;
import kz.shagym.security.GrantKind;
import kz.shagym.security.UserAccounts;
import kz.shagym.security.Role;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The case page: where the complaint stands on the diagram, what happened, what is due and why, the letters; what a
 * lawyer records here (what happened, as the acts that fit the case's open steps: {@link CaseAct}; a filing), and the
 * hand-over of the case to another lawyer (administrators, coordinators). Everything it shows comes from the same
 * {@link ComplaintQueries} view as GET /api/complaints/{id}.
 */
@Controller
class CaseController {

    static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final ComplaintLedger ledger;
    private final ComplaintQueries queries;
    private final Ladder ladder;
    private final LetterStore letters;
    private final CaseAccess access;
    private final ShagymClock clock;
    private final CaseGrants grants;
    private final UserAccounts accounts;
    private final FactMessages facts;
    private final Reassignment reassignment;
    private final LetterFilings filings;

    private final CaseDiagram diagram;
    private final CaseAcknowledgements acknowledgements;
    private final CaseFileService caseFiles;
    private final EngineSupervisor engine;

    CaseController(ComplaintLedger ledger, ComplaintQueries queries, Ladder ladder, LetterStore letters, CaseAccess access,
                   ShagymClock clock, CaseGrants grants, UserAccounts accounts, FactMessages facts, Reassignment reassignment,
                   LetterFilings filings, CaseDiagram diagram, CaseAcknowledgements acknowledgements,
                   CaseFileService caseFiles, EngineSupervisor engine) {
        this.engine = engine;
        this.acknowledgements = acknowledgements;
        this.caseFiles = caseFiles;
        this.facts = facts;
        this.filings = filings;
        this.reassignment = reassignment;
        this.diagram = diagram;
        this.grants = grants;
        this.accounts = accounts;
        this.ledger = ledger;
        this.queries = queries;
        this.ladder = ladder;
        this.letters = letters;
        this.access = access;
        this.clock = clock;
    }

    record DeadlineLine(ComplaintView.DeadlineView d, String lastDay, String dueAlmaty) {}

    /** A decision still without its copy, as the late copy's chooser names it. */
    record CopyCandidate(java.util.UUID id, String type, String authority, String decided) {}

    /**
     * One timeline entry with its dates as lawyers write them: when it happened ({@code at}), when it was entered
     * ({@code entered}), a recalculated last day, a correction's dates before → after, and for a late copy the decision
     * it belongs to (its type and date).
     */
    record HistoryLine(ComplaintView.HistoryView h, String at, String learned, String copy, String entered,
                       String recalculatedFrom, String recalculatedTo, List<Corrected> corrected, String copyOfType,
                       String copyOfAt) {

        static HistoryLine of(ComplaintView.HistoryView h, java.util.Map<java.util.UUID, ComplaintView.HistoryView> byId) {
            ComplaintView.HistoryView decision = h.copyOf() == null ? null : byId.get(h.copyOf());
            var r = h.recalculation();
            var c = h.correction();
            List<Corrected> corrected = new java.util.ArrayList<>();
            if (c != null) {
                Corrected.add(corrected, "occurredAt", c.occurredFrom(), c.occurredTo());
                Corrected.add(corrected, "learnedAt", c.learnedFrom(), c.learnedTo());
                Corrected.add(corrected, "copyReceivedAt", c.copyFrom(), c.copyTo());
            }
            return new HistoryLine(h, Formats.almaty(h.at()), Formats.almaty(h.learnedAt()), Formats.almaty(h.copyReceivedAt()),
                    Formats.almaty(h.recordedAt()), r == null ? "" : Formats.date(r.from()), r == null ? "" : Formats.date(r.to()),
                    List.copyOf(corrected), decision == null ? null : decision.type(),
                    decision == null ? null : Formats.almaty(decision.at()));
        }
    }

    /** One date a correction changed: which ({@code field}: a key suffix), from and to (blank where there was none). */
    record Corrected(String field, String from, String to) {
        static void add(List<Corrected> into, String field, java.time.Instant from, java.time.Instant to) {
            if (!java.util.Objects.equals(from, to)) {
                into.add(new Corrected(field, Formats.almaty(from), Formats.almaty(to)));
            }
        }
    }

    record LetterLine(ComplaintView.LetterView l, String created, String filed, boolean fileable) {}

    @GetMapping("/cases/{id}")
    String show(@PathVariable UUID id, Authentication user, Locale locale, Model model) {
        ComplaintRecord complaint = readable(id, user);
        model.addAttribute("eventForm", new EventForm());
        model.addAttribute("reassignForm", new ReassignForm());
        FileForm file = new FileForm();
        file.setFiledOn(java.time.LocalDate.ofInstant(clock.instant(), Formats.ALMATY));
        model.addAttribute("fileForm", file);
        if (access.seesIdentity(user, complaint.ref())) {
            // the case file names the applicant and the victim: shown on the audited read only, like the medical facts
            CaseFile caseFile = ledger.caseFile(id);
            model.addAttribute("caseFile", caseFile);
            model.addAttribute("caseFileForm", CaseFileForm.of(caseFile));
            kz.shagym.security.Disclosure.note(kz.shagym.security.Disclosure.CASE_FILE);
        }
        return page(complaint, user, access.seesMedicalFacts(user, complaint.ref()), locale, model);
    }

    /**
     * Replaces the case file from the case page. A refused form is shown again with what was typed and the refusal,
     * in the page's language, next to its field; the stored values are not shown with it (that read is the GET's).
     */
    @PostMapping("/cases/{id}/case-file")
    String saveCaseFile(@PathVariable UUID id, @ModelAttribute("caseFileForm") CaseFileForm form, BindingResult result,
                        Authentication user, Locale locale, Model model, HttpServletResponse response) {
        ComplaintRecord complaint = writable(id, user);
        access.requireIdentity(user, complaint.ref());
        if (!result.hasErrors()) {
            try {
                caseFiles.replace(id, form.toCaseFile(), user.getName());
                return "redirect:/cases/" + id + "#case-file";
            } catch (InvalidFact e) {
                Forms.reject(result, CaseFileForm.formField(e.field()), facts.message(e, locale));
            }
        }
        model.addAttribute("eventForm", new EventForm());
        model.addAttribute("reassignForm", new ReassignForm());
        model.addAttribute("fileForm", new FileForm());
        model.addAttribute("caseFileRefused", true);
        return Forms.refused(response, page(complaint, user, false, locale, model));
    }

    /** Grants access from the case page: administrators and the case's lawyer only (others: 403, audited). */
    @PostMapping("/cases/{id}/grants")
    String grant(@PathVariable UUID id, @Valid @ModelAttribute("grantForm") GrantForm form, BindingResult result,
                 Authentication user, Locale locale, Model model, HttpServletResponse response) {
        ComplaintRecord complaint = grantable(id, user);
        if (!result.hasErrors()) {
            try {
                grants.grant(complaint.ref(), form.getUsername(), form.getKind(), user.getName());
                return "redirect:/cases/" + id + "#grants";
            } catch (ApiException e) {
                Forms.reject(result, e.field(), e);
            }
        }
        return refusedGrant(complaint, user, locale, model, response);
    }

    @PostMapping("/cases/{id}/grants/revoke")
    String revoke(@PathVariable UUID id, @Valid @ModelAttribute("grantForm") GrantForm form, BindingResult result,
                  Authentication user, Locale locale, Model model, HttpServletResponse response) {
        ComplaintRecord complaint = grantable(id, user);
        if (!result.hasErrors()) {
            grants.revoke(complaint.ref(), form.getUsername(), form.getKind(), user.getName());
            return "redirect:/cases/" + id + "#grants"; // revoking what is not there leaves what the page then shows
        }
        return refusedGrant(complaint, user, locale, model, response);
    }

    private String refusedGrant(ComplaintRecord complaint, Authentication user, Locale locale, Model model,
                                HttpServletResponse response) {
        model.addAttribute("eventForm", new EventForm());
        model.addAttribute("reassignForm", new ReassignForm());
        model.addAttribute("fileForm", new FileForm());
        return Forms.refused(response, page(complaint, user, false, locale, model));
    }

    @PostMapping("/cases/{id}/events")
    String recordEvent(@PathVariable UUID id, @Valid @ModelAttribute("eventForm") EventForm form, BindingResult result,
                       Authentication user, Locale locale, Model model, HttpServletResponse response) {
        ComplaintRecord complaint = writable(id, user);
        form.check(result, CaseAct.available(queries.view(complaint, false, false, Languages.of(locale))));
        if (!result.hasErrors()) {
            try {
                ladder.record(id, form.toCommand(), user.getName());
                return "redirect:/cases/" + id + "#history";
            } catch (InvalidFact e) {
                Forms.reject(result, EventForm.formField(e.field()), facts.message(e, locale));
            } catch (ApiException e) {
                Forms.reject(result, EventForm.formField(e.field()), e);
            }
        }
        model.addAttribute("fileForm", new FileForm());
        model.addAttribute("reassignForm", new ReassignForm());
        return Forms.refused(response, page(complaint, user, false, locale, model));
    }

    @PostMapping("/cases/{id}/filings")
    String fileLetter(@PathVariable UUID id, @Valid @ModelAttribute("fileForm") FileForm form, BindingResult result,
                      Authentication user, Locale locale, Model model, HttpServletResponse response) {
        ComplaintRecord complaint = writable(id, user);
        if (!result.hasErrors() && filings.record(id, form.getLetterId(), form.getFiledOn(), form.getChannel(), user.getName(),
                result, locale)) {
            return "redirect:/cases/" + id + "#letters";
        }
        model.addAttribute("eventForm", new EventForm());
        model.addAttribute("reassignForm", new ReassignForm());
        return Forms.refused(response, page(complaint, user, false, locale, model));
    }

    /**
     * Hands the case to another lawyer: administrators and coordinators only (others: 403, audited). The new lawyer
     * finds it on their board; the old one no longer sees it, so the page they would come back to is the board.
     */
    @PostMapping("/cases/{id}/lawyer")
    String reassign(@PathVariable UUID id, @Valid @ModelAttribute("reassignForm") ReassignForm form, BindingResult result,
                    Authentication user, Locale locale, Model model, HttpServletResponse response) {
        ComplaintRecord complaint = ledger.find(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, null, "complaint " + id));
        access.requireReassignment(user, complaint.ref());
        if (!result.hasErrors()) {
            try {
                reassignment.reassign(id, form.getLawyer(), user.getName());
                return "redirect:/cases/" + id + "#history";
            } catch (ApiException e) {
                Forms.reject(result, "lawyer", e);
            }
        }
        model.addAttribute("eventForm", new EventForm());
        model.addAttribute("fileForm", new FileForm());
        return Forms.refused(response, page(ledger.find(id).orElseThrow(), user, false, locale, model));
    }

    /** The same DOCX as the API's download, for a browser session (the API takes HTTP Basic only). */
    @GetMapping("/cases/{id}/letters/{letterId}")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID letterId, Authentication user) {
        ComplaintRecord complaint = ledger.find(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, null, "complaint " + id));
        access.requireIdentity(user, complaint.ref());
        LetterStore.StoredLetter letter = letters.find(letterId).filter(l -> l.complaintId().equals(id))
                .orElseThrow(() -> ApiException.notFound("letter " + letterId));
        String filename = "%s-%s-%s-v%d.docx".formatted(complaint.caseNumber(), letter.kind(), letter.language(), letter.version());
        return ResponseEntity.ok()
                .contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(letters.content(letter));
    }

    /**
     * The case page. Medical facts appear only on the audited read (GET), not on a form re-shown with its errors after
     * a POST: every disclosure of them is then one CASE_READ entry.
     */
    private String page(ComplaintRecord complaint, Authentication user, boolean showMedical, Locale locale, Model model) {
        ComplaintView view = queries.view(complaint, access.seesIdentity(user, complaint.ref()), showMedical, Languages.of(locale));
        model.addAttribute("c", view);
        model.addAttribute("current", currentElements(view));
        model.addAttribute("diagramLabels", diagram.labels(locale));
        model.addAttribute("diagramDeadlines", diagram.deadlines(view, locale));
        model.addAttribute("diagramRungs", diagram.rungs(view));
        model.addAttribute("engineCatchingUp", engine.catchingUp());
        model.addAttribute("deadlines", view.deadlines().stream().map(d -> new DeadlineLine(d, Formats.date(d.lastDay()),
                Formats.almaty(d.dueAt()))).toList());
        model.addAttribute("history", history(view, letters.reviewsOfComplaint(complaint.id())));
        model.addAttribute("acknowledgements", acknowledgements.of(complaint.id()));
        model.addAttribute("letters", view.letters().stream().map(l -> new LetterLine(l, Formats.almaty(l.createdAt()),
                Formats.almaty(l.filedAt()), "DRAFT".equals(l.status()) || "APPROVED".equals(l.status()))).toList());
        model.addAttribute("filedAt", Formats.almaty(view.filedAt()));
        model.addAttribute("copyMissing", view.warnings().stream().anyMatch(w -> w.startsWith("COPY_MISSING")));
        model.addAttribute("canWrite", canWrite(user, complaint));
        addGrants(complaint, user, model);
        addActs(view, model);
        addReassignment(view, user, model);
        model.addAttribute("channels", FileForm.CHANNELS);
        model.addAttribute("caseFileGroups", CaseFileForm.GROUPS);
        if (!model.containsAttribute("caseFileRefused")) {
            model.addAttribute("caseFileRefused", false);
        }
        return "case";
    }

    /**
     * The ledger's events and the letters' reviews (who approved or rejected which letter, when, with what comment), in
     * the order they happened. A comment may quote the letter, so it is shown only to those who see the identity.
     */
    private static List<HistoryLine> history(ComplaintView view, List<LetterStore.Review> reviews) {
        java.util.ArrayDeque<LetterStore.Review> pending = new java.util.ArrayDeque<>(reviews); // oldest first
        java.util.Map<java.util.UUID, ComplaintView.HistoryView> byId = new java.util.HashMap<>();
        view.history().forEach(h -> byId.put(h.id(), h));
        List<HistoryLine> lines = new java.util.ArrayList<>();
        for (ComplaintView.HistoryView h : view.history()) { // the ledger's order stays; a review goes before what came after it
            while (!pending.isEmpty() && h.at() != null && pending.peek().reviewedAt().isBefore(h.at())) {
                lines.add(reviewLine(view, pending.poll()));
            }
            lines.add(HistoryLine.of(h, byId));
        }
        pending.forEach(r -> lines.add(reviewLine(view, r)));
        return lines;
    }

    private static HistoryLine reviewLine(ComplaintView view, LetterStore.Review r) {
        String comment = view.victim() != null ? r.note() : null; // a comment may quote the letter, which names the victim
        var h = new ComplaintView.HistoryView(null, 0, "LETTER_" + r.decision().name(), r.reviewedAt(), null, null, null,
                null, null, null, "USER", r.reviewedBy(), r.reviewedAt(), null, r.kind(), null, null, null, null, null, null,
                comment, null, null);
        return HistoryLine.of(h, java.util.Map.of());
    }

    /**
     * The acts that fit where the case stands ({@link CaseAct}), each field marked with the acts that read it (the
     * page's script shows a field only for those), the first act chosen unless the form came back with one.
     */
    private void addActs(ComplaintView view, Model model) {
        List<CaseAct> acts = CaseAct.available(view);
        model.addAttribute("acts", acts);
        java.util.Map<String, String> fieldActs = new java.util.HashMap<>();
        for (CaseAct.Field field : CaseAct.Field.values()) {
            fieldActs.put(field.name(), String.join(" ", acts.stream().filter(a -> a.has(field)).map(Enum::name).toList()));
        }
        model.addAttribute("fieldActs", fieldActs);
        java.util.Map<String, String> optionActs = new java.util.HashMap<>();
        for (EventCommand.Authority a : EventCommand.Authority.values()) {
            optionActs.put(a.name(), String.join(" ", acts.stream().filter(x -> x.authorities().size() > 1 && x.authorities().contains(a)).map(Enum::name).toList()));
        }
        for (EventCommand.Outcome o : EventCommand.Outcome.values()) {
            optionActs.put(o.name(), String.join(" ", acts.stream().filter(x -> x.outcomes().size() > 1 && x.outcomes().contains(o)).map(Enum::name).toList()));
        }
        model.addAttribute("optionActs", optionActs);
        // Chosen at first: the authority's (or the Committee's, the State's) act the ladder waits for. When it waits for
        // the applicant (a letter to file), nothing is chosen: closing the case is never what a click records by default.
        List<CaseAct> awaited = acts.stream().filter(a -> a != CaseAct.COPY_RECEIVED && a != CaseAct.CLOSED).toList();
        model.addAttribute("applicantsTurn", awaited.isEmpty());
        EventForm form = (EventForm) model.getAttribute("eventForm");
        if (form != null && form.getType() == null && !awaited.isEmpty()) {
            form.setType(awaited.get(0));
        }
        model.addAttribute("authorities", java.util.Arrays.stream(EventCommand.Authority.values())
                .filter(a -> !optionActs.get(a.name()).isEmpty()).toList());
        model.addAttribute("outcomes", java.util.Arrays.stream(EventCommand.Outcome.values())
                .filter(o -> !optionActs.get(o.name()).isEmpty()).toList());
        model.addAttribute("reasons", EventCommand.DecisionReason.values());
        model.addAttribute("routes", EventCommand.Route.values());
        model.addAttribute("committees", EventCommand.Committee.values());
        model.addAttribute("closeReasons", EventCommand.CloseReason.values());
        model.addAttribute("awaitingCopy", CaseAct.awaitingCopy(view).stream().map(f -> new CopyCandidate(f.eventId(), f.type(),
                f.authority(), Formats.almaty(f.decidedAt()))).toList());
    }

    /** Administrators and coordinators hand an open case to another lawyer; the form offers the other lawyers. */
    private void addReassignment(ComplaintView view, Authentication user, Model model) {
        boolean reassigns = access.canReassign(user) && "OPEN".equals(view.status());
        model.addAttribute("reassigns", reassigns);
        model.addAttribute("lawyers", reassigns ? accounts.all().stream()
                .filter(a -> a.role() == Role.LAWYER && !a.username().equals(view.lawyer())).toList() : List.of());
    }

    /**
     * Who holds which grant on the case; for those who manage grants, the form, offering the users a grant fits (staff
     * to assign, coordinators to show the identity to).
     */
    private void addGrants(ComplaintRecord complaint, Authentication user, Model model) {
        boolean manages = access.managesGrants(user, complaint.ref());
        model.addAttribute("grants", grants.of(complaint.id()).stream()
                .map(g -> new GrantLine(g, Formats.almaty(g.grantedAt()))).toList());
        model.addAttribute("managesGrants", manages);
        if (!model.containsAttribute("grantForm")) {
            model.addAttribute("grantForm", new GrantForm());
        }
        model.addAttribute("grantees", manages ? accounts.all().stream()
                .filter(a -> a.role() == Role.STAFF || a.role() == Role.COORDINATOR).toList() : List.of());
        model.addAttribute("grantKinds", GrantKind.values());
    }

    record GrantLine(CaseGrants.Grant g, String at) {}

    /** The main process's elements where the complaint stands: one per open rung (two during a challenge). */
    static List<String> currentElements(ComplaintView view) {
        return view.rungs().stream()
                .map(r -> Processes.resumeElement(new Track(null, view.id(), Rung.valueOf(r.rung()), Step.valueOf(r.step()), r.openedAt())))
                .distinct()
                .toList();
    }

    /** The case page again, answered 400, for a form another page controller refused (the attachments' upload). */
    String refusedPage(UUID id, Authentication user, Locale locale, Model model, HttpServletResponse response) {
        ComplaintRecord complaint = readable(id, user);
        model.addAttribute("eventForm", new EventForm());
        model.addAttribute("reassignForm", new ReassignForm());
        model.addAttribute("fileForm", new FileForm());
        return Forms.refused(response, page(complaint, user, access.seesMedicalFacts(user, complaint.ref()), locale, model));
    }

    private ComplaintRecord readable(UUID id, Authentication user) {
        ComplaintRecord complaint = ledger.find(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, null, "complaint " + id));
        access.requireRead(user, complaint.ref());
        return complaint;
    }

    private ComplaintRecord grantable(UUID id, Authentication user) {
        ComplaintRecord complaint = ledger.find(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, null, "complaint " + id));
        access.requireGrantManagement(user, complaint.ref());
        return complaint;
    }

    private ComplaintRecord writable(UUID id, Authentication user) {
        ComplaintRecord complaint = ledger.find(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, null, "complaint " + id));
        access.requireWrite(user, complaint.ref());
        return complaint;
    }

    /** CaseAccess.requireWrite without its denial log: merely viewing a case as a coordinator is not an attempt to change it. */
    private boolean canWrite(Authentication user, ComplaintRecord complaint) {
        return access.canWrite(user, complaint.ref());
    }
}
