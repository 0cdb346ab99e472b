package kz.shagym.notify;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import kz.shagym.clock.ShagymClock;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import org.springframework.stereotype.Component;

/**
 * A user's open deadlines as an iCalendar feed: one all-day event on each last day. A calendar app that re-reads the
 * feed must update an event, not duplicate it, when the ledger recalculates a deadline (a new deadline row): so the UID
 * names the clock (case, rule, rung track), not the row, and SEQUENCE counts the recalculations. Closed deadlines
 * simply leave the feed. No victim data: case number, rule, dates, legal basis, link.
 */
@Component
class CalendarFeed {

    private final NotifyQueries queries;
    private final MailComposer composer;
    private final NotifyMessages messages;
    private final NotifyProperties properties;
    private final ShagymClock clock;

    CalendarFeed(NotifyQueries queries, MailComposer composer, NotifyMessages messages, NotifyProperties properties,
                 ShagymClock clock) {
        this.queries = queries;
        this.composer = composer;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    String render(NotifyQueries.Recipient user) {
        String lang = NotifyMessages.language(user.language());
        // The cases the user's lists show: a lawyer's and a staff member's assigned ones, every case for the others.
        List<DeadlineFacts> deadlines = queries.openDeadlines(NotifyQueries.scopeOf(user))
                .stream().filter(DeadlineFacts::open).toList();
        Calendar calendar = new Calendar().withProdId("-//Shagym//Deadlines//EN").withDefaults().getFluentTarget();
        calendar.add(new XProperty("X-WR-CALNAME", messages.get(lang, "calendar.name")));
        for (DeadlineFacts d : deadlines) {
            calendar.add(event(d, lang));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private VEvent event(DeadlineFacts d, String lang) {
        String title = composer.ruleTitle(d, lang);
        VEvent event = new VEvent(d.lastDay(), d.lastDay().plusDays(1), d.caseNumber() + ": " + title);
        event.replace(new DtStamp(clock.instant()));
        event.add(new Uid(uid(d)));
        event.add(new Sequence(queries.predecessors(d)));
        event.add(new LastModified(d.createdAt()));
        event.add(ImmutableTransp.TRANSPARENT);
        event.add(new Description(String.join("\n",
                messages.get(lang, "calendar.basis", d.legalBasis() == null ? d.ruleId() : d.legalBasis()),
                messages.get(lang, "calendar.dueAt", d.dueAt().atZone(kz.shagym.deadline.DeadlineCalculator.ZONE)
                        .format(MailComposer.DAY_TIME)),
                messages.get(lang, "label.stage") + ": " + messages.get(lang, "stage." + d.rungOrStage()),
                properties.caseUrl(d.complaintId()))));
        event.add(new Url(URI.create(properties.caseUrl(d.complaintId()))));
        return event;
    }

    /** Stable across recalculation: the case, the rule, and the rung track (or, outside a rung, the triggering event). */
    static String uid(DeadlineFacts d) {
        Object clockOf = d.trackId() != null ? d.trackId() : d.triggerEventId();
        String name = d.complaintId() + "|" + d.ruleId() + "|" + clockOf;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)) + "@shagym";
    }
}
