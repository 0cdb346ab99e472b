package kz.shagym.notify;

import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reminder and mail settings ({@code shagym.notify.*}). Legal offsets are not here: they come from the rule catalog.
 *
 * @param mailEnabled      false holds every mail in the outbox (planned, never sent)
 * @param from             the sender address
 * @param publicUrl        the base of links in mails and of calendar URLs
 * @param sendTime         local (Asia/Almaty) time of day reminders go out
 * @param digestTime       local time of day the daily digest goes out
 * @param spread           mails of one morning are spread over this window so that they do not all go at once
 * @param digestHorizon    how far ahead the digest looks
 * @param sendInterval     delay between two sending passes
 * @param reconcileInterval delay between two full re-plannings (the safety net behind the ledger events)
 * @param batchSize        rows claimed per round of a pass
 * @param claimTimeout     a row claimed longer ago than this was claimed by a sender that died: it is sent again
 * @param backoffInitial   wait after the first SMTP failure; doubled after each further one
 * @param backoffMax       the longest wait between two attempts
 * @param stuckAfter       attempts after which a failing row is marked stuck and shown on the failures list
 */
@ConfigurationProperties("shagym.notify")
record NotifyProperties(@DefaultValue("true") boolean mailEnabled,
                        @DefaultValue("shagym@localhost") String from,
                        @DefaultValue("http://localhost:8080") String publicUrl,
                        @DefaultValue("09:00") LocalTime sendTime,
                        @DefaultValue("08:30") LocalTime digestTime,
                        @DefaultValue("PT30M") Duration spread,
                        @DefaultValue("P7D") Period digestHorizon,
                        @DefaultValue("PT30S") Duration sendInterval,
                        @DefaultValue("PT10M") Duration reconcileInterval,
                        @DefaultValue("50") int batchSize,
                        @DefaultValue("PT10M") Duration claimTimeout,
                        @DefaultValue("PT1M") Duration backoffInitial,
                        @DefaultValue("PT1H") Duration backoffMax,
                        @DefaultValue("6") int stuckAfter) {

    /** The wait before attempt {@code attempts + 1}: doubling from the initial wait, capped. */
    Duration backoff(int attempts) {
        Duration wait = backoffInitial;
        for (int i = 1; i < attempts && wait.compareTo(backoffMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(backoffMax) > 0 ? backoffMax : wait;
    }

    String caseUrl(Object complaintId) {
        return trimmedUrl() + "/cases/" + complaintId;
    }

    String trimmedUrl() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }
}
