package kz.shagym.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.shagym.deadline.DeadlineCalculator;
import kz.shagym.deadline.DeadlineException;
import kz.shagym.deadline.RuleCatalog;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes a row's mail from the ledger as it is at sending time, in the recipient's language. By design it reads no
 * victim data: only the case number, rung, rule, dates and a link reach a mailbox (mail crosses servers we do not run).
 */
@Component
class MailComposer {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    /** A mail ready to send; or, when {@code mail} is empty, the final status of a row that no longer calls for one. */
    record Composition(Optional<Mail> mail, String otherwise) {
        static Composition of(Mail mail) {
            return new Composition(Optional.of(mail), null);
        }

        static Composition none(String status) {
            return new Composition(Optional.empty(), status);
        }
    }

    record Mail(String to, String language, String subject, String text, String html) {}

    private record Line(String label, String value) {}

    private final NotifyQueries queries;
    private final ReminderRules rules;
    private final RuleCatalog catalog;
    private final NotifyMessages messages;
    private final NotifyProperties properties;

    MailComposer(NotifyQueries queries, ReminderRules rules, RuleCatalog catalog, NotifyMessages messages,
                 NotifyProperties properties) {
        this.queries = queries;
        this.rules = rules;
        this.catalog = catalog;
        this.messages = messages;
        this.properties = properties;
    }

    Composition compose(ReminderRow row, Instant now) {
        Optional<NotifyQueries.Recipient> recipient = queries.recipient(row.recipient())
                .filter(r -> r.email() != null && !r.email().isBlank());
        if (recipient.isEmpty()) {
            return Composition.none(ReminderRow.SKIPPED);
        }
        if (row.kind() == ReminderKind.DIGEST) {
            return digest(row, recipient.get(), now);
        }
        Optional<DeadlineFacts> deadline = queries.deadline(row.deadlineId());
        List<String> coordinators = queries.coordinators().stream().map(NotifyQueries.Recipient::username).toList();
        if (deadline.isEmpty() || !rules.stillWanted(row, deadline.get(), coordinators, now)) {
            // The last check before sending: the ledger moved on since planning (filed, recalculated, acknowledged).
            return Composition.none(ReminderRow.CANCELLED);
        }
        return Composition.of(deadlineMail(row, deadline.get(), recipient.get()));
    }

    private Mail deadlineMail(ReminderRow row, DeadlineFacts d, NotifyQueries.Recipient to) {
        String lang = NotifyMessages.language(to.language());
        String headline = switch (row.kind()) {
            case REMINDER -> messages.headline(lang, Period.parse(row.offsetKey()));
            case OVERDUE -> messages.get(lang, "headline.overdue");
            default -> messages.get(lang, "headline.silent");
        };
        String title = ruleTitle(d, lang);
        String basis = d.legalBasis() == null ? d.ruleId() : d.legalBasis();
        String subject = messages.get(lang, "subject.deadline", d.caseNumber(), headline, title, basis, d.lastDay().format(DAY));
        List<Line> lines = new ArrayList<>(List.of(
                new Line(messages.get(lang, "label.case"), d.caseNumber()),
                new Line(messages.get(lang, "label.stage"), messages.get(lang, "stage." + d.rungOrStage())),
                new Line(messages.get(lang, "label.term"), title + " (" + basis + ")"),
                new Line(messages.get(lang, "label.lastDay"), d.lastDay().format(DAY)),
                new Line(messages.get(lang, "label.dueAt"), almaty(lang, d.dueAt()))));
        String note = null;
        if (row.kind() == ReminderKind.AUTHORITY_SILENT) {
            lines.add(new Line(messages.get(lang, "label.next"), messages.get(lang, "next." + d.rungOrStage())));
            note = messages.get(lang, "text.silent");
        } else if (row.kind() == ReminderKind.OVERDUE) {
            note = messages.get(lang, "text.overdue");
        }
        return render(to, lang, subject, headline + ": " + d.caseNumber(), lines, note, List.of(), properties.caseUrl(d.complaintId()));
    }

