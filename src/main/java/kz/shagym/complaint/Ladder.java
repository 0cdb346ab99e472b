package kz.shagym.complaint;

import static kz.shagym.complaint.EventCommand.Authority.APPEAL_COURT;
import static kz.shagym.complaint.EventCommand.Authority.INTERNAL_SECURITY;
import static kz.shagym.complaint.EventCommand.Authority.INVESTIGATIVE_JUDGE;
import static kz.shagym.complaint.EventCommand.Authority.INVESTIGATOR;
import static kz.shagym.complaint.EventCommand.Authority.PROSECUTOR;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.shagym.clock.ShagymClock;
import kz.shagym.complaint.DeadlinePlanner.Trigger;
import kz.shagym.complaint.EventCommand.Authority;
import kz.shagym.complaint.EventCommand.Committee;
import kz.shagym.complaint.EventCommand.Outcome;
import kz.shagym.complaint.EventCommand.Route;
import kz.shagym.deadline.DeadlineCalculator;
import kz.shagym.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The ladder's rules applied to the ledger. Every change of a complaint's rungs goes through here: events recorded
 * through the API, and outcomes the engine reports when a timer fires (silence, reminders, missed deadlines).
 * The BPMN in bpmn/ draws the same ladder; process tests walk both together so they cannot drift apart.
 */
@Service
public class Ladder {

    private static final Logger log = LoggerFactory.getLogger(Ladder.class);
    /** Stands in for "no clock" in a timer variable: Zeebe needs a date, and this one never fires. */
    private static final String INTERIM_MEASURES = "interimMeasures=true";
    /** How a CLOSED event's detail names its reason, for the timeline to translate it. */
    public static final String CLOSE_REASON = "closeReason=";
    public static final Instant NO_CLOCK = Instant.parse("9999-12-31T00:00:00Z");

    private final ComplaintLedger ledger;
    private final DeadlinePlanner planner;
    private final ShagymClock clock;
    private final LedgerTransactions transactions;
    private final MedicalFactsService medical;
    private final CaseFileService caseFiles;
    private final Duration silenceGrace;
    private final kz.shagym.security.CaseGrants grants;
    private final RegionCatalog regions;

    Ladder(ComplaintLedger ledger, DeadlinePlanner planner, ShagymClock clock, LedgerTransactions transactions,
           MedicalFactsService medical, @Value("${shagym.ladder.silence-grace:P1D}") Duration silenceGrace,
           kz.shagym.security.CaseGrants grants, RegionCatalog regions, CaseFileService caseFiles) {
        this.caseFiles = caseFiles;
        this.grants = grants;
        this.regions = regions;
        this.ledger = ledger;
        this.planner = planner;
        this.clock = clock;
        this.transactions = transactions;
        this.medical = medical;
        this.silenceGrace = silenceGrace;
    }

    /**
     * When the engine acts on a deadline: at its legal end, but never sooner than a grace period after the deadline
     * was recorded. A lawyer entering an old case must have time to record what did happen (the authority's answer,
     * a filing made in time) before the ladder treats a past date as silence or as a missed term.
     */
    public String timerAt(DeadlineRecord deadline) {
        if (deadline == null) {
            return NO_CLOCK.toString();
        }
        Instant earliest = deadline.createdAt().plus(silenceGrace);
        return (deadline.dueAt().isBefore(earliest) ? earliest : deadline.dueAt()).toString();
    }

    // =========================================================================================================
    // Intake
    // =========================================================================================================

    public ComplaintRecord register(NewComplaint request, String lawyer) {
        return register(request, lawyer, null);
    }

    /**
     * Registers the complaint; {@code assignStaff} (a staff member registering it, or null) is assigned to it in the
     * same transaction, so that the case never exists out of its registrant's sight.
     */
    public ComplaintRecord register(NewComplaint request, String lawyer, String assignStaff) {
        return transactions.write(() -> {
            Instant now = clock.instant();
            Instant filedAt = request.filedAt().toInstant();
            Dates.check("filedAt", filedAt, now);
            requireFrom("victim.birthDate", request.victim().birthDate(), EARLIEST_BIRTH);
            requireFrom("incidentDate", request.incidentDate(), localDate(Dates.EARLIEST));
            if (request.incidentDate() != null && request.incidentDate().isAfter(localDate(filedAt))) {
                throw new InvalidFact("incidentDate", FactProblem.INCIDENT_AFTER_FILING, filedAt);
            }
            LocalDate born = request.victim().birthDate();
            if (born != null && request.incidentDate() != null && !born.isBefore(request.incidentDate())) {
                throw new InvalidFact("victim.birthDate", FactProblem.BIRTH_NOT_BEFORE_INCIDENT, request.incidentDate());
            }
            // stored as its code: one region is one value on the board, whichever spelling the API was sent
            RegionCatalog.Region region = regions.resolve(request.region())
                    .orElseThrow(() -> new InvalidFact("region", FactProblem.UNKNOWN_REGION, regions.all()));
            MedicalFacts medicalFacts = medical.checked(request.medical(), request.incidentDate(), "medical.");
            CaseFile caseFile = caseFiles.checked(request.caseFile(), request.incidentDate(), "caseFile.");
            UUID id = UUID.randomUUID();
            String caseNumber = "SHG-%d-%06d".formatted(localDate(now).getYear(), ledger.nextCaseSequence());
            ComplaintRecord complaint = new ComplaintRecord(id, caseNumber, region.code(), request.allegation().name(),
                    request.filedWith().name(), filedAt, request.incidentDate(), request.language(), Stage.FILED_WITH_AUTHORITY,
                    "OPEN", lawyer, request.victim().fullName().strip(), request.victim().birthDate(), null, null, null, now, now);
            ledger.insertComplaint(complaint);
            if (assignStaff != null) {
                grants.assignOnRegistration(id, assignStaff);
            }
            if (!medicalFacts.isEmpty()) {
                ledger.updateMedicalFacts(id, medicalFacts, now);
            }
            if (!caseFile.isEmpty()) {
                ledger.updateCaseFile(id, caseFile, now);
            }
            EventRecord filed = ledger.appendEvent(id, EventType.REPORT_FILED, filedAt, null, null, request.filedWith().name(),
                    null, Rung.FILED_WITH_AUTHORITY, null, "USER", lawyer, now);
            Track track = ledger.openTrack(id, Rung.FILED_WITH_AUTHORITY, Step.AWAITING_RESPONSE, now);
            Trigger received = new Trigger("REPORT_RECEIVED", filedAt, filed.id(), "occurredAt");
            ledger.insertDeadline(planner.plan(id, track.id(), DeadlineRole.REGISTRATION, received, now));
            ledger.insertDeadline(planner.plan(id, track.id(), DeadlineRole.AUTHORITY_RESPONSE, received, now));
            LadderEffects.Builder effects = new LadderEffects.Builder(id);
            effects.startInstance();
            transactions.publish(effects);
            return ledger.find(id).orElseThrow();
        });
    }

    // =========================================================================================================
    // Events recorded by people
    // =========================================================================================================

    public void record(UUID complaintId, EventCommand command, String user) {
        transactions.write(() -> {
            ComplaintRecord complaint = ledger.lock(complaintId).orElseThrow(() -> ApiException.notFound("complaint " + complaintId));
            if (!command.type().userRecordable()) {
                throw ApiException.badRequest("type", command.type() + " is recorded by the application itself, not through the API");
            }
            if (!complaint.open()) {
                throw new InvalidFact(null, FactProblem.CASE_CLOSED, complaint.caseNumber());
            }
            Instant now = clock.instant();
            Dates dates = Dates.of(command, now);
            Change change = new Change(complaint, ledger.openTracks(complaintId), now, user);
            change.recording = command.type();
            switch (command.type()) {
                case REGISTERED -> registered(change, command, dates);
                case FORWARDED_TO_INTERNAL_SECURITY -> forwarded(change, command, dates);
                case DECISION -> decision(change, command, dates);
                case COPY_RECEIVED -> copyReceived(change, command, dates);
                case FILED -> filed(change, command, dates);
                case UN_SUBMITTED -> unSubmitted(change, command, dates, command.committee());
                case UN_TRANSMITTED -> unTransmitted(change, command, dates);
                case STATE_REPLY -> stateReply(change, command, dates);
                case VIEWS_ADOPTED -> viewsAdopted(change, command, dates);
                case FOLLOW_UP_REPLY -> followUpReply(change, command, dates);
                case CLOSED -> closed(change, command, dates);
                default -> throw ApiException.badRequest("type", command.type() + " cannot be recorded through the API");
            }
            change.commit();
        });
    }

