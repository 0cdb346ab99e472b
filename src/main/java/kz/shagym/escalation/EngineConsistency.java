package kz.shagym.escalation;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import io.camunda.zeebe.process.test.engine.EngineLog;
import kz.shagym.clock.ShagymClock;
import kz.shagym.complaint.ComplaintLedger;
import kz.shagym.complaint.ComplaintRecord;
import kz.shagym.complaint.DeadlineRecord;
import kz.shagym.complaint.Ladder;
import kz.shagym.complaint.Track;
import kz.shagym.escalation.Processes.RungTimer;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Compares the embedded engine with the ledger, complaint by complaint: is each open complaint's process waiting at
 * the rungs the ledger has open, does every future deadline have its timer in the engine, has every past one fired (the
 * ledger shows its effect), and is nothing stuck on an incident? The ledger is the system of record, so a difference is the engine's fault and a
 * replacement of the engine repairs it. One pass over the engine's record stream: linear in its size, for diagnostics
 * and tests (seconds at a million records), not for every request.
 */
@Component
@Conditional(EngineConfiguration.EmbeddedMode.class)
class EngineConsistency {

    /** At most this many differing complaints are listed in full; all are counted. */
    private static final int LISTED = 50;

    private final EmbeddedEngine engine;
    private final ComplaintLedger ledger;
    private final Ladder ladder;
    private final ShagymClock clock;

    EngineConsistency(EmbeddedEngine engine, ComplaintLedger ledger, Ladder ladder, ShagymClock clock) {
        this.engine = engine;
        this.ledger = ledger;
        this.ladder = ladder;
        this.clock = clock;
    }

    /**
     * @param openComplaints   complaints checked (every open one)
     * @param consistent       of those, how many the engine matches in every respect
     * @param timersChecked    deadline timers compared (future ones looked up in the engine, past ones in the ledger)
     * @param timersFired      of those, past ones whose effect the ledger shows
     * @param drifted          complaints that differ; the first {@value #LISTED} are listed in {@code drifts}
     * @param orphanInstances  running ladder instances that no open complaint points to (a start whose answer was lost,
     *                         a closed complaint still running): they could act twice. Only counted when every open
     *                         complaint is checked (null otherwise).
     */
    record Report(Instant at, int engineGeneration, long records, int openComplaints, int consistent, int timersChecked,
                  int timersFired, int drifted, List<Drift> drifts, Integer orphanInstances) {}

    /**
     * One complaint on which engine and ledger differ.
     *
     * @param expectedElements where the ledger's open rungs re-enter the main process
     * @param engineElements   the main-process elements the engine has active (call activities and the judge-route wait)
     * @param lostTimers       future deadline timers the engine does not hold ("role@instant")
     * @param unfiredTimers    past deadline timers whose effect the ledger does not show
     * @param incidents        open incidents of the complaint's instances ("element: message"): the process is stuck there
     */
    record Drift(UUID complaintId, List<String> expectedElements, List<String> engineElements, List<String> lostTimers,
                 List<String> unfiredTimers, List<String> incidents) {}

    /** A check's report and every complaint found differing (the report lists only the first {@value #LISTED}). */
    record Outcome(Report report, Set<UUID> drifted) {}

    /** Every open complaint, and the instances no open complaint points to. */
    Report check() {
        return checkAll().report();
    }

    /** Every open complaint, with all that differ. */
    Outcome checkAll() {
        return check(ledger.openComplaintIds(), true);
    }

    /** The given complaints (closed ones are skipped). */
    Report check(List<UUID> complaints) {
        return check(complaints, false).report();
    }

