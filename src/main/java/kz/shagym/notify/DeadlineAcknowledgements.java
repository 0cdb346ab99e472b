package kz.shagym.notify;

import java.util.UUID;
import kz.shagym.clock.ShagymClock;
import kz.shagym.security.CaseAccess;
import kz.shagym.security.CaseRef;
import kz.shagym.web.ApiException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * "I saw it": whoever may read a case records, once per deadline, that someone knows its term passed. The daily
 * overdue mails stop for everyone; the deadline stays listed (below those nobody acknowledged) until the filing, a
 * recalculation or the closing ends it. One rule for the API and the pages.
 */
@Component
public class DeadlineAcknowledgements {

    private final ReminderOutbox outbox;
    private final NotifyQueries queries;
    private final ReminderPlanner planner;
    private final CaseAccess access;
    private final ShagymClock clock;

    DeadlineAcknowledgements(ReminderOutbox outbox, NotifyQueries queries, ReminderPlanner planner, CaseAccess access,
                             ShagymClock clock) {
        this.outbox = outbox;
        this.queries = queries;
        this.planner = planner;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Records the acknowledgement (the first one stands: a second changes nothing) and re-plans the case's mails.
     *
     * @return the case of the deadline
     * @throws ApiException 404 when there is no such deadline
     * @throws kz.shagym.security.CaseAccessDeniedException when the user may not read its case (recorded)
     */
    public UUID acknowledge(UUID deadlineId, Authentication user) {
        DeadlineFacts d = queries.deadline(deadlineId).orElseThrow(() -> ApiException.notFound("deadline " + deadlineId));
        access.requireRead(user, new CaseRef(d.complaintId(), d.caseNumber(), d.lawyer()));
        outbox.acknowledge(deadlineId, user.getName(), clock.instant());
        planner.reconcile(d.complaintId());
        return d.complaintId();
    }
}