    private void registered(Change change, EventCommand command, Dates dates) {
        Track filed = change.require(Rung.FILED_WITH_AUTHORITY, Step.AWAITING_RESPONSE,
                "REGISTERED fits only while the authority has not yet answered the report (stage FILED_WITH_AUTHORITY)");
        EventRecord event = change.event(command, dates, Rung.FILED_WITH_AUTHORITY);
        change.closeTrack(filed, "registered", dates.occurred());
        change.openInvestigation();
        change.message("authority-registered", event, Map.of("authorityResponse", "registered"));
    }

    private void forwarded(Change change, EventCommand command, Dates dates) {
        Track filed = change.require(Rung.FILED_WITH_AUTHORITY, Step.AWAITING_RESPONSE,
                "FORWARDED_TO_INTERNAL_SECURITY fits only while the authority has not yet answered the report (stage FILED_WITH_AUTHORITY)");
        EventRecord event = change.event(command, dates, Rung.FILED_WITH_AUTHORITY);
        change.closeTrack(filed, "forwarded", dates.occurred());
        change.requestCopyIfMissing(event, dates);
        if (dates.learned() == null) {
            // Not told yet: the court clock cannot start, internal security owes the applicant a notice first.
            Track check = change.openTrack(Rung.INTERNAL_SECURITY_CHECK, Step.AWAITING_NOTICE);
            change.plan(check, DeadlineRole.AUTHORITY_NOTICE, new Trigger("FORWARDED", dates.occurred(), event.id(), "occurredAt"));
            change.message("authority-forwarded", event, Map.of("authorityResponse", "internal-security"));
            return;
        }
        boolean judgeRouteOpen = change.openChallenge(new Trigger("LEARNED_OF_DECISION", dates.learned(), event.id(), "learnedAt"), command.routes());
        change.message("authority-forwarded", event, Map.of("authorityResponse", "challenge", "judgeRouteOpen", judgeRouteOpen));
    }

    private void decision(Change change, EventCommand command, Dates dates) {
        Authority authority = require(command.authority(), "authority", "is required for a DECISION: one of " + List.of(Authority.values()));
        Outcome outcome = require(command.outcome(), "outcome", "is required for a DECISION: REFUSED, GRANTED or TERMINATED");
        Optional<Track> filed = change.open(Rung.FILED_WITH_AUTHORITY);
        if (filed.isPresent() && EnumSet.of(INTERNAL_SECURITY, PROSECUTOR, INVESTIGATOR).contains(authority)) {
            refusalToRegister(change, command, dates, filed.get(), outcome);
        } else if (authority == INTERNAL_SECURITY && change.open(Rung.INTERNAL_SECURITY_CHECK).isPresent()) {
            internalSecurityDecision(change, command, dates);
        } else if (authority == INVESTIGATOR && change.open(Rung.INVESTIGATION).isPresent()) {
            investigationDecision(change, command, dates, outcome);
        } else if (authority == PROSECUTOR && change.open(Rung.PROSECUTOR_COMPLAINT).isPresent()) {
            prosecutorDecision(change, command, dates, outcome);
        } else if (authority == INVESTIGATIVE_JUDGE && change.open(Rung.INVESTIGATIVE_JUDGE).isPresent()) {
            judgeDecision(change, command, dates, outcome);
        } else if (authority == APPEAL_COURT && change.open(Rung.APPEAL).isPresent()) {
            appealDecision(change, command, dates, outcome);
        } else {
            throw new InvalidFact(null, FactProblem.NO_RUNG_AWAITS_AUTHORITY, authority, change.stage());
        }
    }

    private void refusalToRegister(Change change, EventCommand command, Dates dates, Track filed, Outcome outcome) {
        if (outcome == Outcome.GRANTED) {
            registered(change, command, dates);
            return;
        }
        if (outcome == Outcome.TERMINATED) {
            throw new InvalidFact(null, FactProblem.NEVER_REGISTERED_NOT_TERMINATED);
        }
        EventRecord event = change.event(command, dates, Rung.FILED_WITH_AUTHORITY);
        change.closeTrack(filed, "refused", dates.occurred());
        change.requestCopyIfMissing(event, dates);
        boolean judgeRouteOpen = change.openChallenge(learnedTrigger(event, dates), command.routes());
        change.message("authority-refused", event, Map.of("authorityResponse", "challenge", "judgeRouteOpen", judgeRouteOpen));
    }

    private void internalSecurityDecision(Change change, EventCommand command, Dates dates) {
        Track check = change.open(Rung.INTERNAL_SECURITY_CHECK).orElseThrow();
        EventRecord event = change.event(command, dates, Rung.INTERNAL_SECURITY_CHECK);
        change.closeTrack(check, "notified", dates.occurred());
        change.requestCopyIfMissing(event, dates);
        boolean judgeRouteOpen = change.openChallenge(learnedTrigger(event, dates), command.routes());
        change.message("internal-security-notice", event, Map.of("judgeRouteOpen", judgeRouteOpen));
    }

    private void investigationDecision(Change change, EventCommand command, Dates dates, Outcome outcome) {
        if (outcome == Outcome.GRANTED) {
            throw new InvalidFact(null, FactProblem.INVESTIGATION_ALREADY_RUNNING);
        }
        Track investigation = change.open(Rung.INVESTIGATION).orElseThrow();
        EventRecord event = change.event(command, dates, Rung.INVESTIGATION);
        change.closeTrack(investigation, "terminated", dates.occurred());
        change.requestCopyIfMissing(event, dates);
        boolean judgeRouteOpen = change.openChallenge(learnedTrigger(event, dates), command.routes());
        change.message("investigation-terminated", event, Map.of("judgeRouteOpen", judgeRouteOpen));
    }

    private void prosecutorDecision(Change change, EventCommand command, Dates dates, Outcome outcome) {
        Filed decided = decisionOnFiledComplaint(change, command, dates, Rung.PROSECUTOR_COMPLAINT,
                "the complaint to the prosecutor has not been filed yet: record FILED with its letterId first");
        if (registeredBy(change, decided.event(), dates, outcome, "prosecutor-decision", "prosecutorOutcome")) {
            return;
        }
        change.closeTrack(decided.track(), "refused", dates.occurred());
        change.message("prosecutor-decision", decided.event(), Map.of("prosecutorOutcome", "refused"));
        // Art. 106 trigger (b): the prosecutor's refusal starts (or restarts) the court clock.
        change.openOrExtendJudgeRoute(new Trigger("PROSECUTOR_REFUSAL", firstNonNull(dates.learned(), dates.occurred()),
                decided.event().id(), dates.learned() != null ? "learnedAt" : "occurredAt"), decided.event());
    }

    private void judgeDecision(Change change, EventCommand command, Dates dates, Outcome outcome) {
        Filed decided = decisionOnFiledComplaint(change, command, dates, Rung.INVESTIGATIVE_JUDGE,
                "the complaint to the investigative judge has not been filed yet: record FILED with its letterId first");
        if (registeredBy(change, decided.event(), dates, outcome, "judge-decision", "judgeOutcome")) {
            return;
        }
        change.closeTrack(decided.track(), "refused", dates.occurred());
        Track appeal = change.openTrack(Rung.APPEAL, Step.AWAITING_FILING);
        // Art. 107: the appeal term runs from the issuance of the decision, not from learning of it.
        change.plan(appeal, DeadlineRole.APPEAL_FILING, new Trigger("DECISION_ISSUED", dates.occurred(), decided.event().id(), "occurredAt"));
        change.message("judge-decision", decided.event(), Map.of("judgeOutcome", "refused"));
    }

