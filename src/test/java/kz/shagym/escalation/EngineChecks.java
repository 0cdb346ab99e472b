package kz.shagym.escalation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;

/** Waits on a running {@link AppProcess} until its engine is in step with its ledger, or its outbox has sent what is due. */
final class EngineChecks {

    private EngineChecks() {
    }

    /**
     * Polls the consistency report until no open complaint differs between engine and ledger and no instance runs that
     * no open complaint points to; returns that report.
     */
    static JsonNode awaitConsistent(AppProcess app, Duration timeout) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        JsonNode report = null;
        do {
            try {
                report = app.get("/api/admin/engine/consistency");
            } catch (java.net.http.HttpTimeoutException slow) {
                // a resume of every complaint is under way (an engine replacement): not yet, rather than failed
                report = null;
                continue;
            }
            if (report.get("drifted").asInt() == 0 && report.get("orphanInstances").asInt() == 0) {
                return report;
            }
            Thread.sleep(2000);
        } while (System.nanoTime() < until);
        throw new AssertionError("engine and ledger still differ after " + timeout + " (see " + app.log() + "): " + report);
    }

    /**
     * Polls the outbox until nothing due is unsent and nothing is being sent, twice in a row a few seconds apart with no
     * mail planned in between; returns an application time by which every due mail was sent. One drained look is not
     * enough under load: the escalations of a burst of lapsed deadlines keep planning overdue mail, due at once, for a
     * while after the engine and the ledger agree.
     */
    static Instant awaitOutboxDrained(AppProcess app, Duration timeout) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        JsonNode outbox;
        long rowsAtLastDrainedLook = -1;
        do {
            Instant now = app.now();
            outbox = app.get("/api/reminders/outbox");
            if (drained(outbox)) {
                long rows = rows(outbox);
                if (rows == rowsAtLastDrainedLook) {
                    return now;
                }
                rowsAtLastDrainedLook = rows;
                Thread.sleep(5000);
            } else {
                rowsAtLastDrainedLook = -1;
                Thread.sleep(1000);
            }
        } while (System.nanoTime() < until);
        throw new AssertionError("mail still due after " + timeout + " (see " + app.log() + "): " + outbox);
    }

    private static boolean drained(JsonNode outbox) {
        return outbox.get("dueUnsent").asInt() == 0 && outbox.get("byStatus").path("SENDING").asInt(0) == 0
                && outbox.get("byStatus").path("FAILED_RETRYING").asInt(0) == 0;
    }

    /** Every row of the outbox, whatever its state: grows while anything still plans mail. */
    private static long rows(JsonNode outbox) {
        long rows = 0;
        for (JsonNode count : outbox.get("byStatus")) {
            rows += count.asLong();
        }
        return rows;
    }
}
