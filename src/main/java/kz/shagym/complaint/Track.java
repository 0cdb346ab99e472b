package kz.shagym.complaint;

import java.time.Instant;
import java.util.UUID;

/** One rung a complaint currently stands on, and the step within it. */
public record Track(UUID id, UUID complaintId, Rung rung, Step step, Instant openedAt) {
    Track withStep(Step next) {
        return new Track(id, complaintId, rung, next, openedAt);
    }
}
