package kz.shagym.complaint;

/**
 * Why a fact of a complaint was refused, as a code the web layer turns into a sentence in the reader's language
 * (bundle key {@code fact.<NAME>}; argument 0 is always the field's name, the others are {@link InvalidFact#args()}).
 */
public enum FactProblem {
    /** A region not in config/regions.yaml. Arg: the list of regions ({@link RegionCatalog.Region}). */
    UNKNOWN_REGION,
    /** A value the ladder needs is missing. */
    REQUIRED,
    /** A date that has not come yet: the ledger records facts once they happened. Arg: the date given. */
    IN_FUTURE,
    /** A date before the earliest the ledger accepts (16.12.1991; births 1900). Arg: that earliest day. */
    TOO_EARLY,
    /** A correction that changes nothing. */
    NOTHING_TO_CORRECT,
    /** The incident after the report about it was filed. Arg: the filing. */
    INCIDENT_AFTER_FILING,
    /** Born on or after the day of the incident. Arg: the incident's day. */
    BIRTH_NOT_BEFORE_INCIDENT,
    /** A medical examination before the incident it examines. Arg: the incident's day. */
    EXAMINATION_BEFORE_INCIDENT,
    /** An individual identification number (ИИН) that is not exactly twelve digits. */
    IIN_NOT_TWELVE_DIGITS,
    /** A text longer than its field holds. Arg: the most characters it takes. */
    TOO_LONG,
    /** Recognised as victim before the incident happened. Arg: the incident's day. */
    RECOGNISED_BEFORE_INCIDENT,
    /** Learned of an act before it happened. Arg: the act. */
    LEARNED_BEFORE_ACT,
    /** A copy received before the decision it copies. Arg: the decision. */
    COPY_BEFORE_DECISION,
    /** An authority's act, a filing or the State's reply before the report of the crime was filed. Arg: the filing. */
    BEFORE_REPORT_FILED,
    /** A decision before the complaint it answers was filed. Arg: that filing. */
    DECISION_BEFORE_FILING,
    /** A complaint filed against a decision before that decision was made. Arg: the decision. */
    FILING_BEFORE_DECISION,
    /** The UN's transmittal to the State before the communication was submitted. Arg: the submission. */
    TRANSMITTAL_BEFORE_SUBMISSION,
    /** The State's observations before the communication was transmitted to it. Arg: the transmittal. */
    REPLY_BEFORE_TRANSMITTAL,
    /** Views before the communication was transmitted to the State. Arg: the transmittal. */
    VIEWS_BEFORE_TRANSMITTAL,
    /** Follow-up information before the Views it follows up. Arg: the Views. */
    FOLLOW_UP_BEFORE_VIEWS,

    // Facts that may well be true but do not fit where the case stands: conflicts (409), no field of their own.

    /** The complaint is closed. Arg: its case number. */
    CASE_CLOSED(true),
    /** This kind of act does not fit the case's stage. Args: the {@link EventType}, the case's {@link Stage}, the one it fits. */
    NOT_AT_THIS_STAGE(true),
    /** A decision on a complaint not filed yet. Args: the {@link Rung}, the {@link Stage}. */
    COMPLAINT_NOT_FILED(true),
    /** The complaint to the judge waits for the prosecutor's refusal or his 15 days of silence. */
    JUDGE_ROUTE_WAITS(true),
    /** No rung waits for this authority's decision. Args: the {@link EventCommand.Authority}, the {@link Stage}. */
    NO_RUNG_AWAITS_AUTHORITY(true),
    /** A report never registered cannot be terminated. */
    NEVER_REGISTERED_NOT_TERMINATED(true),
    /** The investigation is already running: it cannot be granted again. */
    INVESTIGATION_ALREADY_RUNNING(true),
    /** No decision waits for its copy. */
    NO_DECISION_AWAITS_COPY(true),
    /** The letter is filed, withdrawn or rejected already. */
    LETTER_NOT_FILEABLE(true);

    private final boolean conflict;

    FactProblem() {
        this(false);
    }

    FactProblem(boolean conflict) {
        this.conflict = conflict;
    }

    /** True: the fact does not fit the case as it stands (409); false: the fact itself is wrong (400). */
    public boolean conflict() {
        return conflict;
    }
}