    private void appealDecision(Change change, EventCommand command, Dates dates, Outcome outcome) {
        Filed decided = decisionOnFiledComplaint(change, command, dates, Rung.APPEAL,
                "the appeal has not been filed yet: record FILED with its letterId first");
        if (registeredBy(change, decided.event(), dates, outcome, "appeal-decision", "appealOutcome")) {
            return;
        }
        change.message("appeal-decision", decided.event(), Map.of("appealOutcome", "refused"));
        change.closeChallenge("exhausted", dates.occurred());
        change.domesticRemediesExhausted(decided.event(), dates.occurred());
    }

    /** A rung whose complaint was filed, and the decision recorded on it. */
    private record Filed(Track track, EventRecord event) {}

    /** Prosecutor, judge and appeal court decide only a filed complaint; a decision without its copy asks for one. */
    private static Filed decisionOnFiledComplaint(Change change, EventCommand command, Dates dates, Rung rung, String notFiled) {
        Track track = change.open(rung).filter(t -> t.step() == Step.AWAITING_DECISION)
                .orElseThrow(() -> change.open(rung).isPresent()
                        ? new InvalidFact(null, FactProblem.COMPLAINT_NOT_FILED, rung, change.stage())
                        : change.notAtThisStage(rung, notFiled));
        change.notBefore(Dates.field(command), dates.occurred(), FactProblem.DECISION_BEFORE_FILING,
                e -> e.type() == EventType.FILED && rung.name().equals(e.rung()));
        EventRecord event = change.event(command, dates, rung);
        change.requestCopyIfMissing(event, dates);
        return new Filed(track, event);
    }

    /** Any court or the prosecutor granting the complaint gets the report registered: the whole challenge ends. */
    private static boolean registeredBy(Change change, EventRecord event, Dates dates, Outcome outcome, String message,
                                        String outcomeVariable) {
        if (outcome != Outcome.GRANTED) {
            return false;
        }
        change.message(message, event, Map.of(outcomeVariable, "granted"));
        change.reportRegistered(dates.occurred());
        return true;
    }

    private void copyReceived(Change change, EventCommand command, Dates dates) {
        EventRecord decision = change.decisionAwaitingCopy(command.decisionEventId());
        Instant received = dates.occurred();
        if (received.isBefore(decision.occurredAt())) {
            throw new InvalidFact(Dates.field(command), FactProblem.COPY_BEFORE_DECISION, decision.occurredAt());
        }
        ledger.correctEventDates(decision.id(), decision.occurredAt(), decision.learnedAt(), received);
        change.event(command, dates, null, "decision " + decision.id());
    }

    private void filed(Change change, EventCommand command, Dates dates) {
        UUID letterId = require(command.letterId(), "letterId", "is required: the id of the letter that was filed");
        LetterRow letter = change.letter(letterId);
        Instant filedAt = firstNonNull(toInstant(command.filedAt()), dates.occurred());
        switch (letter.kind()) {
            case "COMPLAINT_PROSECUTOR" -> {
                Track prosecutor = change.require(Rung.PROSECUTOR_COMPLAINT, Step.AWAITING_FILING,
                        "the complaint to the prosecutor is not waiting to be filed");
                change.notBefore(Dates.field(command), filedAt, FactProblem.FILING_BEFORE_DECISION, Ladder::contestedByChallenge);
                EventRecord event = change.event(command, dates, Rung.PROSECUTOR_COMPLAINT, letter.kind());
                change.fileLetter(letter, filedAt, command.channel());
                change.step(prosecutor, Step.AWAITING_DECISION);
                Trigger trigger = new Trigger("COMPLAINT_FILED", filedAt, event.id(), "filedAt");
                DeadlineRecord expected = change.plan(prosecutor, DeadlineRole.ANSWER_EXPECTED, trigger);
                DeadlineRecord silence = change.plan(prosecutor, DeadlineRole.PROSECUTOR_SILENCE, trigger);
                change.message("prosecutor-complaint-filed", event, Map.of(
                        "answerExpectedAt", timerAt(expected), "authorityDueAt", timerAt(silence)));
            }
            case "COMPLAINT_INVESTIGATIVE_JUDGE" -> courtFiling(change, command, dates, letter, filedAt, Rung.INVESTIGATIVE_JUDGE,
                    DeadlineRole.JUDGE_COMPLAINT, DeadlineRole.JUDGE_DECISION, "judge-complaint-filed");
            case "APPEAL" -> courtFiling(change, command, dates, letter, filedAt, Rung.APPEAL,
                    DeadlineRole.APPEAL_FILING, DeadlineRole.APPEAL_DECISION, "appeal-filed");
            case "CAT_COMMUNICATION" -> unSubmitted(change, command, new Dates(filedAt, null, null), Committee.CAT, letter, filedAt);
            case "HRC_COMMUNICATION" -> unSubmitted(change, command, new Dates(filedAt, null, null), Committee.HRC, letter, filedAt);
            default -> {
                // Motions and requests: the authority owes a decision on a motion within the art. 99 term.
                EventRecord event = change.event(command, dates, null, letter.kind());
                change.fileLetter(letter, filedAt, command.channel());
                if (!"INTERIM_MEASURES".equals(letter.kind())) {
                    change.plan(null, DeadlineRole.MOTION_DECISION, new Trigger("MOTION_FILED", filedAt, event.id(), "filedAt"));
                }
            }
        }
    }

    private void courtFiling(Change change, EventCommand command, Dates dates, LetterRow letter, Instant filedAt, Rung rung,
                             DeadlineRole filingRole, DeadlineRole decisionRole, String messageName) {
        if (change.open(rung).map(t -> t.step() == Step.AWAITING_ROUTE).orElse(false)) {
            // the court route opens after the prosecutor's refusal or 15 сутки of his silence
            throw new InvalidFact(null, FactProblem.JUDGE_ROUTE_WAITS);
        }
        Track track = change.require(rung, Step.AWAITING_FILING, "the " + letter.kind() + " letter is not waiting to be filed");
        change.notBefore(Dates.field(command), filedAt, FactProblem.FILING_BEFORE_DECISION, rung == Rung.APPEAL
                ? e -> e.type() == EventType.DECISION && Rung.INVESTIGATIVE_JUDGE.name().equals(e.rung())
                : Ladder::contestedByChallenge);
        EventRecord event = change.event(command, dates, rung, letter.kind());
        change.fileLetter(letter, filedAt, command.channel());
        change.closeDeadline(track, filingRole, filedAt);
        change.step(track, Step.AWAITING_DECISION);
        DeadlineRecord decision = change.plan(track, decisionRole, new Trigger("COMPLAINT_FILED", filedAt, event.id(), "filedAt"));
        change.message(messageName, event, Map.of("authorityDueAt", timerAt(decision)));
    }

    private void unSubmitted(Change change, EventCommand command, Dates dates, Committee committee) {
        unSubmitted(change, command, dates, committee, null, dates.occurred());
    }

    private void unSubmitted(Change change, EventCommand command, Dates dates, Committee committee, LetterRow letter, Instant at) {
        require(committee, "committee", "is required: CAT or HRC");
        Track exhausted = change.require(Rung.DOMESTIC_REMEDIES_EXHAUSTED, Step.AWAITING_SUBMISSION,
                "a UN communication can be submitted once domestic remedies are exhausted (stage DOMESTIC_REMEDIES_EXHAUSTED)");
        change.notBefore(Dates.field(command), at, FactProblem.FILING_BEFORE_DECISION,
                e -> e.type() == EventType.DECISION && Rung.APPEAL.name().equals(e.rung()));
        boolean interim = Boolean.TRUE.equals(command.interimMeasures());
        EventRecord event = change.event(command, dates, Rung.DOMESTIC_REMEDIES_EXHAUSTED,
                committee.name() + (interim ? " " + INTERIM_MEASURES : ""));
        if (letter != null) {
            change.fileLetter(letter, at, command.channel());
        }
        change.withdrawOtherCommunication(committee);
        for (DeadlineRecord d : ledger.openDeadlinesOfTrack(exhausted.id())) {
            ledger.closeDeadline(d.id(), at.isAfter(d.dueAt()) ? "MISSED" : "MET", change.now);
        }
        ledger.closeTrack(exhausted.id(), "submitted", change.now);
        change.tracks.remove(exhausted);
        ledger.updateUnFacts(change.complaint.id(), null, committee.name());
        change.openTrack(Rung.UN_COMMUNICATION, Step.AWAITING_TRANSMITTAL);
        change.message("un-submitted", event, Map.of("committee", committee.name(), "interimMeasures", interim));
    }

