package kz.shagym.escalation.scenario;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What the ladder's BPMN says about an element, read from the diagrams the application deploys: the process that holds
 * it (a search on a Camunda 8 runtime looks for instances of one process), and the variable a timer's date comes from.
 */
final class LadderModel {

    private final Map<String, String> processOf = new HashMap<>();
    private final Map<String, String> timerDateVariableOf = new HashMap<>();

    private LadderModel() {
    }

    static LadderModel read(String bpmnLocation) {
        LadderModel ladder = new LadderModel();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(bpmnLocation)) {
                try (InputStream in = resource.getInputStream()) {
                    ladder.add(Bpmn.readModelFromStream(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ladder's BPMN at " + bpmnLocation, e);
        }
        return ladder;
    }

    private void add(BpmnModelInstance model) {
        for (Process process : model.getModelElementsByType(Process.class)) {
            processOf.put(process.getId(), process.getId());
        }
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            processOf.put(node.getId(), processHolding(node).getId());
        }
        for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
            if (timer.getTimeDate() != null) {
                String expression = timer.getTimeDate().getTextContent().trim();
                // the ladder's timers are dated by one variable each: "=applicantDueAt"
                timerDateVariableOf.put(((FlowNode) timer.getParentElement()).getId(), expression.substring(1));
            }
        }
    }

    private static Process processHolding(ModelElementInstance element) {
        ModelElementInstance parent = element.getParentElement();
        while (!(parent instanceof Process process)) {
            parent = parent.getParentElement();
        }
        return process;
    }

    /** The id of the process (the main ladder or a rung) that holds the element. */
    String processOf(String elementId) {
        String process = processOf.get(elementId);
        if (process == null) {
            throw new IllegalArgumentException("no element " + elementId + " in the ladder's BPMN");
        }
        return process;
    }

    /** The variable the timer element's date is read from. */
    String timerDateVariable(String timerElementId) {
        String variable = timerDateVariableOf.get(timerElementId);
        if (variable == null) {
            throw new IllegalArgumentException("no dated timer " + timerElementId + " in the ladder's BPMN");
        }
        return variable;
    }
}