    private Outcome check(List<UUID> open, boolean countOrphans) {
        Instant now = clock.instant();
        EngineState state = readEngine();
        Map<Long, Set<String>> elementsByRoot = state.ladderElementsByRoot();
        Map<Long, Set<Long>> timersByRoot = state.timerDueDatesByRoot();
        Map<Long, List<String>> incidentsByRoot = state.incidentsByRoot();
        int consistent = 0;
        int checked = 0;
        int fired = 0;
        List<Drift> drifts = new ArrayList<>();
        Set<UUID> driftedIds = new HashSet<>();
        int checkedComplaints = 0;
        Set<Long> referenced = new HashSet<>();
        for (UUID id : open) {
            ComplaintRecord complaint = ledger.find(id).orElse(null);
            if (complaint == null || !complaint.open()) {
                continue; // closed (or closed while we looked)
            }
            checkedComplaints++;
            List<Track> tracks = ledger.openTracks(id);
            Long root = complaint.processInstanceKey();
            if (root != null) {
                referenced.add(root);
            }
            Set<String> expected = new TreeSet<>(Processes.resumeElements(tracks));
            Set<String> active = root == null ? Set.of() : elementsByRoot.getOrDefault(root, Set.of());
            Set<Long> timers = root == null ? Set.of() : timersByRoot.getOrDefault(root, Set.of());
            List<String> lost = new ArrayList<>();
            List<String> unfired = new ArrayList<>();
            Map<UUID, List<DeadlineRecord>> byTrack = new HashMap<>();
            for (DeadlineRecord d : ledger.deadlines(id)) {
                if (d.trackId() != null && d.open()) {
                    byTrack.computeIfAbsent(d.trackId(), k -> new ArrayList<>()).add(d);
                }
            }
            for (Track track : tracks) {
                for (RungTimer timer : Processes.timersAt(track)) {
                    for (DeadlineRecord d : byTrack.getOrDefault(track.id(), List.of())) {
                        if (d.role() != timer.role()) {
                            continue;
                        }
                        Instant at = timer.atReminder() ? d.reminderAt() : Instant.parse(ladder.timerAt(d));
                        if (at == null) {
                            continue;
                        }
                        checked++;
                        String label = d.role() + (timer.atReminder() ? " reminder" : "") + "@" + at;
                        if (at.isAfter(now)) {
                            if (!timers.contains(at.toEpochMilli())) {
                                lost.add(label);
                            }
                        } else if (firedIn(d, timer)) {
                            fired++;
                        } else {
                            unfired.add(label);
                        }
                    }
                }
            }
            List<String> incidents = root == null ? List.of() : incidentsByRoot.getOrDefault(root, List.of());
            if (expected.equals(active) && lost.isEmpty() && unfired.isEmpty() && incidents.isEmpty()) {
                consistent++;
            } else {
                driftedIds.add(id);
                if (drifts.size() < LISTED) {
                    drifts.add(new Drift(id, List.copyOf(expected), List.copyOf(active), lost, unfired, incidents));
                }
            }
        }
        Integer orphans = null;
        if (countOrphans) {
            Set<Long> running = new HashSet<>(state.runningLadders);
            running.removeAll(referenced);
            orphans = running.size();
        }
        return new Outcome(new Report(now, engine.generation(), state.records, checkedComplaints, consistent, checked, fired,
                driftedIds.size(), drifts, orphans), driftedIds);
    }

    /** What the ledger shows once a timer's job has run (see the rung actions in {@link kz.shagym.complaint.Ladder}). */
    private static boolean firedIn(DeadlineRecord d, RungTimer timer) {
        return switch (timer.effect()) {
            case SILENCE -> false; // silence closes the deadline, and only open deadlines are checked
            case ESCALATE -> d.escalatedAt() != null;
            case REMIND -> d.remindedAt() != null;
        };
    }

    /**
     * The engine appends while we read: a read that collides with an append is simply repeated, and so is one whose
     * engine was replaced meanwhile (it reads the new engine, which may still be resuming: the report then differs
     * until the resume is done, as it should).
     */
    private EngineState readEngine() {
        for (int attempt = 1; ; attempt++) {
            try {
                EngineState state = new EngineState();
                engine.forEachRecord(state::apply);
                return state;
            } catch (ConcurrentModificationException | IndexOutOfBoundsException | EngineLog.ClosedException e) {
                if (attempt == 10) {
                    throw new IllegalStateException("the engine's record stream kept changing under the check", e);
                }
            }
        }
    }

