package kz.shagym.escalation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.UUID;
import kz.shagym.complaint.ComplaintLedger;
import kz.shagym.complaint.Rung;
import kz.shagym.letter.LetterKind;
import kz.shagym.letter.LetterService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Drafts the letter a rung opens with. Once per rung: the key is the rung's ledger track, so a resumed rung finds its letter. */
@Component
public class LetterWorker {

    private static final Logger log = LoggerFactory.getLogger(LetterWorker.class);

    private final LetterService letters;
    private final ComplaintLedger ledger;

    private final LadderRuns runs;

    LetterWorker(LetterService letters, ComplaintLedger ledger, LadderRuns runs) {
        this.letters = letters;
        this.ledger = ledger;
        this.runs = runs;
    }

    @JobWorker(type = Processes.LETTER_JOB, fetchVariables = {"complaintId", Processes.LADDER_RUN})
    public Map<String, Object> draft(ActivatedJob job) {
        if (!runs.current(job)) {
            return Map.of();
        }
        UUID complaintId = LadderRuns.complaintId(job);
        LetterKind kind = LetterKind.valueOf(job.getCustomHeaders().get("kind"));
        Rung rung = Rung.valueOf(job.getCustomHeaders().get("rung"));
        ledger.openTracks(complaintId).stream().filter(t -> t.rung() == rung).findFirst().ifPresentOrElse(
                track -> letters.draft(complaintId, kind, track.id(), "rung:" + track.id() + ":" + kind),
                () -> log.info("rung {} of complaint {} closed before its {} was drafted; skipped", rung, complaintId, kind));
        return Map.of();
    }
}
