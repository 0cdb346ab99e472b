package kz.shagym.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kz.shagym.deadline.DeadlineException;
import kz.shagym.deadline.RuleCatalog;
import org.springframework.stereotype.Component;

/**
 * Which mails a deadline calls for, and whether a planned mail still matters. The same rules serve the planner (what to
 * insert, what to cancel) and the sender (a last check just before sending), so the two cannot disagree.
 */
@Component
class ReminderRules {

    private final RuleCatalog catalog;
    private final NotifyProperties properties;

    ReminderRules(RuleCatalog catalog, NotifyProperties properties) {
        this.catalog = catalog;
        this.properties = properties;
    }

    /** The rows a deadline calls for now. Overdue rows are planned for the current and the next overdue day only. */
    List<ReminderRow.Planned> wanted(DeadlineFacts d, List<String> coordinators, Instant now) {
        List<ReminderRow.Planned> rows = new ArrayList<>();
        if (d.applicant() && d.open() && d.caseOpen()) {
            LocalDate createdDay = SendTimes.localDay(d.createdAt());
            for (Period offset : offsets(d)) {
                LocalDate day = d.lastDay().minus(offset);
                // A reminder day before the deadline existed cannot be kept; the nearer ones still go out.
                if (!day.isBefore(createdDay)) {
                    rows.add(planned(d, ReminderKind.REMINDER, offset.toString(), d.lawyer(), day));
                }
            }
        }
        if (overdueWanted(d, now)) {
            LocalDate firstOverdueDay = d.lastDay().plusDays(1);
            LocalDate today = SendTimes.localDay(now);
            LocalDate current = today.isAfter(firstOverdueDay) ? today : firstOverdueDay;
            for (LocalDate day : List.of(current, current.plusDays(1))) {
                for (String recipient : overdueRecipients(d, coordinators)) {
                    rows.add(planned(d, ReminderKind.OVERDUE, day.toString(), recipient, day));
                }
            }
        }
        if (!d.applicant() && d.current() && d.silenceRecorded()) {
            ReminderRow.Planned morning = planned(d, ReminderKind.AUTHORITY_SILENT, "-", d.lawyer(), SendTimes.localDay(d.dueAt()));
            Instant at = morning.sendAt().isBefore(d.dueAt()) ? d.dueAt() : morning.sendAt();
            rows.add(new ReminderRow.Planned(d.complaintId(), d.id(), ReminderKind.AUTHORITY_SILENT, "-", d.lawyer(), at));
        }
        return rows;
    }

    /** Whether a planned row of this deadline should still be sent (at planning and again just before sending). */
    boolean stillWanted(ReminderRow row, DeadlineFacts d, List<String> coordinators, Instant now) {
        return switch (row.kind()) {
            case REMINDER -> d.applicant() && d.open() && d.caseOpen() && row.recipient().equals(d.lawyer());
            case OVERDUE -> overdueWanted(d, now) && overdueRecipients(d, coordinators).contains(row.recipient())
                    && LocalDate.parse(row.offsetKey()).isAfter(d.lastDay());
            case AUTHORITY_SILENT -> !d.applicant() && d.current() && d.silenceRecorded() && row.recipient().equals(d.lawyer());
            case DIGEST -> true;
        };
    }

    /** Overdue mails repeat until the term is filed, closed, recalculated or someone acknowledges them. */
    private static boolean overdueWanted(DeadlineFacts d, Instant now) {
        return !d.acknowledged() && (d.applicant() && d.open() && d.caseOpen() || d.overdueUnfiled(now));
    }

    private static Set<String> overdueRecipients(DeadlineFacts d, List<String> coordinators) {
        Set<String> recipients = new LinkedHashSet<>();
        recipients.add(d.lawyer());
        recipients.addAll(coordinators);
        return recipients;
    }

    /** The rule's catalog offsets (version in force at the trigger), and always the last day itself. */
    Set<Period> offsets(DeadlineFacts d) {
        Set<Period> offsets = new LinkedHashSet<>();
        try {
            offsets.addAll(catalog.rule(d.ruleId(), SendTimes.localDay(d.triggerAt())).reminderOffsets());
        } catch (DeadlineException e) {
            // A rule missing from the catalog still gets its last-day reminder rather than none.
        }
        offsets.add(Period.ZERO);
        return offsets;
    }

    private ReminderRow.Planned planned(DeadlineFacts d, ReminderKind kind, String offsetKey, String recipient, LocalDate day) {
        return new ReminderRow.Planned(d.complaintId(), d.id(), kind, offsetKey, recipient,
                SendTimes.at(day, properties.sendTime(), properties.spread(), d.id() + "|" + recipient));
    }
}
