package kz.shagym.web;

import static kz.shagym.web.CaseAct.Field.AUTHORITY;
import static kz.shagym.web.CaseAct.Field.CLOSE_REASON;
import static kz.shagym.web.CaseAct.Field.COMMITTEE;
import static kz.shagym.web.CaseAct.Field.COPY;
import static kz.shagym.web.CaseAct.Field.DECISION_EVENT;
import static kz.shagym.web.CaseAct.Field.INTERIM_MEASURES;
import static kz.shagym.web.CaseAct.Field.LEARNED;
import static kz.shagym.web.CaseAct.Field.OUTCOME;
import static kz.shagym.web.CaseAct.Field.REASON;
import static kz.shagym.web.CaseAct.Field.ROUTES;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kz.shagym.complaint.ComplaintView;
import kz.shagym.complaint.EventCommand.Authority;
import kz.shagym.complaint.EventCommand.Outcome;
import kz.shagym.complaint.EventType;
import kz.shagym.complaint.Rung;
import kz.shagym.complaint.Step;

/**
 * What a lawyer can record on the case page, read off what {@code Ladder.record} accepts at each rung and step: each
 * act is one event type (for a decision: one authority, and the outcomes that authority can give there), with exactly
 * the fields it reads and the consequences the ladder draws from it. The page offers the acts of the case's open steps
 * ({@link #available}), shows each act's fields only, and says next to it what will happen (message keys
 * {@code act.next.*}); the controller turns the posted form into the API's {@link kz.shagym.complaint.EventCommand}.
 * One place, so that the page cannot offer what the ladder would refuse, nor forget what it accepts.
 */
public enum CaseAct {

    // ---- the report: the authority's first answer (FILED_WITH_AUTHORITY, AWAITING_RESPONSE) ----------------------
    REGISTERED(EventType.REGISTERED, null, List.of(), EnumSet.of(LEARNED, COPY),
            "investigationOpens"),
    FORWARDED_TO_INTERNAL_SECURITY(EventType.FORWARDED_TO_INTERNAL_SECURITY, null, List.of(), EnumSet.of(LEARNED, COPY, ROUTES),
            "challengeDrafted", "courtClockFromLearning", "noticeIfNotTold", "routes", "copyRequest"),
    REFUSED_TO_REGISTER(EventType.DECISION, List.of(Authority.INTERNAL_SECURITY, Authority.PROSECUTOR, Authority.INVESTIGATOR),
            List.of(Outcome.REFUSED), EnumSet.of(AUTHORITY, REASON, LEARNED, COPY, ROUTES),
            "challengeDrafted", "courtClockFromLearning", "routes", "copyRequest"),
    // ---- internal security's notice (INTERNAL_SECURITY_CHECK, AWAITING_NOTICE) ------------------------------------
    INTERNAL_SECURITY_NOTICE(EventType.DECISION, List.of(Authority.INTERNAL_SECURITY), List.of(Outcome.REFUSED),
            EnumSet.of(REASON, LEARNED, COPY, ROUTES),
            "challengeDrafted", "courtClockFromLearning", "routes", "copyRequest"),
    // ---- the investigator closes the case (INVESTIGATION, AWAITING_DECISION) --------------------------------------
    INVESTIGATION_ENDED(EventType.DECISION, List.of(Authority.INVESTIGATOR), List.of(Outcome.TERMINATED, Outcome.REFUSED),
            EnumSet.of(OUTCOME, REASON, LEARNED, COPY, ROUTES),
            "challengeDrafted", "courtClockFromLearning", "routes", "copyRequest"),
    // ---- decisions on filed complaints (AWAITING_DECISION on the prosecutor, judge and appeal rungs) --------------
    PROSECUTOR_DECISION(EventType.DECISION, List.of(Authority.PROSECUTOR), List.of(Outcome.REFUSED, Outcome.GRANTED),
            EnumSet.of(OUTCOME, REASON, LEARNED, COPY),
            "prosecutorRefused", "grantedRegistered", "copyRequest"),
    JUDGE_DECISION(EventType.DECISION, List.of(Authority.INVESTIGATIVE_JUDGE), List.of(Outcome.REFUSED, Outcome.GRANTED),
            EnumSet.of(OUTCOME, REASON, LEARNED, COPY),
            "judgeRefused", "grantedRegistered", "copyRequest"),
    APPEAL_DECISION(EventType.DECISION, List.of(Authority.APPEAL_COURT), List.of(Outcome.REFUSED, Outcome.GRANTED),
            EnumSet.of(OUTCOME, REASON, LEARNED, COPY),
            "appealRefused", "grantedRegistered", "copyRequest"),
    // ---- the UN (DOMESTIC_REMEDIES_EXHAUSTED, UN_COMMUNICATION, UN_FOLLOW_UP) -------------------------------------
    UN_SUBMITTED(EventType.UN_SUBMITTED, null, List.of(), EnumSet.of(COMMITTEE, INTERIM_MEASURES),
            "unSubmitted", "interimMeasures"),
    UN_TRANSMITTED(EventType.UN_TRANSMITTED, null, List.of(), EnumSet.noneOf(Field.class),
            "stateReplyTerm"),
    STATE_REPLY(EventType.STATE_REPLY, null, List.of(), EnumSet.noneOf(Field.class),
            "viewsAwaited"),
    VIEWS_ADOPTED(EventType.VIEWS_ADOPTED, null, List.of(), EnumSet.of(LEARNED),
            "followUpTerm"),
    FOLLOW_UP_REPLY(EventType.FOLLOW_UP_REPLY, null, List.of(), EnumSet.noneOf(Field.class),
            "ladderComplete"),
    // ---- at any open step ---------------------------------------------------------------------------------------
    COPY_RECEIVED(EventType.COPY_RECEIVED, null, List.of(), EnumSet.of(DECISION_EVENT),
            "copyAdded"),
    CLOSED(EventType.CLOSED, null, List.of(), EnumSet.of(CLOSE_REASON),
            "caseCloses");