    private Composition digest(ReminderRow row, NotifyQueries.Recipient to, Instant now) {
        String lang = NotifyMessages.language(to.language());
        LocalDate today = LocalDate.parse(row.offsetKey());
        LocalDate horizon = today.plus(properties.digestHorizon());
        List<DeadlineFacts> visible = queries.openDeadlines(NotifyQueries.scopeOf(to));
        List<String> dueSoon = visible.stream()
                .filter(d -> d.open() && d.dueAt().isAfter(now) && !d.lastDay().isAfter(horizon))
                .map(d -> digestLine(lang, d)).toList();
        List<String> overdue = visible.stream()
                .filter(d -> d.overdueUnfiled(now) && !d.acknowledged())
                .map(d -> digestLine(lang, d)).toList();
        if (dueSoon.isEmpty() && overdue.isEmpty()) {
            return Composition.none(ReminderRow.SKIPPED); // nothing to say: no mail
        }
        String subject = messages.get(lang, "subject.digest", today.format(DAY), String.valueOf(dueSoon.size()),
                String.valueOf(overdue.size()));
        List<String> sections = new ArrayList<>();
        sections.add(messages.get(lang, "digest.due", horizon.format(DAY)));
        sections.addAll(orNone(lang, dueSoon));
        sections.add("");
        sections.add(messages.get(lang, "digest.overdue"));
        sections.addAll(orNone(lang, overdue));
        return Composition.of(render(to, lang, subject, subject, List.of(), null, sections, properties.trimmedUrl()));
    }

    private List<String> orNone(String lang, List<String> items) {
        return items.isEmpty() ? List.of("  " + messages.get(lang, "digest.none")) : items.stream().map(i -> "  • " + i).toList();
    }

    private String digestLine(String lang, DeadlineFacts d) {
        return messages.get(lang, "digest.line", d.caseNumber(), ruleTitle(d, lang), d.lastDay().format(DAY))
                + " " + properties.caseUrl(d.complaintId());
    }

    String ruleTitle(DeadlineFacts d, String lang) {
        try {
            return catalog.rule(d.ruleId(), SendTimes.localDay(d.triggerAt())).title(lang);
        } catch (DeadlineException e) {
            return d.ruleId();
        }
    }

    String almaty(String lang, Instant instant) {
        return messages.get(lang, "time.almaty", instant.atZone(DeadlineCalculator.ZONE).format(DAY_TIME));
    }

    private Mail render(NotifyQueries.Recipient to, String lang, String subject, String heading, List<Line> lines,
                        String note, List<String> listing, String link) {
        String footer = messages.get(lang, "text.footer");
        String linkLabel = messages.get(lang, "label.link");
        StringBuilder text = new StringBuilder(heading).append("\n\n");
        lines.forEach(l -> text.append(l.label()).append(": ").append(l.value()).append('\n'));
        listing.forEach(l -> text.append(l).append('\n'));
        if (note != null) {
            text.append('\n').append(note).append('\n');
        }
        text.append('\n').append(linkLabel).append(": ").append(link).append("\n\n-- \n").append(footer).append('\n');

        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(lang).append("\"><head><meta charset=\"UTF-8\"><title>")
                .append(esc(subject)).append("</title></head><body style=\"font-family:sans-serif\">\n<h3>")
                .append(esc(heading)).append("</h3>\n");
        if (!lines.isEmpty()) {
            html.append("<table>\n");
            lines.forEach(l -> html.append("<tr><th align=\"left\">").append(esc(l.label())).append("</th><td>")
                    .append(esc(l.value())).append("</td></tr>\n"));
            html.append("</table>\n");
        }
        if (!listing.isEmpty()) {
            html.append("<pre>");
            listing.forEach(l -> html.append(esc(l)).append('\n'));
            html.append("</pre>\n");
        }
        if (note != null) {
            html.append("<p>").append(esc(note)).append("</p>\n");
        }
        html.append("<p><a href=\"").append(esc(link)).append("\">").append(esc(linkLabel)).append("</a></p>\n")
                .append("<p style=\"color:#666;font-size:small\">").append(esc(footer)).append("</p></body></html>\n");
        return new Mail(to.email(), lang, subject, text.toString(), html.toString());
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
