package kz.shagym.notify;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.shagym.clock.ShagymClock;
import kz.shagym.security.CaseAccess;
import kz.shagym.security.Role;
import kz.shagym.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Failing mails for the dashboard, and acknowledging a deadline's overdue reminders. */
@RestController
@RequestMapping("/api/reminders")
class ReminderController {

    record Failure(UUID id, UUID complaintId, String caseNumber, UUID deadlineId, String kind, String offset,
                   String recipient, int attempts, Instant nextAttemptAt, boolean stuck, String lastError) {}

    private final ReminderOutbox outbox;
    private final NotifyQueries queries;
    private final DeadlineAcknowledgements acknowledgements;
    private final ShagymClock clock;

    ReminderController(ReminderOutbox outbox, NotifyQueries queries, DeadlineAcknowledgements acknowledgements,
                       ShagymClock clock) {
        this.outbox = outbox;
        this.queries = queries;
        this.acknowledgements = acknowledgements;
        this.clock = clock;
    }

    /** Mails that keep failing (stuck), or with {@code all=true} every mail waiting for a retry. Coordinators and admins. */
    @GetMapping("/failures")
    List<Failure> failures(Authentication user, @RequestParam(defaultValue = "false") boolean all) {
        requireCoordinatorOrAdmin(user, "the failures list is for coordinators and administrators");
        return outbox.failing(!all).stream().map(this::failure).toList();
    }

    private static void requireCoordinatorOrAdmin(Authentication user, String refusal) {
        if (!CaseAccess.has(user, Role.COORDINATOR) && !CaseAccess.has(user, Role.ADMIN)) {
            throw new ApiException(HttpStatus.FORBIDDEN, null, refusal);
        }
    }

    /**
     * The outbox at a glance: rows per state, and how many are due but unsent (with the oldest such time). Rows in
     * SENDING are being sent, or were claimed by a sender that died and are sent again after {@code claim-timeout}.
     */
    @GetMapping("/outbox")
    ReminderOutbox.Summary outbox(Authentication user) {
        requireCoordinatorOrAdmin(user, "the outbox summary is for coordinators and administrators");
        return outbox.summary(clock.instant());
    }

    @PostMapping("/{id}/acknowledge")
    Map<String, Object> acknowledgeReminder(@PathVariable UUID id, Authentication user) {
        ReminderRow row = outbox.find(id).orElseThrow(() -> ApiException.notFound("reminder " + id));
        if (row.deadlineId() == null) {
            throw ApiException.badRequest("id", "a digest has nothing to acknowledge");
        }
        return acknowledgeDeadline(row.deadlineId(), user);
    }

    /** Stops the daily overdue mails of a deadline, for everyone. A recalculated deadline starts a new ladder. */
    @PostMapping("/deadlines/{deadlineId}/acknowledge")
    Map<String, Object> acknowledgeDeadline(@PathVariable UUID deadlineId, Authentication user) {
        acknowledgements.acknowledge(deadlineId, user);
        return Map.of("deadlineId", deadlineId, "acknowledged", true);
    }

    private Failure failure(ReminderRow r) {
        String caseNumber = r.deadlineId() == null ? null
                : queries.deadline(r.deadlineId()).map(DeadlineFacts::caseNumber).orElse(null);
        return new Failure(r.id(), r.complaintId(), caseNumber, r.deadlineId(), r.kind().name(), r.offsetKey(), r.recipient(),
                r.attempts(), r.nextAttemptAt(), r.stuck(), r.lastError());
    }
}
