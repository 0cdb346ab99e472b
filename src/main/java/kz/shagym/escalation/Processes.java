package kz.shagym.escalation;

import static kz.shagym.complaint.DeadlineRole.ANSWER_EXPECTED;
import static kz.shagym.complaint.DeadlineRole.APPEAL_DECISION;
import static kz.shagym.complaint.DeadlineRole.APPEAL_FILING;
import static kz.shagym.complaint.DeadlineRole.AUTHORITY_NOTICE;
import static kz.shagym.complaint.DeadlineRole.AUTHORITY_RESPONSE;
import static kz.shagym.complaint.DeadlineRole.CAT_DELAY_WARNING;
import static kz.shagym.complaint.DeadlineRole.CAT_FOLLOW_UP;
import static kz.shagym.complaint.DeadlineRole.CAT_STATE_REPLY;
import static kz.shagym.complaint.DeadlineRole.HRC_FOLLOW_UP;
import static kz.shagym.complaint.DeadlineRole.HRC_STATE_REPLY;
import static kz.shagym.complaint.DeadlineRole.HRC_SUBMISSION_LIMIT;
import static kz.shagym.complaint.DeadlineRole.JUDGE_COMPLAINT;
import static kz.shagym.complaint.DeadlineRole.JUDGE_DECISION;
import static kz.shagym.complaint.DeadlineRole.PROSECUTOR_SILENCE;

import java.util.List;
import kz.shagym.complaint.DeadlineRole;
import kz.shagym.complaint.Rung;
import kz.shagym.complaint.Step;
import kz.shagym.complaint.Track;

/** Process ids, job types and the elements a resume starts before: the one place the Java side names BPMN things. */
public final class Processes {

    public static final String LADDER = "complaint-escalation";
    public static final String RUNG_JOB = "shagym.rung";
    public static final String LETTER_JOB = "shagym.letter";
    /** The process variable naming which start of a complaint's ladder an instance is (see {@code complaint.ladder_run}). */
    public static final String LADDER_RUN = "ladderRun";
    /** The message that ends the instance of a run that is no longer current (correlated by {@link #LADDER_RUN}). */
    public static final String RUN_SUPERSEDED = "ladder-run-superseded";

    private Processes() {
    }

    /** Where a complaint standing on this rung re-enters the main process (also what the case page highlights). */
    public static String resumeElement(Track track) {
        return switch (track.rung()) {
            case FILED_WITH_AUTHORITY -> "CallActivity_FiledWithAuthority";
            case INTERNAL_SECURITY_CHECK -> "CallActivity_InternalSecurityCheck";
            case INVESTIGATION -> "CallActivity_Investigation";
            case PROSECUTOR_COMPLAINT -> "CallActivity_ProsecutorComplaint";
            case INVESTIGATIVE_JUDGE -> track.step() == Step.AWAITING_ROUTE ? "Event_JudgeRouteOpened" : "CallActivity_InvestigativeJudge";
            case APPEAL -> "CallActivity_Appeal";
            case DOMESTIC_REMEDIES_EXHAUSTED -> "CallActivity_DomesticRemediesExhausted";
            case UN_COMMUNICATION -> "CallActivity_UnCommunication";
            case UN_FOLLOW_UP -> "CallActivity_UnFollowUp";
        };
    }

    static List<String> resumeElements(List<Track> tracks) {
        return tracks.stream().map(Processes::resumeElement).distinct().toList();
    }

    static String callActivityOf(Rung rung) {
        return resumeElement(new Track(null, null, rung, Step.AWAITING_FILING, null));
    }

    /** How the ledger shows that a rung's timer fired: which job its timer leads to (the "action" header). */
    enum TimerEffect {
        /** "silence": the authority's deadline is closed (MISSED) and the rung moves on. */
        SILENCE,
        /** "escalate" or "overdue": the deadline's escalated_at is set. */
        ESCALATE,
        /** "remind": the deadline's reminded_at is set. */
        REMIND
    }

    /** A timer a rung holds while it stands at a step: on the deadline's due date, or on its reminder date. */
    record RungTimer(DeadlineRole role, boolean atReminder, TimerEffect effect) {}

    /**
     * The timers the rung's BPMN (bpmn/rung-*.bpmn) holds while the rung waits at this step, so that the engine can be
     * checked against the ledger. Both committees' roles are listed where the committee decides; only the one with a
     * deadline applies.
     */
    static List<RungTimer> timersAt(Track track) {
        Step step = track.step();
        return switch (track.rung()) {
            case FILED_WITH_AUTHORITY -> step == Step.AWAITING_RESPONSE ? List.of(silence(AUTHORITY_RESPONSE)) : List.of();
            case INTERNAL_SECURITY_CHECK -> step == Step.AWAITING_NOTICE ? List.of(silence(AUTHORITY_NOTICE)) : List.of();
            case INVESTIGATION -> List.of();
            case PROSECUTOR_COMPLAINT -> step == Step.AWAITING_DECISION
                    ? List.of(new RungTimer(ANSWER_EXPECTED, false, TimerEffect.ESCALATE), silence(PROSECUTOR_SILENCE))
                    : List.of();
            case INVESTIGATIVE_JUDGE -> court(step, JUDGE_COMPLAINT, JUDGE_DECISION);
            case APPEAL -> court(step, APPEAL_FILING, APPEAL_DECISION);
            case DOMESTIC_REMEDIES_EXHAUSTED -> step == Step.AWAITING_SUBMISSION ? List.of(
                    new RungTimer(HRC_SUBMISSION_LIMIT, true, TimerEffect.REMIND),
                    new RungTimer(HRC_SUBMISSION_LIMIT, false, TimerEffect.ESCALATE),
                    new RungTimer(CAT_DELAY_WARNING, false, TimerEffect.REMIND)) : List.of();
            case UN_COMMUNICATION -> step == Step.AWAITING_STATE_REPLY
                    ? List.of(silence(CAT_STATE_REPLY), silence(HRC_STATE_REPLY)) : List.of();
            case UN_FOLLOW_UP -> step == Step.AWAITING_FOLLOW_UP
                    ? List.of(silence(CAT_FOLLOW_UP), silence(HRC_FOLLOW_UP)) : List.of();
        };
    }

    private static List<RungTimer> court(Step step, DeadlineRole filing, DeadlineRole decision) {
        return switch (step) {
            case AWAITING_FILING -> List.of(new RungTimer(filing, true, TimerEffect.REMIND),
                    new RungTimer(filing, false, TimerEffect.ESCALATE));
            case AWAITING_DECISION -> List.of(silence(decision));
            default -> List.of();
        };
    }

    private static RungTimer silence(DeadlineRole role) {
        return new RungTimer(role, false, TimerEffect.SILENCE);
    }
}
