package kz.shagym.complaint;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An event as the API accepts it (REST contract: POST /api/complaints/{id}/events). */
@JsonIgnoreProperties(ignoreUnknown = false)
public record EventCommand(
        @NotNull(message = "is required: one of REGISTERED, FORWARDED_TO_INTERNAL_SECURITY, DECISION, COPY_RECEIVED, FILED, UN_SUBMITTED, UN_TRANSMITTED, STATE_REPLY, VIEWS_ADOPTED, FOLLOW_UP_REPLY, CLOSED")
        EventType type,
        OffsetDateTime occurredAt,
        OffsetDateTime learnedAt,
        Authority authority,
        Outcome outcome,
        DecisionReason reason,
        OffsetDateTime decidedAt,
        OffsetDateTime copyReceivedAt,
        UUID letterId,
        OffsetDateTime filedAt,
        @Size(max = 40, message = "at most 40 characters") String channel,
        Committee committee,
        Boolean interimMeasures,
        List<@NotNull(message = "lists no empty route") Route> routes,
        UUID decisionEventId,
        @Size(max = 2000, message = "at most 2000 characters") String note,
        CloseReason closeReason) {

    public enum Authority { INTERNAL_SECURITY, PROSECUTOR, INVESTIGATOR, INVESTIGATIVE_JUDGE, APPEAL_COURT }

    public enum Outcome { REFUSED, GRANTED, TERMINATED }

    /** The authority's stated reason: letters answer each differently. */
    public enum DecisionReason { NOT_PROVEN, NO_CRIME, FORWARDED_TO_INTERNAL_SECURITY }

    public enum Committee { CAT, HRC }

    /**
     * Why a case is closed before (or instead of) the end of the ladder: CLOSED records it, the timeline shows it.
     * OTHER needs a note saying what it was.
     */
    public enum CloseReason { REMEDY_OBTAINED, APPLICANT_WITHDREW, CONTACT_LOST, ENTERED_IN_ERROR, OTHER }

    /** Which challenge routes the lawyer opens now; by default both (art. 105 and art. 106 at once). */
    public enum Route { PROSECUTOR, INVESTIGATIVE_JUDGE }
}
