package kz.shagym.complaint;

/** What a user (or the engine) can record about a complaint. */
public enum EventType {
    REGISTERED,
    FORWARDED_TO_INTERNAL_SECURITY,
    DECISION,
    COPY_RECEIVED,
    FILED,
    UN_SUBMITTED,
    UN_TRANSMITTED,
    STATE_REPLY,
    VIEWS_ADOPTED,
    FOLLOW_UP_REPLY,
    CLOSED,
    // Recorded by the application itself, never accepted from the API:
    REPORT_FILED,
    AUTHORITY_SILENT,
    ANSWER_OVERDUE,
    REMINDER_DUE,
    DEADLINE_MISSED,
    DATE_CORRECTED,
    DEADLINE_RECALCULATED,
    LETTER_DRAFTED,
    LADDER_COMPLETED,
    /** Another lawyer took the case over (recorded by the reassignment, with who did it and from whom to whom). */
    REASSIGNED;

    public boolean userRecordable() {
        return ordinal() <= CLOSED.ordinal();
    }
}