    /**
     * The parts of the form besides the act's own date (every act has one: when it happened) and the note. The dates
     * are the ones the ladder reads: learned (the court clock's start), copy received (without it a copy request).
     */
    public enum Field { AUTHORITY, OUTCOME, REASON, ROUTES, COMMITTEE, INTERIM_MEASURES, DECISION_EVENT, CLOSE_REASON, LEARNED, COPY }

    private final EventType type;
    private final List<Authority> authorities;
    private final List<Outcome> outcomes;
    private final Set<Field> fields;
    private final List<String> consequences;

    CaseAct(EventType type, List<Authority> authorities, List<Outcome> outcomes, Set<Field> fields, String... consequences) {
        this.type = type;
        this.authorities = authorities == null ? List.of() : authorities;
        this.outcomes = outcomes;
        this.fields = fields;
        this.consequences = List.of(consequences);
    }

    public EventType type() {
        return type;
    }

    /** The authorities that can have decided this (one: it is implied; several: the lawyer picks). */
    public List<Authority> authorities() {
        return authorities;
    }

    /** The outcomes the ladder accepts for this decision there (one: implied; several: the lawyer picks). */
    public List<Outcome> outcomes() {
        return outcomes;
    }

    public boolean has(Field field) {
        return fields.contains(field);
    }

    /** Message keys of what the ladder does once this is recorded, in the order to read them. */
    public List<String> consequences() {
        return consequences.stream().map(c -> "act.next." + c).toList();
    }

    /** Message key of the label of the act's own date ("decided on", "transmitted on", "copy received on"…). */
    public String dateLabel() {
        return "act.date." + name();
    }

    /** The acts that fit where the case stands: those of its open steps, then a late copy, then closing the case. */
    public static List<CaseAct> available(ComplaintView view) {
        if (!"OPEN".equals(view.status())) {
            return List.of();
        }
        Set<CaseAct> acts = new LinkedHashSet<>();
        for (ComplaintView.RungView r : view.rungs()) {
            acts.addAll(at(Rung.valueOf(r.rung()), Step.valueOf(r.step())));
        }
        List<CaseAct> ordered = new ArrayList<>(acts.stream().sorted().toList());
        if (!awaitingCopy(view).isEmpty()) {
            ordered.add(COPY_RECEIVED);
        }
        ordered.add(CLOSED);
        return List.copyOf(ordered);
    }

    /** What {@code Ladder.record} accepts on one rung at one step (filings have their own form: the letter's). */
    static List<CaseAct> at(Rung rung, Step step) {
        return switch (rung) {
            case FILED_WITH_AUTHORITY -> step == Step.AWAITING_RESPONSE
                    ? List.of(REGISTERED, FORWARDED_TO_INTERNAL_SECURITY, REFUSED_TO_REGISTER) : List.of();
            case INTERNAL_SECURITY_CHECK -> step == Step.AWAITING_NOTICE ? List.of(INTERNAL_SECURITY_NOTICE) : List.of();
            case INVESTIGATION -> step == Step.AWAITING_DECISION ? List.of(INVESTIGATION_ENDED) : List.of();
            case PROSECUTOR_COMPLAINT -> step == Step.AWAITING_DECISION ? List.of(PROSECUTOR_DECISION) : List.of();
            case INVESTIGATIVE_JUDGE -> step == Step.AWAITING_DECISION ? List.of(JUDGE_DECISION) : List.of();
            case APPEAL -> step == Step.AWAITING_DECISION ? List.of(APPEAL_DECISION) : List.of();
            case DOMESTIC_REMEDIES_EXHAUSTED -> step == Step.AWAITING_SUBMISSION ? List.of(UN_SUBMITTED) : List.of();
            case UN_COMMUNICATION -> switch (step) {
                case AWAITING_TRANSMITTAL -> List.of(UN_TRANSMITTED, STATE_REPLY);
                case AWAITING_STATE_REPLY -> List.of(STATE_REPLY, VIEWS_ADOPTED);
                case AWAITING_VIEWS -> List.of(VIEWS_ADOPTED);
                default -> List.of();
            };
            case UN_FOLLOW_UP -> step == Step.AWAITING_FOLLOW_UP ? List.of(FOLLOW_UP_REPLY) : List.of();
        };
    }

    /** The decisions (and forwardings) still without their copy: what a late copy can belong to. */
    public static List<ComplaintView.DateFacts> awaitingCopy(ComplaintView view) {
        return view.dateFacts().stream().filter(ComplaintView.DateFacts::copyMissing)
                .filter(f -> EventType.DECISION.name().equals(f.type()) || EventType.FORWARDED_TO_INTERNAL_SECURITY.name().equals(f.type()))
                .toList();
    }
}
