package kz.shagym.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import kz.shagym.clock.ShagymClock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans the outbox from the ledger. Idempotent: it inserts the rows the ledger calls for that do not exist yet (the
 * unique key makes a second insert a no-op) and cancels unsent rows that no longer matter (deadline met, cancelled,
 * recalculated or acknowledged). Safe to call any number of times, from any thread.
 */
@Service
class ReminderPlanner {

    private final NotifyQueries queries;
    private final ReminderOutbox outbox;
    private final ReminderRules rules;
    private final NotifyProperties properties;
    private final ShagymClock clock;

    ReminderPlanner(NotifyQueries queries, ReminderOutbox outbox, ReminderRules rules, NotifyProperties properties,
                    ShagymClock clock) {
        this.queries = queries;
        this.outbox = outbox;
        this.rules = rules;
        this.properties = properties;
        this.clock = clock;
    }

    /** Its own transaction: called after the ledger's transaction committed, whose connection may still be bound. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void reconcile(UUID complaintId) {
        Instant now = clock.instant();
        List<DeadlineFacts> deadlines = queries.deadlinesOf(complaintId);
        List<String> coordinators = queries.coordinators().stream().map(NotifyQueries.Recipient::username).toList();
        Map<String, Boolean> reachable = new HashMap<>();
        for (DeadlineFacts d : deadlines) {
            for (ReminderRow.Planned row : rules.wanted(d, coordinators, now)) {
                if (reachable.computeIfAbsent(row.recipient(), this::hasAddress)) {
                    outbox.insertIfAbsent(row, now);
                }
            }
        }
        cancelUnwanted(complaintId, deadlines, coordinators, now);
        outbox.skipStale(complaintId, now);
    }

    /** Plans today's and tomorrow's digest for every lawyer and coordinator; the unique key keeps it to one a day. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void planDigests() {
        Instant now = clock.instant();
        LocalDate today = SendTimes.localDay(now);
        for (NotifyQueries.Recipient user : queries.digestRecipients()) {
            for (LocalDate day : List.of(today, today.plusDays(1))) {
                Instant at = SendTimes.at(day, properties.digestTime(), properties.spread(), "digest|" + user.username());
                outbox.insertIfAbsent(new ReminderRow.Planned(null, null, ReminderKind.DIGEST, day.toString(),
                        user.username(), at), now);
            }
        }
    }

    private void cancelUnwanted(UUID complaintId, List<DeadlineFacts> deadlines, List<String> coordinators, Instant now) {
        Map<UUID, DeadlineFacts> byId = deadlines.stream().collect(Collectors.toMap(DeadlineFacts::id, d -> d));
        for (ReminderRow row : outbox.unsentOf(complaintId)) {
            DeadlineFacts d = row.deadlineId() == null ? null : byId.get(row.deadlineId());
            if (d == null || !rules.stillWanted(row, d, coordinators, now)) {
                outbox.close(row.id(), ReminderRow.CANCELLED, now);
            }
        }
    }

    private boolean hasAddress(String username) {
        return queries.recipient(username).map(r -> r.email() != null && !r.email().isBlank()).orElse(false);
    }

}
