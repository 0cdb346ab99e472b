package kz.shagym.escalation;

import java.util.List;
import kz.shagym.complaint.Rung;
import kz.shagym.complaint.Step;
import kz.shagym.complaint.Track;

/** Process ids, job types and the elements a resume starts before: the one place the Java side names BPMN things. */
public final class Processes {

    public static final String LADDER = "complaint-escalation";
    public static final String RUNG_JOB = "shagym.rung";
    public static final String LETTER_JOB = "shagym.letter";

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
}