    private void unTransmitted(Change change, EventCommand command, Dates dates) {
        Track un = change.require(Rung.UN_COMMUNICATION, Step.AWAITING_TRANSMITTAL, "no UN communication is waiting for transmittal to the State");
        change.notBefore(Dates.field(command), dates.occurred(), FactProblem.TRANSMITTAL_BEFORE_SUBMISSION,
                e -> Rung.DOMESTIC_REMEDIES_EXHAUSTED.name().equals(e.rung())
                        && (e.type() == EventType.UN_SUBMITTED || e.type() == EventType.FILED));
        EventRecord event = change.event(command, dates, Rung.UN_COMMUNICATION);
        change.step(un, Step.AWAITING_STATE_REPLY);
        DeadlineRole role = "HRC".equals(change.committee()) ? DeadlineRole.HRC_STATE_REPLY : DeadlineRole.CAT_STATE_REPLY;
        DeadlineRecord reply = change.plan(un, role, new Trigger("TRANSMITTED_TO_STATE", dates.occurred(), event.id(), "occurredAt"));
        change.message("un-transmitted", event, Map.of("authorityDueAt", timerAt(reply)));
    }

    private void stateReply(Change change, EventCommand command, Dates dates) {
        Track un = change.open(Rung.UN_COMMUNICATION)
                .filter(t -> t.step() == Step.AWAITING_STATE_REPLY || t.step() == Step.AWAITING_TRANSMITTAL)
                .orElseThrow(() -> change.notAtThisStage(Rung.UN_COMMUNICATION, "no UN communication is waiting for the State's observations"));
        change.notBefore(Dates.field(command), dates.occurred(), FactProblem.REPLY_BEFORE_TRANSMITTAL,
                e -> e.type() == EventType.UN_TRANSMITTED);
        EventRecord event = change.event(command, dates, Rung.UN_COMMUNICATION);
        change.closeOpenDeadlines(un, dates.occurred());
        change.step(un, Step.AWAITING_VIEWS);
        change.message("state-reply", event, Map.of());
    }

    private void viewsAdopted(Change change, EventCommand command, Dates dates) {
        Track un = change.open(Rung.UN_COMMUNICATION)
                .filter(t -> t.step() == Step.AWAITING_VIEWS || t.step() == Step.AWAITING_STATE_REPLY)
                .orElseThrow(() -> change.notAtThisStage(Rung.UN_COMMUNICATION, "no UN communication is waiting for Views"));
        change.notBefore(Dates.field(command), dates.occurred(), FactProblem.VIEWS_BEFORE_TRANSMITTAL,
                e -> e.type() == EventType.UN_TRANSMITTED);
        EventRecord event = change.event(command, dates, Rung.UN_COMMUNICATION);
        change.closeTrack(un, "views", dates.occurred());
        Track followUp = change.openTrack(Rung.UN_FOLLOW_UP, Step.AWAITING_FOLLOW_UP);
        DeadlineRole role = "HRC".equals(change.committee()) ? DeadlineRole.HRC_FOLLOW_UP : DeadlineRole.CAT_FOLLOW_UP;
        // The State's term runs from the transmittal of the decision, which the applicant learns of with it.
        change.plan(followUp, role, learnedTrigger(event, dates));
        change.message("views-adopted", event, Map.of());
    }

    private void followUpReply(Change change, EventCommand command, Dates dates) {
        Track followUp = change.require(Rung.UN_FOLLOW_UP, Step.AWAITING_FOLLOW_UP, "no follow-up information is awaited (stage " + change.stage() + ")");
        change.notBefore(Dates.field(command), dates.occurred(), FactProblem.FOLLOW_UP_BEFORE_VIEWS,
                e -> e.type() == EventType.VIEWS_ADOPTED);
        EventRecord event = change.event(command, dates, Rung.UN_FOLLOW_UP);
        change.closeTrack(followUp, "replied", dates.occurred());
        change.message("follow-up-reply", event, Map.of());
    }

    private void closed(Change change, EventCommand command, Dates dates) {
        // The reason is optional on the API (scripts written before it existed close cases without one); OTHER says nothing by itself.
        if (command.closeReason() == EventCommand.CloseReason.OTHER && (command.note() == null || command.note().isBlank())) {
            throw ApiException.badRequest("note", "is required when the closing reason is OTHER: say why the case is closed");
        }
        EventRecord event = change.event(command, dates, null,
                command.closeReason() == null ? null : CLOSE_REASON + command.closeReason().name());
        for (Track track : List.copyOf(change.tracks)) {
            change.closeTrack(track, "closed", dates.occurred(), "CANCELLED");
        }
        change.message("complaint-closed", event, Map.of());
    }

    // =========================================================================================================
    // Outcomes reported by the engine (job workers)
    // =========================================================================================================

    /** A rung's process starts (first time or after a resume): tell it where the rung stands and when its timers fire. */
    public Map<String, Object> openRung(UUID complaintId, Rung rung) {
        return transactions.read(() -> {
            Optional<Track> track = ledger.openTracks(complaintId).stream().filter(t -> t.rung() == rung).findFirst();
            Map<String, Object> variables = new HashMap<>();
            if (track.isEmpty()) {
                // The ledger closed the rung before its process opened (an answer recorded within a second of intake): no
                // timer of it may fire, and the message the closing change published moves the process on. Without the
                // dates its timers would stop the process on an incident.
                log.info("engine opened rung {} of complaint {} after the ledger closed it; its timers stay off", rung, complaintId);
                variables.put("step", "UNKNOWN");
                for (String timer : List.of("authorityDueAt", "answerExpectedAt", "applicantDueAt", "applicantReminderAt",
                        "hrcLimitAt", "hrcReminderAt", "catDelayWarningAt")) {
                    variables.put(timer, NO_CLOCK.toString());
                }
                variables.put("interimMeasures", false);
                return variables;
            }
            variables.put("step", track.get().step().name());
            Map<DeadlineRole, DeadlineRecord> deadlines = new HashMap<>();
            ledger.deadlines(complaintId).stream()
                    .filter(d -> track.get().id().equals(d.trackId()) && d.supersededBy() == null)
                    .forEach(d -> deadlines.put(d.role(), d));
            switch (rung) {
                case FILED_WITH_AUTHORITY -> variables.put("authorityDueAt", timerAt(deadlines.get(DeadlineRole.AUTHORITY_RESPONSE)));
                case INTERNAL_SECURITY_CHECK -> variables.put("authorityDueAt", timerAt(deadlines.get(DeadlineRole.AUTHORITY_NOTICE)));
                case PROSECUTOR_COMPLAINT -> {
                    variables.put("answerExpectedAt", timerAt(deadlines.get(DeadlineRole.ANSWER_EXPECTED)));
                    variables.put("authorityDueAt", timerAt(deadlines.get(DeadlineRole.PROSECUTOR_SILENCE)));
                }
                case INVESTIGATIVE_JUDGE -> courtVariables(variables, deadlines, DeadlineRole.JUDGE_COMPLAINT, DeadlineRole.JUDGE_DECISION);
                case APPEAL -> courtVariables(variables, deadlines, DeadlineRole.APPEAL_FILING, DeadlineRole.APPEAL_DECISION);
                case DOMESTIC_REMEDIES_EXHAUSTED -> {
                    DeadlineRecord hrc = deadlines.get(DeadlineRole.HRC_SUBMISSION_LIMIT);
                    variables.put("hrcLimitAt", timerAt(hrc));
                    variables.put("hrcReminderAt", (hrc == null || hrc.reminderAt() == null ? NO_CLOCK : hrc.reminderAt()).toString());
                    variables.put("catDelayWarningAt", timerAt(deadlines.get(DeadlineRole.CAT_DELAY_WARNING)));
                }
                case UN_COMMUNICATION -> {
                    variables.put("interimMeasures", interimMeasuresRequested(complaintId));
                    variables.put("authorityDueAt", timerAt(deadlines.getOrDefault(DeadlineRole.HRC_STATE_REPLY,
                        deadlines.get(DeadlineRole.CAT_STATE_REPLY))));
                }
                case UN_FOLLOW_UP -> variables.put("authorityDueAt", timerAt(deadlines.getOrDefault(DeadlineRole.HRC_FOLLOW_UP,
                        deadlines.get(DeadlineRole.CAT_FOLLOW_UP))));
                case INVESTIGATION -> { }
            }
            return variables;
        });
    }

