package kz.shagym.complaint;

/** Where a rung stands: who must act next. */
public enum Step {
    AWAITING_RESPONSE,      // authority: register or forward the report
    AWAITING_NOTICE,        // authority: tell the applicant it forwarded the report
    AWAITING_DECISION,      // authority or court: decide the filed complaint
    AWAITING_FILING,        // applicant: file the drafted letter
    AWAITING_ROUTE,         // judge route waits for the prosecutor's answer (art. 106 triggers b, c)
    AWAITING_SUBMISSION,    // applicant: submit to a UN Committee
    AWAITING_TRANSMITTAL,   // Committee: transmit to the State
    AWAITING_STATE_REPLY,   // State: observations
    AWAITING_VIEWS,         // Committee: Views
    AWAITING_FOLLOW_UP;     // State: follow-up information

    public String whoActs() {
        return switch (this) {
            case AWAITING_FILING, AWAITING_SUBMISSION -> "APPLICANT";
            case AWAITING_TRANSMITTAL, AWAITING_VIEWS -> "COMMITTEE";
            case AWAITING_STATE_REPLY, AWAITING_FOLLOW_UP -> "STATE";
            default -> "AUTHORITY";
        };
    }
}
