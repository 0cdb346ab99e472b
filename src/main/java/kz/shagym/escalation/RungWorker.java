package kz.shagym.escalation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.UUID;
import kz.shagym.complaint.Ladder;
import kz.shagym.complaint.Rung;
import org.springframework.stereotype.Component;

/**
 * Thin: maps a rung's service task (its headers "action" and "rung") to the ladder, returns only the variables the rung
 * needs. A job of an instance that is not the complaint's current one changes nothing ({@link LadderRuns}).
 */
@Component
public class RungWorker {

    private final Ladder ladder;
    private final LadderRuns runs;

    RungWorker(Ladder ladder, LadderRuns runs) {
        this.ladder = ladder;
        this.runs = runs;
    }

    @JobWorker(type = Processes.RUNG_JOB, fetchVariables = {"complaintId", Processes.LADDER_RUN})
    public Map<String, Object> handle(ActivatedJob job) {
        if (!runs.current(job)) {
            return Map.of();
        }
        UUID complaintId = LadderRuns.complaintId(job);
        Map<String, String> headers = job.getCustomHeaders();
        Rung rung = Rung.valueOf(headers.get("rung"));
        return switch (headers.get("action")) {
            case "open" -> ladder.openRung(complaintId, rung);
            case "silence" -> ladder.silence(complaintId, rung);
            case "overdue" -> {
                ladder.answerOverdue(complaintId, rung);
                yield Map.of();
            }
            case "remind" -> {
                ladder.remind(complaintId, rung, headers.get("role"));
                yield Map.of();
            }
            case "escalate" -> {
                ladder.escalate(complaintId, rung, headers.get("role"));
                yield Map.of();
            }
            case "complete" -> {
                ladder.completeLadder(complaintId);
                yield Map.of();
            }
            default -> throw new IllegalArgumentException("unknown rung action " + headers.get("action"));
        };
    }
}