    /** Urgent cases: the submission asked the Committee for interim measures (CAT rule 114 / HRC rule 94). */
    private boolean interimMeasuresRequested(UUID complaintId) {
        return ledger.events(complaintId).stream()
                .filter(e -> e.type() == EventType.UN_SUBMITTED || e.type() == EventType.FILED)
                .anyMatch(e -> e.detail() != null && e.detail().contains(INTERIM_MEASURES));
    }

    private void courtVariables(Map<String, Object> variables, Map<DeadlineRole, DeadlineRecord> deadlines,
                                DeadlineRole filing, DeadlineRole decision) {
        DeadlineRecord filingDeadline = deadlines.get(filing);
        variables.put("applicantDueAt", timerAt(filingDeadline));
        variables.put("applicantReminderAt", (filingDeadline == null || filingDeadline.reminderAt() == null
                ? NO_CLOCK : filingDeadline.reminderAt()).toString());
        variables.put("authorityDueAt", timerAt(deadlines.get(decision)));
    }

    /**
     * An authority's (or the State's) legal time ran out. Returns the variables the rung's process needs to take the
     * silence branch. If the ledger has already moved on (an event raced the timer), the engine is re-planned from the ledger.
     */
    public Map<String, Object> silence(UUID complaintId, Rung rung) {
        return transactions.write(() -> {
            ComplaintRecord complaint = ledger.lock(complaintId).orElseThrow();
            Change change = new Change(complaint, ledger.openTracks(complaintId), clock.instant(), "engine");
            Optional<Track> track = change.open(rung);
            Map<String, Object> variables = new HashMap<>();
            if (!complaint.open() || track.isEmpty()) {
                log.info("silence on rung {} of complaint {} arrived after the ledger moved on; re-planning", rung, complaintId);
                change.effects.replan();
                change.commit();
                return variables;
            }
            Track t = track.get();
            switch (rung) {
                case FILED_WITH_AUTHORITY -> {
                    DeadlineRecord lapsed = change.deadline(t, DeadlineRole.AUTHORITY_RESPONSE);
                    EventRecord event = change.engineEvent(EventType.AUTHORITY_SILENT, rung, lapsed.dueAt(), lapsed.ruleId());
                    change.lapsed(lapsed);
                    change.closeTrack(t, "silent", lapsed.dueAt());
                    // Silence is a refusal to accept the report (art. 106 part 1): the court clock runs from the lapse.
                    boolean open = change.openChallenge(new Trigger("AUTHORITY_SILENCE", lapsed.dueAt(), event.id(), "occurredAt"), null);
                    variables.put("authorityResponse", "challenge");
                    variables.put("judgeRouteOpen", open);
                }
                case INTERNAL_SECURITY_CHECK -> {
                    DeadlineRecord lapsed = change.deadline(t, DeadlineRole.AUTHORITY_NOTICE);
                    EventRecord event = change.engineEvent(EventType.AUTHORITY_SILENT, rung, lapsed.dueAt(), lapsed.ruleId());
                    change.lapsed(lapsed);
                    change.closeTrack(t, "silent", lapsed.dueAt());
                    // Conservative: without a notice, act as if told when the notice was due, so no court term is lost.
                    boolean open = change.openChallenge(new Trigger("NOTICE_NOT_GIVEN", lapsed.dueAt(), event.id(), "occurredAt"), null);
                    variables.put("judgeRouteOpen", open);
                }
                case PROSECUTOR_COMPLAINT -> {
                    DeadlineRecord lapsed = change.deadline(t, DeadlineRole.PROSECUTOR_SILENCE);
                    EventRecord event = change.engineEvent(EventType.AUTHORITY_SILENT, rung, lapsed.dueAt(), lapsed.ruleId());
                    change.lapsed(lapsed);
                    change.closeTrack(t, "silent", lapsed.dueAt());
                    // Art. 106 trigger (c): 15 сутки of the prosecutor's silence open the court route.
                    change.openOrExtendJudgeRoute(new Trigger("PROSECUTOR_SILENCE", lapsed.dueAt(), event.id(), "occurredAt"), event);
                    variables.put("prosecutorOutcome", "silent");
                }
                case INVESTIGATIVE_JUDGE, APPEAL, UN_COMMUNICATION, UN_FOLLOW_UP -> {
                    DeadlineRole role = switch (rung) {
                        case INVESTIGATIVE_JUDGE -> DeadlineRole.JUDGE_DECISION;
                        case APPEAL -> DeadlineRole.APPEAL_DECISION;
                        case UN_COMMUNICATION -> "HRC".equals(complaint.committee()) ? DeadlineRole.HRC_STATE_REPLY : DeadlineRole.CAT_STATE_REPLY;
                        default -> "HRC".equals(complaint.committee()) ? DeadlineRole.HRC_FOLLOW_UP : DeadlineRole.CAT_FOLLOW_UP;
                    };
                    DeadlineRecord lapsed = change.deadline(t, role);
                    if (!ledger.hasEngineEvent(complaintId, EventType.AUTHORITY_SILENT, rung.name(), lapsed.ruleId())) {
                        change.engineEvent(EventType.AUTHORITY_SILENT, rung, lapsed.dueAt(), lapsed.ruleId());
                        ledger.closeDeadline(lapsed.id(), "MISSED", change.now);
                    }
                    if (rung == Rung.UN_COMMUNICATION) {
                        change.step(t, Step.AWAITING_VIEWS);
                    }
                }
                default -> log.warn("no silence rule for rung {}", rung);
            }
            change.commit();
            return variables;
        });
    }

    /** The prosecutor's "expected" answer date passed: a warning on the board, not a change of route. */
    public void answerOverdue(UUID complaintId, Rung rung) {
        transactions.write(() -> {
            // The complaint first, as every change does: a deadline row taken before it deadlocks with a concurrent event.
            ledger.lock(complaintId).orElseThrow();
            ledger.openTracks(complaintId).stream().filter(t -> t.rung() == rung).findFirst().ifPresent(track ->
                    ledger.currentDeadline(track.id(), DeadlineRole.ANSWER_EXPECTED).filter(DeadlineRecord::open).ifPresent(d -> {
                        if (ledger.markEscalated(d.id(), clock.instant())) {
                            ledger.appendEvent(complaintId, EventType.ANSWER_OVERDUE, d.dueAt(), null, null, null, null, rung,
                                    d.ruleId(), "ENGINE", "engine", clock.instant());
                        }
                    }));
        });
    }

    /** A reminder timer fired. Recorded once per deadline, however often the timer fires across resumes. */
    public boolean remind(UUID complaintId, Rung rung, String roleHeader) {
        return transactions.write(() -> {
            // The complaint first, as every change does: a deadline row taken before it deadlocks with a concurrent event
            // (seen under load: the reminder held the deadline and waited for the complaint that the event held).
            ledger.lock(complaintId).orElseThrow();
            return applicantDeadline(complaintId, rung, roleHeader)
                    .filter(d -> ledger.markReminded(d.id(), clock.instant()))
                    .map(d -> {
                        ledger.appendEvent(complaintId, EventType.REMINDER_DUE, clock.instant(), null, null, null, null, rung,
                                d.ruleId(), "ENGINE", "engine", clock.instant());
                        return true;
                    }).orElse(false);
        });
    }