    /** Active elements and timers per root process instance, rebuilt from the record stream. */
    private static final class EngineState {
        long records;
        /** Process instance key → the root instance it belongs to (a rung's instance → its complaint's ladder). */
        final Map<Long, Long> rootOf = new HashMap<>();
        /** Element instance key → [root, element id], while active in the main process. */
        final Map<Long, Object[]> ladderElements = new HashMap<>();
        /** Timer key → [root, due date in epoch ms], while the timer waits. */
        final Map<Long, long[]> timers = new HashMap<>();
        /** Ladder (root) instances running. */
        final Set<Long> runningLadders = new HashSet<>();
        /** Incident key → [root, "element: message"], while open. */
        final Map<Long, Object[]> incidents = new HashMap<>();

        void apply(Record<?> record) {
            records++;
            if (record.getValueType() == ValueType.PROCESS_INSTANCE) {
                processInstance(record, (ProcessInstanceRecordValue) record.getValue());
            } else if (record.getValueType() == ValueType.TIMER) {
                timer(record, (TimerRecordValue) record.getValue());
            } else if (record.getValueType() == ValueType.INCIDENT) {
                incident(record, (IncidentRecordValue) record.getValue());
            }
        }

        private void incident(Record<?> record, IncidentRecordValue value) {
            if (record.getIntent() == IncidentIntent.CREATED) {
                long root = rootOf.getOrDefault(value.getProcessInstanceKey(), value.getProcessInstanceKey());
                incidents.put(record.getKey(), new Object[] {root, value.getElementId() + ": " + value.getErrorMessage()});
            } else if (record.getIntent() == IncidentIntent.RESOLVED) {
                incidents.remove(record.getKey());
            }
        }

        Map<Long, List<String>> incidentsByRoot() {
            Map<Long, List<String>> byRoot = new HashMap<>();
            for (Object[] incident : incidents.values()) {
                byRoot.computeIfAbsent((Long) incident[0], k -> new ArrayList<>()).add((String) incident[1]);
            }
            return byRoot;
        }

        private void processInstance(Record<?> record, ProcessInstanceRecordValue value) {
            long instance = value.getProcessInstanceKey();
            if (record.getKey() == instance && !rootOf.containsKey(instance)) {
                long parent = value.getParentProcessInstanceKey();
                rootOf.put(instance, parent > 0 ? rootOf.getOrDefault(parent, parent) : instance);
            }
            if (record.getKey() == instance && Processes.LADDER.equals(value.getBpmnProcessId())) {
                if (record.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
                    runningLadders.add(instance);
                } else if (record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                        || record.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED) {
                    runningLadders.remove(instance);
                }
            }
            if (!Processes.LADDER.equals(value.getBpmnProcessId()) || record.getKey() == instance) {
                return;
            }
            if (record.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
                ladderElements.put(record.getKey(), new Object[] {instance, value.getElementId()});
            } else if (record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                    || record.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED) {
                ladderElements.remove(record.getKey());
            }
        }

        private void timer(Record<?> record, TimerRecordValue value) {
            if (record.getIntent() == TimerIntent.CREATED) {
                long root = rootOf.getOrDefault(value.getProcessInstanceKey(), value.getProcessInstanceKey());
                timers.put(record.getKey(), new long[] {root, value.getDueDate()});
            } else if (record.getIntent() == TimerIntent.TRIGGERED || record.getIntent() == TimerIntent.CANCELED) {
                timers.remove(record.getKey());
            }
        }

        /** The call activities (and the judge-route wait) active in each complaint's main process, by root instance. */
        Map<Long, Set<String>> ladderElementsByRoot() {
            Map<Long, Set<String>> byRoot = new HashMap<>();
            for (Object[] element : ladderElements.values()) {
                String id = (String) element[1];
                if (id.startsWith("CallActivity_") || id.equals("Event_JudgeRouteOpened")) {
                    byRoot.computeIfAbsent((Long) element[0], k -> new TreeSet<>()).add(id);
                }
            }
            return byRoot;
        }

        Map<Long, Set<Long>> timerDueDatesByRoot() {
            Map<Long, Set<Long>> byRoot = new HashMap<>();
            for (long[] timer : timers.values()) {
                byRoot.computeIfAbsent(timer[0], k -> new HashSet<>()).add(timer[1]);
            }
            return byRoot;
        }
    }
}
