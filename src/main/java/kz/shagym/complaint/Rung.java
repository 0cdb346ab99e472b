package kz.shagym.complaint;

/** The rungs of the ladder, in the order a complaint climbs them. Each is one BPMN process (bpmn/rung-*.bpmn). */
public enum Rung {
    FILED_WITH_AUTHORITY,
    INTERNAL_SECURITY_CHECK,
    INVESTIGATION,
    PROSECUTOR_COMPLAINT,
    INVESTIGATIVE_JUDGE,
    APPEAL,
    DOMESTIC_REMEDIES_EXHAUSTED,
    UN_COMMUNICATION,
    UN_FOLLOW_UP;

    /** Prosecutor and judge routes run side by side during a challenge; the appeal continues the judge route. */
    public boolean inChallenge() {
        return this == PROSECUTOR_COMPLAINT || this == INVESTIGATIVE_JUDGE || this == APPEAL;
    }
}