    /**
     * An applicant's last day passed without filing: the deadline is MISSED, the coordinator is alerted through the
     * history and the board, and a motion to restore the term is drafted. Once per deadline.
     */
    public boolean escalate(UUID complaintId, Rung rung, String roleHeader) {
        return transactions.write(() -> {
            // Lock first: the stage is recomputed below and must not overwrite a concurrent event's change.
            ledger.lock(complaintId).orElseThrow();
            Optional<DeadlineRecord> deadline = applicantDeadline(complaintId, rung, roleHeader);
            if (deadline.isEmpty() || !deadline.get().open() || !ledger.markEscalated(deadline.get().id(), clock.instant())) {
                return false;
            }
            DeadlineRecord d = deadline.get();
            Instant now = clock.instant();
            ledger.closeDeadline(d.id(), "MISSED", now);
            ledger.appendEvent(complaintId, EventType.DEADLINE_MISSED, d.dueAt(), null, null, null, null, rung, d.ruleId(),
                    "ENGINE", "engine", now);
            LadderEffects.Builder effects = new LadderEffects.Builder(complaintId);
            if (rung == Rung.INVESTIGATIVE_JUDGE || rung == Rung.APPEAL) {
                effects.letter("RESTORE_TERM_MOTION", d.trackId(), "restore:" + d.id());
            }
            refreshStage(complaintId, now);
            transactions.publish(effects);
            return true;
        });
    }

    private Optional<DeadlineRecord> applicantDeadline(UUID complaintId, Rung rung, String roleHeader) {
        DeadlineRole role = switch (roleHeader) {
            case "APPLICANT_FILING" -> rung == Rung.APPEAL ? DeadlineRole.APPEAL_FILING : DeadlineRole.JUDGE_COMPLAINT;
            default -> DeadlineRole.valueOf(roleHeader);
        };
        return ledger.openTracks(complaintId).stream().filter(t -> t.rung() == rung).findFirst()
                .flatMap(track -> ledger.currentDeadline(track.id(), role));
    }

    /** The main process reached its end after the State's follow-up: the ladder is complete (recorded once). */
    public void completeLadder(UUID complaintId) {
        transactions.write(() -> {
            ComplaintRecord complaint = ledger.lock(complaintId).orElseThrow();
            if (!ledger.openTracks(complaintId).isEmpty()
                    || ledger.hasEngineEvent(complaintId, EventType.LADDER_COMPLETED, Rung.UN_FOLLOW_UP.name(), null)) {
                return;
            }
            Instant now = clock.instant();
            ledger.appendEvent(complaintId, EventType.LADDER_COMPLETED, now, null, null, null, null, Rung.UN_FOLLOW_UP, null,
                    "ENGINE", "engine", now);
            if (complaint.open()) {
                ledger.updateStage(complaintId, Stage.CLOSED, "CLOSED", now);
            }
        });
    }

    private void refreshStage(UUID complaintId, Instant now) {
        ComplaintRecord complaint = ledger.find(complaintId).orElseThrow();
        List<Track> open = ledger.openTracks(complaintId);
        ledger.updateStage(complaintId, Stage.of(open), open.isEmpty() ? "CLOSED" : complaint.status(), now);
    }

    // =========================================================================================================
    // Date corrections
    // =========================================================================================================

    /**
     * A trigger date was recorded wrong (the copy arrived later, the applicant learned later). Every open deadline
     * computed from it is recomputed, the old dates stay in the history, and the engine's timers are re-planned.
     */
    public List<DeadlineRecord> correct(UUID complaintId, UUID eventId, DateCorrection correction, String user) {
        return transactions.write(() -> {
            ComplaintRecord complaint = ledger.lock(complaintId).orElseThrow(() -> ApiException.notFound("complaint " + complaintId));
            EventRecord event = ledger.event(complaintId, eventId).orElseThrow(() -> ApiException.notFound("event " + eventId));
            Instant now = clock.instant();
            if (correction.occurredAt() == null && correction.learnedAt() == null && correction.copyReceivedAt() == null) {
                throw new InvalidFact("occurredAt", FactProblem.NOTHING_TO_CORRECT);
            }
            Dates.check("occurredAt", toInstant(correction.occurredAt()), now);
            Dates.check("learnedAt", toInstant(correction.learnedAt()), now);
            Dates.check("copyReceivedAt", toInstant(correction.copyReceivedAt()), now);
            Instant occurred = firstNonNull(toInstant(correction.occurredAt()), event.occurredAt());
            Instant learned = correction.learnedAt() != null ? correction.learnedAt().toInstant() : event.learnedAt();
            Instant copy = correction.copyReceivedAt() != null ? correction.copyReceivedAt().toInstant() : event.copyReceivedAt();
            if (learned != null && learned.isBefore(occurred)) {
                throw new InvalidFact("learnedAt", FactProblem.LEARNED_BEFORE_ACT, occurred);
            }
            if (copy != null && copy.isBefore(occurred)) {
                throw new InvalidFact("copyReceivedAt", FactProblem.COPY_BEFORE_DECISION, occurred);
            }
            correctedInOrder(complaint, event, occurred);
            ledger.correctEventDates(eventId, occurred, learned, copy);
            String what = "event %s: occurredAt %s→%s, learnedAt %s→%s, copyReceivedAt %s→%s; reason: %s".formatted(event.seq(),
                    event.occurredAt(), occurred, event.learnedAt(), learned, event.copyReceivedAt(), copy,
                    correction.reason() == null ? "—" : correction.reason());
            ledger.appendEvent(complaintId, EventType.DATE_CORRECTED, now, null, null, null, null, null, what, "USER", user, now);
            List<DeadlineRecord> recomputed = new ArrayList<>();
            for (DeadlineRecord old : ledger.openDeadlinesTriggeredBy(eventId)) {
                Instant newTrigger = switch (old.triggerField() == null ? "occurredAt" : old.triggerField()) {
                    case "learnedAt" -> learned;
                    case "copyReceivedAt" -> copy;
                    default -> occurred;
                };
                if (newTrigger == null || newTrigger.equals(old.triggerAt())) {
                    continue;
                }
                DeadlineRecord fresh = planner.plan(complaintId, old.trackId(), old.role(),
                        new Trigger(old.triggerKind(), newTrigger, eventId, old.triggerField()), now);
                ledger.insertDeadline(fresh);
                ledger.supersede(old.id(), fresh.id());
                ledger.appendEvent(complaintId, EventType.DEADLINE_RECALCULATED, now, null, null, null, null, null,
                        "%s: last day %s → %s".formatted(old.ruleId(), old.lastDay(), fresh.lastDay()), "USER", user, now);
                recomputed.add(fresh);
            }
            LadderEffects.Builder effects = new LadderEffects.Builder(complaintId);
            recomputed.forEach(d -> effects.recalculated(d.role()));
            if (!recomputed.isEmpty() && complaint.open()) {
                effects.replan();
            }
            transactions.publish(effects);
            return recomputed;
        });
    }

    // =========================================================================================================
    // helpers
    // =========================================================================================================

    private static Trigger learnedTrigger(EventRecord event, Dates dates) {
        // Art. 106 counts from the day the applicant learned of the decision; without that date, the decision's own
        // date is the conservative choice: it can only make the deadline earlier, never lose it.
        return dates.learned() != null
                ? new Trigger("LEARNED_OF_DECISION", dates.learned(), event.id(), "learnedAt")
                : new Trigger("DECISION_DATE_CONSERVATIVE", dates.occurred(), event.id(), "occurredAt");
    }

    /** The act a complaint to the prosecutor or the investigative judge contests: the answer to the report. */
    private static boolean contestedByChallenge(EventRecord e) {
        return (e.type() == EventType.DECISION || e.type() == EventType.FORWARDED_TO_INTERNAL_SECURITY)
                && CONTESTED_RUNGS.contains(e.rung());
    }

    private static final Set<String> CONTESTED_RUNGS = Set.of(Rung.FILED_WITH_AUTHORITY.name(),
            Rung.INTERNAL_SECURITY_CHECK.name(), Rung.INVESTIGATION.name());

