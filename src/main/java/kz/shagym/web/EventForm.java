package kz.shagym.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import kz.shagym.complaint.EventCommand;
import kz.shagym.complaint.EventType;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What an authority did, as the case page's form posts it: the three dates that matter (decided, learned, copy
 * received) in Almaty local time, as written on the paper the lawyer holds.
 */
public class EventForm {

    /** The event types this form records; the others have their own forms (filing) or come from the engine. */
    static final java.util.List<EventType> TYPES = java.util.List.of(
            EventType.FORWARDED_TO_INTERNAL_SECURITY, EventType.DECISION, EventType.REGISTERED);

    @NotNull
    private EventType type = EventType.DECISION;
    private EventCommand.Authority authority;
    private EventCommand.Outcome outcome;
    private EventCommand.DecisionReason reason;
    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime decidedAt;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime learnedAt;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime copyReceivedAt;
    @Size(max = 2000)
    private String note;

    EventCommand toCommand() {
        boolean decision = type == EventType.DECISION;
        return new EventCommand(type, decision ? null : Forms.almaty(decidedAt), Forms.almaty(learnedAt),
                decision ? authority : null, decision ? outcome : null, decision ? reason : null,
                decision ? Forms.almaty(decidedAt) : null, Forms.almaty(copyReceivedAt), null, null, null, null, null, null,
                null, note == null || note.isBlank() ? null : note.strip());
    }

    /** The domain names its date fields after the API; the form has one field for "when it happened". */
    static String formField(String apiField) {
        if (apiField == null) {
            return null;
        }
        return switch (apiField) {
            case "occurredAt", "decidedAt" -> "decidedAt";
            case "learnedAt", "copyReceivedAt", "authority", "outcome", "reason", "note", "type" -> apiField;
            default -> null;
        };
    }

    public EventType getType() { return type; }
    public void setType(EventType type) { this.type = type; }
    public EventCommand.Authority getAuthority() { return authority; }
    public void setAuthority(EventCommand.Authority authority) { this.authority = authority; }
    public EventCommand.Outcome getOutcome() { return outcome; }
    public void setOutcome(EventCommand.Outcome outcome) { this.outcome = outcome; }
    public EventCommand.DecisionReason getReason() { return reason; }
    public void setReason(EventCommand.DecisionReason reason) { this.reason = reason; }
    public LocalDateTime getDecidedAt() { return decidedAt; }
    public void setDecidedAt(LocalDateTime decidedAt) { this.decidedAt = decidedAt; }
    public LocalDateTime getLearnedAt() { return learnedAt; }
    public void setLearnedAt(LocalDateTime learnedAt) { this.learnedAt = learnedAt; }
    public LocalDateTime getCopyReceivedAt() { return copyReceivedAt; }
    public void setCopyReceivedAt(LocalDateTime copyReceivedAt) { this.copyReceivedAt = copyReceivedAt; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
