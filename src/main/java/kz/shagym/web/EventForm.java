package kz.shagym.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.shagym.complaint.EventCommand;
import kz.shagym.complaint.EventCommand.Route;
import kz.shagym.web.CaseAct.Field;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;

/**
 * What happened, as the case page's form posts it: the act ({@link CaseAct}) and the fields that act reads, the dates
 * in Almaty local time as written on the paper the lawyer holds. Fields the act does not read are ignored (the page
 * disables them; without scripts they are merely shown), so the command carries exactly what the act means.
 */
public class EventForm {

    @NotNull
    private CaseAct type;
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
    /** Both routes at once by default (art. 105 and art. 106); the lawyer may go to the prosecutor first. */
    private List<Route> routes = new ArrayList<>(List.of(Route.PROSECUTOR, Route.INVESTIGATIVE_JUDGE));
    private EventCommand.Committee committee;
    private boolean interimMeasures;
    private UUID decisionEventId;
    private EventCommand.CloseReason closeReason;
    @Size(max = 2000)
    private String note;

    /**
     * What the act needs and the form lacks, named at its field (the messages are the bundles' {@code act.error.*}):
     * the API would refuse most of it too, but in English and without knowing which field of the page it meant.
     */
    void check(BindingResult result, List<CaseAct> available) {
        if (type == null) {
            return;
        }
        if (!available.contains(type)) {
            result.rejectValue("type", "act.error.notNow");
            return;
        }
        // a date is never silently dropped: one the act does not read is refused (the page does not send them)
        if (!type.has(Field.LEARNED) && learnedAt != null) {
            result.rejectValue("learnedAt", "act.error.notRead");
        }
        if (!type.has(Field.COPY) && copyReceivedAt != null) {
            result.rejectValue("copyReceivedAt", "act.error.notRead");
        }
        if (type.has(Field.AUTHORITY) && (authority == null || !type.authorities().contains(authority))) {
            result.rejectValue("authority", "act.error.authority");
        }
        if (type.has(Field.OUTCOME) && (outcome == null || !type.outcomes().contains(outcome))) {
            result.rejectValue("outcome", "act.error.outcome");
        }
        if (type.has(Field.ROUTES) && (routes == null || routes.isEmpty())) {
            result.rejectValue("routes", "act.error.routes");
        }
        if (type.has(Field.COMMITTEE) && committee == null) {
            result.rejectValue("committee", "act.error.committee");
        }
        if (type.has(Field.DECISION_EVENT) && decisionEventId == null) {
            result.rejectValue("decisionEventId", "act.error.decisionEvent");
        }
        if (type.has(Field.CLOSE_REASON)) {
            if (closeReason == null) {
                result.rejectValue("closeReason", "act.error.closeReason");
            } else if (closeReason == EventCommand.CloseReason.OTHER && (note == null || note.isBlank())) {
                result.rejectValue("note", "act.error.closeNote");
            }
        }
    }

    /**
     * The ladder's own checks of the dates (Ladder.Dates), said in the page's language at the field: a fact is not in the
     * future, nor before the Republic's independence; one learns of a decision and gets its copy after it was made.
     */

    EventCommand toCommand() {
        CaseAct act = type;
        boolean decision = act.type() == kz.shagym.complaint.EventType.DECISION;
        EventCommand.Authority who = act.authorities().size() == 1 ? act.authorities().get(0)
                : act.has(Field.AUTHORITY) ? authority : null;
        EventCommand.Outcome what = act.outcomes().size() == 1 ? act.outcomes().get(0) : act.has(Field.OUTCOME) ? outcome : null;
        return new EventCommand(act.type(),
                decision ? null : Forms.almaty(decidedAt),
                act.has(Field.LEARNED) ? Forms.almaty(learnedAt) : null,
                decision ? who : null,
                decision ? what : null,
                act.has(Field.REASON) ? reason : null,
                decision ? Forms.almaty(decidedAt) : null,
                act.has(Field.COPY) ? Forms.almaty(copyReceivedAt) : null,
                null, null, null,
                act.has(Field.COMMITTEE) ? committee : null,
                act.has(Field.INTERIM_MEASURES) ? interimMeasures : null,
                act.has(Field.ROUTES) ? List.copyOf(routes) : null,
                act.has(Field.DECISION_EVENT) ? decisionEventId : null,
                note == null || note.isBlank() ? null : note.strip(),
                act.has(Field.CLOSE_REASON) ? closeReason : null);
    }

    /** The domain names its date fields after the API; the form has one field for "when it happened". */
    static String formField(String apiField) {
        if (apiField == null) {
            return null;
        }
        return switch (apiField) {
            case "occurredAt", "decidedAt", "filedAt" -> "decidedAt";
            case "learnedAt", "copyReceivedAt", "authority", "outcome", "reason", "note", "type", "routes", "committee",
                 "interimMeasures", "decisionEventId", "closeReason" -> apiField;
            default -> null;
        };
    }

    public CaseAct getType() { return type; }
    public void setType(CaseAct type) { this.type = type; }
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
    public List<Route> getRoutes() { return routes; }
    public void setRoutes(List<Route> routes) { this.routes = routes == null ? new ArrayList<>() : routes; }
    public EventCommand.Committee getCommittee() { return committee; }
    public void setCommittee(EventCommand.Committee committee) { this.committee = committee; }
    public boolean isInterimMeasures() { return interimMeasures; }
    public void setInterimMeasures(boolean interimMeasures) { this.interimMeasures = interimMeasures; }
    public UUID getDecisionEventId() { return decisionEventId; }
    public void setDecisionEventId(UUID decisionEventId) { this.decisionEventId = decisionEventId; }
    public EventCommand.CloseReason getCloseReason() { return closeReason; }
    public void setCloseReason(EventCommand.CloseReason closeReason) { this.closeReason = closeReason; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