    /** A corrected date keeps the order of the ladder: no act of the complaint before the report that started it. */
    private void correctedInOrder(ComplaintRecord complaint, EventRecord event, Instant occurred) {
        if (event.type() == EventType.REPORT_FILED || !"USER".equals(event.source())) {
            return;
        }
        ledger.events(complaint.id()).stream().filter(e -> e.type() == EventType.REPORT_FILED).findFirst()
                .filter(report -> occurred.isBefore(report.occurredAt()))
                .ifPresent(report -> {
                    throw new InvalidFact("occurredAt", FactProblem.BEFORE_REPORT_FILED, report.occurredAt());
                });
    }

    static LocalDate localDate(Instant instant) {
        return instant.atZone(DeadlineCalculator.ZONE).toLocalDate();
    }

    private static void requireNotFuture(String field, Instant value, Instant now) {
        if (value != null && value.isAfter(now.plusSeconds(300))) {
            throw new InvalidFact(field, FactProblem.IN_FUTURE, value);
        }
    }

    /** Nobody alive was born before this: an earlier birth date is a typo or junk, not a fact to keep. */
    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private static void requireFrom(String field, LocalDate value, LocalDate earliest) {
        if (value != null && value.isBefore(earliest)) {
            throw new InvalidFact(field, FactProblem.TOO_EARLY, earliest);
        }
    }

    /** {@code why} is for the log only: the reader is told which field is missing, in their language. */
    private static <T> T require(T value, String field, String why) {
        if (value == null) {
            log.debug("refused: {} {}", field, why);
            throw new InvalidFact(field, FactProblem.REQUIRED);
        }
        return value;
    }

