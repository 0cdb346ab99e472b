package kz.shagym.complaint;

import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** Corrected dates of a recorded event, e.g. the applicant in fact learned of the decision later. */
public record DateCorrection(OffsetDateTime occurredAt, OffsetDateTime learnedAt, OffsetDateTime copyReceivedAt,
                             @Size(max = 2000, message = "at most 2000 characters") String reason) {
}
