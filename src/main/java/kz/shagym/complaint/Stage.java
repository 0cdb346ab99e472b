package kz.shagym.complaint;

import java.util.Collection;
import java.util.Comparator;

/** The single stage a coordinator sees: the most advanced open rung, or CLOSED. */
public enum Stage {
    FILED_WITH_AUTHORITY,
    INTERNAL_SECURITY_CHECK,
    PROSECUTOR_COMPLAINT,
    INVESTIGATION,
    INVESTIGATIVE_JUDGE,
    APPEAL,
    DOMESTIC_REMEDIES_EXHAUSTED,
    UN_COMMUNICATION,
    UN_FOLLOW_UP,
    CLOSED;

    /**
     * While both routes of a challenge are open the judge route is the one whose clock binds the applicant, so it
     * names the stage; a judge route still waiting for the prosecutor's answer does not count as being at the judge.
     */
    static Stage of(Collection<Track> openTracks) {
        return openTracks.stream()
                .filter(t -> !(t.rung() == Rung.INVESTIGATIVE_JUDGE && t.step() == Step.AWAITING_ROUTE))
                .map(t -> Stage.valueOf(t.rung().name()))
                .max(Comparator.comparingInt(Stage::rank))
                .orElse(openTracks.isEmpty() ? CLOSED : PROSECUTOR_COMPLAINT);
    }

    private int rank() {
        return switch (this) {
            case FILED_WITH_AUTHORITY -> 0;
            case INTERNAL_SECURITY_CHECK -> 1;
            case INVESTIGATION -> 2;
            case PROSECUTOR_COMPLAINT -> 3;
            case INVESTIGATIVE_JUDGE -> 4;
            case APPEAL -> 5;
            case DOMESTIC_REMEDIES_EXHAUSTED -> 6;
            case UN_COMMUNICATION -> 7;
            case UN_FOLLOW_UP -> 8;
            case CLOSED -> 9;
        };
    }
}