    private static Instant toInstant(java.time.OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** The dates of one event, checked for order and range. */
    record Dates(Instant occurred, Instant learned, Instant copyReceived) {
        static final Instant EARLIEST = Instant.parse("1991-12-16T00:00:00Z"); // the Republic's independence

        static Dates of(EventCommand c, Instant now) {
            Instant occurred = firstNonNull(toInstant(c.occurredAt()), toInstant(c.decidedAt()), toInstant(c.filedAt()));
            if (occurred == null) {
                throw new InvalidFact(c.type() == EventType.DECISION ? "decidedAt" : "occurredAt", FactProblem.REQUIRED);
            }
            Instant learned = toInstant(c.learnedAt());
            Instant copy = toInstant(c.copyReceivedAt());
            // every date given is checked, also one this type of event does not read: junk is refused, never ignored
            check("decidedAt", toInstant(c.decidedAt()), now);
            check("filedAt", toInstant(c.filedAt()), now);
            check("occurredAt", occurred, now);
            check("learnedAt", learned, now);
            check("copyReceivedAt", copy, now);
            if (learned != null && learned.isBefore(occurred)) {
                throw new InvalidFact("learnedAt", FactProblem.LEARNED_BEFORE_ACT, occurred);
            }
            if (copy != null && copy.isBefore(occurred)) {
                throw new InvalidFact("copyReceivedAt", FactProblem.COPY_BEFORE_DECISION, occurred);
            }
            return new Dates(occurred, learned, copy);
        }

        /** The field the lawyer gave "when it happened" in, so that a refusal of that date is shown next to it. */
        static String field(EventCommand c) {
            if (c.occurredAt() != null) {
                return "occurredAt";
            }
            if (c.decidedAt() != null || c.type() == EventType.DECISION) {
                return "decidedAt";
            }
            return c.filedAt() != null ? "filedAt" : "occurredAt";
        }

        private static void check(String field, Instant value, Instant now) {
            if (value == null) {
                return;
            }
            if (value.isBefore(EARLIEST)) {
                throw new InvalidFact(field, FactProblem.TOO_EARLY, localDate(EARLIEST));
            }
            requireNotFuture(field, value, now);
        }
    }

    /** A letter as the ladder needs to know it when it is filed. */
    record LetterRow(UUID id, UUID complaintId, String kind, String status) {}

    /** One transaction's change to a complaint: its open tracks, and the effects to publish after commit. */
    final class Change {
        final ComplaintRecord complaint;
        final List<Track> tracks;
        final Instant now;
        final String user;
        final LadderEffects.Builder effects;
        /** What a person is recording in this change (null for the engine's changes). */
        EventType recording;

        Change(ComplaintRecord complaint, List<Track> tracks, Instant now, String user) {
            this.complaint = complaint;
            this.tracks = new ArrayList<>(tracks);
            this.now = now;
            this.user = user;
            this.effects = new LadderEffects.Builder(complaint.id());
        }

        Stage stage() {
            return Stage.of(tracks);
        }

        String committee() {
            return ledger.find(complaint.id()).map(ComplaintRecord::committee).orElse(null);
        }

        Optional<Track> open(Rung rung) {
            return tracks.stream().filter(t -> t.rung() == rung).findFirst();
        }

        Track require(Rung rung, Step step, String conflict) {
            return open(rung).filter(t -> t.step() == step).orElseThrow(() -> notAtThisStage(rung, conflict));
        }

        /**
         * {@code why} is for the log; the reader is told what they tried to record, where the case stands and at which
         * stage that is recorded ({@code fits}, a rung, named as the stage of the same name).
         */
        InvalidFact notAtThisStage(Rung fits, String why) {
            log.debug("conflict on complaint {}: {} (stage {})", complaint.id(), why, stage());
            return new InvalidFact(null, FactProblem.NOT_AT_THIS_STAGE, recording, stage(), Stage.valueOf(fits.name()));
        }

        EventRecord event(EventCommand command, Dates dates, Rung rung) {
            return event(command, dates, rung, null);
        }

        EventRecord event(EventCommand command, Dates dates, Rung rung, String detail) {
            notBefore(Dates.field(command), dates.occurred(), FactProblem.BEFORE_REPORT_FILED,
                    e -> e.type() == EventType.REPORT_FILED);
            String text = detail;
            if (command.note() != null) {
                text = text == null ? command.note() : text + "; " + command.note();
            }
            if (command.reason() != null) {
                text = "reason=" + command.reason() + (text == null ? "" : "; " + text);
            }
            return ledger.appendEvent(complaint.id(), command.type(), dates.occurred(), dates.learned(), dates.copyReceived(),
                    command.authority() == null ? null : command.authority().name(),
                    command.outcome() == null ? null : command.outcome().name(), rung, text, "USER", user, now);
        }

        /**
         * Refuses an act dated before the latest act recorded by a person that it follows (a decision before the
         * complaint it answers). A filing is compared by its day: the pages record a filing "on a day" (the office's
         * morning), so a complaint filed on the afternoon of the decision must not be refused for its nominal hour.
         */
        void notBefore(String field, Instant at, FactProblem problem, java.util.function.Predicate<EventRecord> follows) {
            Optional<EventRecord> previous = ledger.events(complaint.id()).stream()
                    .filter(e -> "USER".equals(e.source())).filter(follows)
                    .max(java.util.Comparator.comparingInt(EventRecord::seq));
            if (previous.isEmpty()) {
                return;
            }
            Instant before = previous.get().occurredAt();
            boolean byDay = previous.get().type() == EventType.FILED || field.equals("filedAt")
                    || EnumSet.of(FactProblem.FILING_BEFORE_DECISION, FactProblem.DECISION_BEFORE_FILING).contains(problem);
            if (byDay ? localDate(at).isBefore(localDate(before)) : at.isBefore(before)) {
                throw previous.get().type() == EventType.FILED
                        ? new InvalidFact(field, problem, localDate(before))
                        : new InvalidFact(field, problem, before);
            }
        }

        EventRecord engineEvent(EventType type, Rung rung, Instant occurred, String detail) {
            return ledger.appendEvent(complaint.id(), type, occurred, null, null, null, null, rung, detail, "ENGINE", "engine", now);
        }

        Track openTrack(Rung rung, Step step) {
            Track track = ledger.openTrack(complaint.id(), rung, step, now);
            tracks.add(track);
            return track;
        }

        void step(Track track, Step step) {
            ledger.updateStep(track.id(), step);
            tracks.replaceAll(t -> t.id().equals(track.id()) ? t.withStep(step) : t);
        }

        void closeTrack(Track track, String outcome, Instant actedAt) {
            closeTrack(track, outcome, actedAt, null);
        }

        /** Closes a rung; its open deadlines are MET if the one who owed them acted in time, else MISSED (or a forced status). */
        void closeTrack(Track track, String outcome, Instant actedAt, String forcedStatus) {
            for (DeadlineRecord d : ledger.openDeadlinesOfTrack(track.id())) {
                String status = forcedStatus != null ? forcedStatus
                        : "APPLICANT".equals(d.owedBy()) ? "CANCELLED"
                        : actedAt.isAfter(d.dueAt()) ? "MISSED" : "MET";
                ledger.closeDeadline(d.id(), status, now);
            }
            ledger.closeTrack(track.id(), outcome, now);
            tracks.removeIf(t -> t.id().equals(track.id()));
        }

        /** The one who owed this deadline let it pass: MISSED, whatever else closes with the rung. */
        void lapsed(DeadlineRecord deadline) {
            ledger.closeDeadline(deadline.id(), "MISSED", now);
        }

        void closeOpenDeadlines(Track track, Instant actedAt) {
            for (DeadlineRecord d : ledger.openDeadlinesOfTrack(track.id())) {
                ledger.closeDeadline(d.id(), actedAt.isAfter(d.dueAt()) ? "MISSED" : "MET", now);
            }
        }

        /** A filing closes the applicant's term: MET if filed by its end, even if the term was already escalated. */
        void closeDeadline(Track track, DeadlineRole role, Instant actedAt) {
            ledger.currentDeadline(track.id(), role).filter(d -> "OPEN".equals(d.status()) || "MISSED".equals(d.status()))
                    .ifPresent(d -> ledger.closeDeadline(d.id(), actedAt.isAfter(d.dueAt()) ? "MISSED" : "MET", now));
        }

        DeadlineRecord plan(Track track, DeadlineRole role, Trigger trigger) {
            DeadlineRecord deadline = planner.plan(complaint.id(), track == null ? null : track.id(), role, trigger, now);
            ledger.insertDeadline(deadline);
            return deadline;
        }

        DeadlineRecord deadline(Track track, DeadlineRole role) {
            return ledger.currentDeadline(track.id(), role)
                    .orElseThrow(() -> new IllegalStateException("rung " + track.rung() + " has no " + role + " deadline"));
        }

        void openInvestigation() {
            openTrack(Rung.INVESTIGATION, Step.AWAITING_DECISION);
        }

        /** Opens both routes of a challenge; returns whether the court clock runs now (false: it waits for the prosecutor). */
        boolean openChallenge(Trigger trigger, List<Route> routes) {
            openTrack(Rung.PROSECUTOR_COMPLAINT, Step.AWAITING_FILING);
            boolean judgeNow = routes == null || routes.isEmpty() || routes.contains(Route.INVESTIGATIVE_JUDGE);
            if (judgeNow) {
                Track judge = openTrack(Rung.INVESTIGATIVE_JUDGE, Step.AWAITING_FILING);
                plan(judge, DeadlineRole.JUDGE_COMPLAINT, trigger);
            } else {
                openTrack(Rung.INVESTIGATIVE_JUDGE, Step.AWAITING_ROUTE);
            }
            return judgeNow;
        }

        /**
         * Art. 106 triggers (b) and (c): opens a court route that waited for the prosecutor, or, if the applicant's
         * term is already running, moves it to the later trigger (re-planning the engine's timer).
         */
        void openOrExtendJudgeRoute(Trigger trigger, EventRecord cause) {
            Optional<Track> judge = open(Rung.INVESTIGATIVE_JUDGE);
            if (judge.isEmpty()) {
                return;
            }
            Track track = judge.get();
            if (track.step() == Step.AWAITING_ROUTE) {
                step(track, Step.AWAITING_FILING);
                plan(track, DeadlineRole.JUDGE_COMPLAINT, trigger);
                effects.message("judge-route-opened", "judge-route-opened:" + cause.id(), Map.of());
            } else if (track.step() == Step.AWAITING_FILING) {
                Optional<DeadlineRecord> current = ledger.currentDeadline(track.id(), DeadlineRole.JUDGE_COMPLAINT);
                if (current.isPresent() && trigger.at().isAfter(current.get().triggerAt())) {
                    DeadlineRecord later = plan(track, DeadlineRole.JUDGE_COMPLAINT, trigger);
                    ledger.supersede(current.get().id(), later.id());
                    effects.recalculated(DeadlineRole.JUDGE_COMPLAINT);
                    ledger.appendEvent(complaint.id(), EventType.DEADLINE_RECALCULATED, now, null, null, null, null,
                            Rung.INVESTIGATIVE_JUDGE, "%s: last day %s → %s (%s)".formatted(later.ruleId(),
                                    current.get().lastDay(), later.lastDay(), trigger.kind()), "ENGINE", user, now);
                    effects.replan();
                }
            }
        }

        /** Any route of the challenge succeeded: the report is registered, the whole challenge ends. */
        void reportRegistered(Instant at) {
            closeChallenge("registered", at);
            openInvestigation();
        }

        void closeChallenge(String outcome, Instant at) {
            for (Track track : List.copyOf(tracks)) {
                if (track.rung().inChallenge()) {
                    closeTrack(track, outcome, at);
                }
            }
        }

        void domesticRemediesExhausted(EventRecord cause, Instant exhaustedAt) {
            ledger.updateUnFacts(complaint.id(), localDate(exhaustedAt), null);
            Track exhausted = openTrack(Rung.DOMESTIC_REMEDIES_EXHAUSTED, Step.AWAITING_SUBMISSION);
            Trigger trigger = new Trigger("EXHAUSTION", exhaustedAt, cause.id(), "occurredAt");
            plan(exhausted, DeadlineRole.HRC_SUBMISSION_LIMIT, trigger);
            plan(exhausted, DeadlineRole.CAT_DELAY_WARNING, trigger);
        }

        void requestCopyIfMissing(EventRecord decision, Dates dates) {
            if (dates.copyReceived() == null) {
                effects.letter("COPY_REQUEST", null, "copy:" + decision.id());
            }
        }

        EventRecord decisionAwaitingCopy(UUID decisionEventId) {
            Set<EventType> decisions = EnumSet.of(EventType.DECISION, EventType.FORWARDED_TO_INTERNAL_SECURITY);
            List<EventRecord> candidates = ledger.events(complaint.id()).stream()
                    .filter(e -> decisions.contains(e.type()) && e.copyReceivedAt() == null)
                    .filter(e -> decisionEventId == null || e.id().equals(decisionEventId))
                    .toList();
            if (candidates.isEmpty()) {
                throw new InvalidFact(null, FactProblem.NO_DECISION_AWAITS_COPY);
            }
            return candidates.get(candidates.size() - 1);
        }

        LetterRow letter(UUID letterId) {
            LetterRow letter = ledger.letterRow(letterId)
                    .filter(l -> l.complaintId().equals(complaint.id()))
                    .orElseThrow(() -> new ApiException(org.springframework.http.HttpStatus.NOT_FOUND, "letterId",
                            "letter " + letterId + " does not belong to this complaint"));
            if ("FILED".equals(letter.status()) || "WITHDRAWN".equals(letter.status()) || "REJECTED".equals(letter.status())) {
                throw new InvalidFact(null, FactProblem.LETTER_NOT_FILEABLE);
            }
            return letter;
        }

        void fileLetter(LetterRow letter, Instant filedAt, String channel) {
            ledger.markLetterFiled(letter.id(), filedAt, channel, now);
        }

        void withdrawOtherCommunication(Committee chosen) {
            String other = chosen == Committee.CAT ? "HRC_COMMUNICATION" : "CAT_COMMUNICATION";
            ledger.withdrawLetters(complaint.id(), other);
        }

        void message(String name, EventRecord cause, Map<String, Object> variables) {
            effects.message(name, name + ":" + cause.id(), variables);
        }

        void commit() {
            boolean closed = tracks.isEmpty();
            ledger.updateStage(complaint.id(), Stage.of(tracks), closed ? "CLOSED" : "OPEN", now);
            transactions.publish(effects);
        }
    }
}
