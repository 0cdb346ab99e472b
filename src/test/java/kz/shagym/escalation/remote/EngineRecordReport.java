package kz.shagym.escalation.remote;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the engine did, per complaint, rebuilt from its record stream in one pass (oldest record first): the complaint is
 * the {@code complaintId} variable at the root of a {@value #LADDER} instance, and every instance the ladder calls
 * belongs to its root. Only events count (commands and rejections are requests, not what happened).
 */
final class EngineRecordReport {

    /** The ladder's process id (bpmn/complaint-escalation.bpmn). */
    static final String LADDER = "complaint-escalation";

    private long records;
    /** Process instance key → its root instance (a rung's instance → its complaint's ladder). */
    private final Map<Long, Long> rootOf = new HashMap<>();
    private final Set<Long> ladderRoots = new HashSet<>();
    private final Set<Long> activeLadderRoots = new HashSet<>();
    /** Instance key → complaint id, from the complaintId variable created in the instance's own scope. */
    private final Map<Long, String> complaintOf = new HashMap<>();
    /** Timer key → the timer as created, and what became of it. */
    private final Map<Long, Timer> timers = new LinkedHashMap<>();
    private final Set<Long> openJobs = new HashSet<>();
    private final Map<Long, String> openIncidents = new HashMap<>();

    private static final class Timer {
        final long instance;
        final String element;
        final long dueDate;
        int triggered;
        boolean canceled;

        Timer(long instance, String element, long dueDate) {
            this.instance = instance;
            this.element = element;
            this.dueDate = dueDate;
        }

        boolean pending() {
            return triggered == 0 && !canceled;
        }
    }

    void apply(Record<?> record) {
        records++;
        if (record.getRecordType() != RecordType.EVENT) {
            return;
        }
        switch (record.getValueType()) {
            case PROCESS_INSTANCE -> processInstance(record, (ProcessInstanceRecordValue) record.getValue());
            case VARIABLE -> variable(record, (VariableRecordValue) record.getValue());
            case TIMER -> timer(record, (TimerRecordValue) record.getValue());
            case JOB -> job(record);
            case INCIDENT -> incident(record);
            default -> {
            }
        }
    }

    private void processInstance(Record<?> record, ProcessInstanceRecordValue value) {
        long instance = value.getProcessInstanceKey();
        if (record.getKey() != instance) {
            return; // an element inside the process, not the process itself
        }
        if (!rootOf.containsKey(instance)) {
            long parent = value.getParentProcessInstanceKey();
            rootOf.put(instance, parent > 0 ? rootOf.getOrDefault(parent, parent) : instance);
        }
        if (value.getParentProcessInstanceKey() > 0 || !LADDER.equals(value.getBpmnProcessId())) {
            return;
        }
        if (record.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
            ladderRoots.add(instance);
            activeLadderRoots.add(instance);
        } else if (record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                || record.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED) {
            activeLadderRoots.remove(instance);
        }
    }

    private void variable(Record<?> record, VariableRecordValue value) {
        if (record.getIntent() == VariableIntent.CREATED && "complaintId".equals(value.getName())
                && value.getScopeKey() == value.getProcessInstanceKey()) {
            complaintOf.put(value.getProcessInstanceKey(), value.getValue().replace("\"", ""));
        }
    }

    private void timer(Record<?> record, TimerRecordValue value) {
        if (record.getIntent() == TimerIntent.CREATED) {
            timers.put(record.getKey(), new Timer(value.getProcessInstanceKey(), value.getTargetElementId(), value.getDueDate()));
        } else if (record.getIntent() == TimerIntent.TRIGGERED) {
            Timer timer = timers.get(record.getKey());
            if (timer != null) {
                timer.triggered++;
            }
        } else if (record.getIntent() == TimerIntent.CANCELED) {
            Timer timer = timers.get(record.getKey());
            if (timer != null) {
                timer.canceled = true;
            }
        }
    }

    private void job(Record<?> record) {
        if (record.getIntent() == JobIntent.CREATED) {
            openJobs.add(record.getKey());
        } else if (record.getIntent() == JobIntent.COMPLETED || record.getIntent() == JobIntent.CANCELED
                || record.getIntent() == JobIntent.ERROR_THROWN) {
            openJobs.remove(record.getKey());
        }
    }

    private void incident(Record<?> record) {
        var value = (io.camunda.zeebe.protocol.record.value.IncidentRecordValue) record.getValue();
        if (record.getIntent() == IncidentIntent.CREATED) {
            openIncidents.put(record.getKey(), value.getElementId() + ": " + value.getErrorMessage());
        } else if (record.getIntent() == IncidentIntent.RESOLVED) {
            openIncidents.remove(record.getKey());
        }
    }

    /**
     * The report as JSON-ready maps. Per complaint: {@code activeRoots} and {@code roots} (ladder instances running now,
     * and all ever created), and {@code timers}: one entry per (instance, element, due date) with how many timers were
     * created there and how many of them TRIGGERED, were canceled, or still wait ({@code pending}).
     */
    Map<String, Object> asJson(Instant engineNow) {
        Map<String, Map<String, Object>> complaints = new TreeMap<>();
        int unattributed = 0;
        for (long root : ladderRoots) {
            String complaint = complaintOf.get(root);
            if (complaint == null) {
                unattributed++;
                continue;
            }
            Map<String, Object> entry = complaints.computeIfAbsent(complaint, k -> newComplaint());
            set(entry, "roots").add(root);
            if (activeLadderRoots.contains(root)) {
                set(entry, "activeRoots").add(root);
            }
        }
        Map<String, Map<String, Object>> timerEntries = new LinkedHashMap<>();
        int pendingOverdue = 0;
        for (Timer timer : timers.values()) {
            long root = rootOf.getOrDefault(timer.instance, timer.instance);
            String complaint = complaintOf.get(root);
            if (complaint == null) {
                continue;
            }
            Map<String, Object> entry = timerEntries.computeIfAbsent(complaint + "|" + timer.instance + "|" + timer.element
                    + "|" + timer.dueDate, k -> {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("instance", timer.instance);
                t.put("root", root);
                t.put("element", timer.element);
                t.put("dueDate", Instant.ofEpochMilli(timer.dueDate).toString());
                t.put("created", 0);
                t.put("triggered", 0);
                t.put("canceled", 0);
                t.put("pending", 0);
                @SuppressWarnings("unchecked")
                List<Object> list = (List<Object>) complaints.computeIfAbsent(complaint, c -> newComplaint()).get("timers");
                list.add(t);
                return t;
            });
            entry.merge("created", 1, (a, b) -> (Integer) a + (Integer) b);
            entry.merge("triggered", timer.triggered, (a, b) -> (Integer) a + (Integer) b);
            entry.merge("canceled", timer.canceled ? 1 : 0, (a, b) -> (Integer) a + (Integer) b);
            entry.merge("pending", timer.pending() ? 1 : 0, (a, b) -> (Integer) a + (Integer) b);
            if (timer.pending() && timer.dueDate <= engineNow.toEpochMilli()) {
                pendingOverdue++;
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("engineNow", engineNow.toString());
        report.put("records", records);
        report.put("ladderInstances", ladderRoots.size());
        report.put("activeLadderInstances", activeLadderRoots.size());
        report.put("unattributedLadderInstances", unattributed);
        report.put("timersPendingOverdue", pendingOverdue);
        report.put("openJobs", openJobs.size());
        report.put("openIncidents", openIncidents.size());
        report.put("incidentExamples", new TreeSet<>(openIncidents.values()).stream().limit(20).toList());
        report.put("complaints", complaints);
        return report;
    }

    private static Map<String, Object> newComplaint() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("activeRoots", new TreeSet<Long>());
        entry.put("roots", new TreeSet<Long>());
        entry.put("timers", new ArrayList<>());
        return entry;
    }

    @SuppressWarnings("unchecked")
    private static Set<Long> set(Map<String, Object> entry, String name) {
        return (Set<Long>) entry.get(name);
    }
}
