package kz.shagym.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import kz.shagym.complaint.ComplaintView;
import kz.shagym.complaint.Rung;
import kz.shagym.complaint.Step;
import kz.shagym.complaint.Track;
import kz.shagym.escalation.Processes;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the case page's diagram needs beyond the BPMN file: the labels of its elements in the page's language (the
 * BPMN is written in English), the deadline that runs at each current rung ("до 15.06.2026", drawn next to it),
 * and the same facts as a list for those who do not see the drawing (its text alternative). The labels and the
 * deadlines reach case.js as JSON in data- attributes: the page's CSP allows no inline script.
 */
@Component
class CaseDiagram {

    /** Every labelled element of bpmn/complaint-escalation.bpmn; each has diagram.el.<id> in the bundles. */
    static final List<String> LABELLED = List.of("complaint-escalation", "StartEvent_ComplaintFiled",
            "CallActivity_FiledWithAuthority", "Gateway_AuthorityResponse", "Flow_Registered", "Flow_ForwardedWithoutNotice",
            "Flow_AuthorityRefusedOrSilent", "CallActivity_InternalSecurityCheck", "CallActivity_Investigation",
            "SubProcess_Challenge", "StartEvent_Challenge", "Gateway_OpenRoutes", "CallActivity_ProsecutorComplaint",
            "Gateway_ProsecutorOutcome", "Flow_ProsecutorGranted", "Flow_ProsecutorRefusedOrSilent",
            "EndEvent_RegisteredByProsecutor", "EndEvent_ProsecutorRouteClosed", "Gateway_JudgeRouteOpen", "Flow_JudgeRouteOpen",
            "Flow_JudgeRouteWaits", "Event_JudgeRouteOpened", "CallActivity_InvestigativeJudge", "Gateway_JudgeOutcome",
            "Flow_JudgeGranted", "Flow_JudgeRefused", "EndEvent_RegisteredByJudge", "CallActivity_Appeal",
            "Gateway_AppealOutcome", "Flow_AppealGranted", "Flow_AppealRefused", "EndEvent_RegisteredOnAppeal",
            "EndEvent_RemediesExhausted", "EndEvent_ChallengeEnded", "Escalation_ChallengeRegistered", "Escalation_ChallengeExhausted",
            "CallActivity_DomesticRemediesExhausted", "CallActivity_UnCommunication", "CallActivity_UnFollowUp",
            "Task_CloseLadder", "EndEvent_LadderCompleted", "SubProcess_ComplaintClosed", "StartEvent_ComplaintClosed",
            "EndEvent_ComplaintClosed", "SubProcess_RunSuperseded", "StartEvent_RunSuperseded", "EndEvent_RunSuperseded");

    /** One rung of the ladder as the text alternative lists it: current or not, and the last day that runs there. */
    record RungItem(String rung, boolean current, String until) {}

    private final MessageSource messages;
    private final ObjectMapper json;

    CaseDiagram(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    String labels(Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        LABELLED.forEach(id -> labels.put(id, messages.getMessage("diagram.el." + id, null, locale)));
        labels.put("open", messages.getMessage("diagram.open", new Object[] {"{0}"}, locale));
        return write(labels);
    }

    /** Every rung in ladder order; a current one with the earliest open deadline on it. */
    List<RungItem> rungs(ComplaintView view) {
        return java.util.Arrays.stream(Rung.values())
                .map(rung -> new RungItem(rung.name(), view.rungs().stream().anyMatch(r -> r.rung().equals(rung.name())),
                        Formats.date(earliestOpen(view, rung))))
                .toList();
    }

    /** Diagram element id → "до 15.06.2026" for each current rung with an open deadline. */
    String deadlines(ComplaintView view, Locale locale) {
        Map<String, String> marks = new LinkedHashMap<>();
        for (ComplaintView.RungView r : view.rungs()) {
            var lastDay = earliestOpen(view, Rung.valueOf(r.rung()));
            if (lastDay != null) {
                String element = Processes.resumeElement(new Track(null, view.id(), Rung.valueOf(r.rung()), Step.valueOf(r.step()), r.openedAt()));
                marks.putIfAbsent(element, messages.getMessage("diagram.until", new Object[] {Formats.date(lastDay)}, locale));
            }
        }
        return write(marks);
    }

    private static java.time.LocalDate earliestOpen(ComplaintView view, Rung rung) {
        return view.deadlines().stream()
                .filter(d -> "OPEN".equals(d.status()) && rung.name().equals(d.rung()))
                .map(ComplaintView.DeadlineView::lastDay)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
