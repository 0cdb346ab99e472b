package kz.shagym.complaint;

/**
 * Which clock a deadline is on a rung, and the catalog rule that computes it (config/deadline-rules).
 * The rule ids are the only legal knowledge here; periods, articles and counting live in the catalog.
 */
public enum DeadlineRole {
    REGISTRATION("kz.upk.181.registration"),
    AUTHORITY_RESPONSE("kz.upk.181.forward-without-registration"),
    AUTHORITY_NOTICE("kz.upk.181.forward-without-registration"),
    ANSWER_EXPECTED("kz.upk.105.prosecutor-answer"),
    PROSECUTOR_SILENCE("kz.upk.106.prosecutor-silence"),
    JUDGE_COMPLAINT("kz.upk.106.file-complaint"),
    JUDGE_DECISION("kz.upk.106.judge-decision"),
    APPEAL_FILING("kz.upk.107.appeal"),
    APPEAL_DECISION("kz.upk.107.appeal-review"),
    HRC_SUBMISSION_LIMIT("un.hrc.submission-limit"),
    CAT_DELAY_WARNING("un.cat.delay-warning"),
    CAT_STATE_REPLY("un.cat.22.state-reply"),
    HRC_STATE_REPLY("un.hrc.op.state-reply"),
    CAT_FOLLOW_UP("un.cat.follow-up"),
    HRC_FOLLOW_UP("un.hrc.follow-up"),
    MOTION_DECISION("kz.upk.99.motion-decision");

    private final String ruleId;

    DeadlineRole(String ruleId) {
        this.ruleId = ruleId;
    }

    public String ruleId() {
        return ruleId;
    }
}
