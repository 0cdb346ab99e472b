package kz.shagym.complaint;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.shagym.deadline.ComputedDeadline;
import kz.shagym.deadline.DeadlineCalculator;
import kz.shagym.deadline.RuleCatalog;
import kz.shagym.security.Disclosure;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Builds the complaint view from the ledger. */
@Component
public class ComplaintQueries {

    private static final TypeReference<Map<String, List<String>>> EXPLANATION = new TypeReference<>() {};

    private final ComplaintLedger ledger;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final MessageSource messages;
    private final RuleCatalog catalog;
    private final DeadlineCalculator calculator;

    ComplaintQueries(ComplaintLedger ledger, JdbcClient jdbc, ObjectMapper json, MessageSource messages, RuleCatalog catalog,
                     DeadlineCalculator calculator) {
        this.calculator = calculator;
        this.messages = messages;
        this.catalog = catalog;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The view as this reader may see it: the identity and the medical facts only when {@code showIdentity} and
     * {@code showMedical} say so; what it shows beyond stage and dates is noted for the request's audit entry.
     */
    public ComplaintView view(ComplaintRecord c, boolean showIdentity, boolean showMedical, String language) {
        if (showIdentity) {
            Disclosure.note(Disclosure.IDENTITY);
        }
        if (showMedical) {
            Disclosure.note(Disclosure.MEDICAL_FACTS);
        }
        List<Track> tracks = ledger.openTracks(c.id());
        // One read of each table serves every part of the view.
        List<DeadlineRecord> allDeadlines = ledger.deadlines(c.id());
        List<EventRecord> events = ledger.events(c.id());
        List<ComplaintView.DeadlineView> deadlines = allDeadlines.stream()
                .filter(d -> d.supersededBy() == null)
                .map(d -> deadlineView(d, language, tracks))
                .toList();
        // In the order things happened (the event's own date), not the order they were entered; ties in entry order.
        List<ComplaintView.HistoryView> history = events.stream()
                .sorted(Comparator.comparing(EventRecord::occurredAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparingInt(EventRecord::seq))
                .map(e -> historyView(e, language))
                .toList();
        return new ComplaintView(c.id(), c.caseNumber(), c.stage().name(), c.status(), c.region(),
                c.allegation(), c.filedWith(), c.filedAt(), c.language(), c.lawyer(),
                showIdentity ? new ComplaintView.Victim(c.victimFullName(), c.victimBirthDate()) : null,
                showIdentity ? null : pseudonym(c.caseNumber(), language),
                showMedical ? ledger.medicalFacts(c.id()) : null, c.exhaustionDate(), c.committee(),
                tracks.stream().map(t -> new ComplaintView.RungView(t.rung().name(), t.step().name(), t.step().whoActs(), t.openedAt())).toList(),
                deadlines, letters(c.id()), history, dateFacts(events, allDeadlines), warnings(events, deadlines));
    }

    private ComplaintView.HistoryView historyView(EventRecord e, String language) {
        EventDetail d = EventDetail.of(e.type(), e.detail());
        String ruleId = d.ruleId();
        return new ComplaintView.HistoryView(e.id(), e.seq(), e.type().name(), e.occurredAt(), e.learnedAt(),
                e.copyReceivedAt(), e.authority(), e.outcome(), e.rung(), e.detail(), e.source(), e.recordedBy(),
                e.recordedAt(), d.reason() == null ? null : d.reason().name(), d.letterKind(),
                d.committee() == null ? null : d.committee().name(), d.interimMeasures() ? Boolean.TRUE : null,
                ruleId, ruleId == null ? null : ruleTitle(ruleId, language), d.correction(), d.recalculation(), d.note(),
                d.closeReason() == null ? null : d.closeReason().name(), d.decisionEventId());
    }

    /** The rule's title in the language (any version: titles do not change between versions of a rule). */
    private String ruleTitle(String ruleId, String language) {
        return catalog.all().stream().filter(r -> r.id().equals(ruleId)).findFirst()
                .map(r -> r.title(language))
                .orElse(null);
    }

    /** What stands for the victim where their identity may not be shown: the case number under a word from the bundles. */
    public String pseudonym(String caseNumber, String language) {
        return messages.getMessage("case.pseudonym", new Object[] {caseNumber}, Locale.forLanguageTag(language));
    }

    private static List<ComplaintView.DateFacts> dateFacts(List<EventRecord> events, List<DeadlineRecord> all) {
        return events.stream()
                .filter(e -> DECISIONS.contains(e.type()) || all.stream().anyMatch(d -> e.id().equals(d.triggerEventId())))
                .map(e -> new ComplaintView.DateFacts(e.id(), e.type().name(), e.authority(), e.outcome(), e.occurredAt(),
                        e.learnedAt(), e.copyReceivedAt(), DECISIONS.contains(e.type()) && e.copyReceivedAt() == null,
                        all.stream().filter(d -> e.id().equals(d.triggerEventId()) && d.supersededBy() == null)
                                .map(d -> new ComplaintView.ClockStart(d.ruleId(), d.triggerField(), d.lastDay(), d.status()))
                                .toList()))
                .toList();
    }

    private static final java.util.Set<EventType> DECISIONS = java.util.EnumSet.of(EventType.DECISION,
            EventType.FORWARDED_TO_INTERNAL_SECURITY);

    private ComplaintView.DeadlineView deadlineView(DeadlineRecord d, String language, List<Track> openTracks) {
        String rung = openTracks.stream().filter(t -> t.id().equals(d.trackId())).findFirst()
                .map(t -> t.rung().name()).orElse(null);
        boolean verified = "V1".equals(d.confidence()) || "V2".equals(d.confidence());
        return new ComplaintView.DeadlineView(d.id(), d.ruleId(), d.role().name(), d.owedBy(), d.triggerKind(), d.triggerAt(),
                d.lastDay(), d.dueAt(), d.dueAt().atZone(DeadlineCalculator.ZONE).toLocalDateTime(),
                DeadlineCalculator.ZONE.getId(), d.status(), d.confidence(), verified, d.legalBasis(),
                verified ? null : unverifiedWarning(language), d.reminderAt(), explanation(d, language), rung);
    }

    static String unverifiedWarning(String language) {
        return switch (language) {
            case "kk" -> "тексерілмеген — бапты тексеріңіз";
            case "en" -> "unverified — check the article";
            default -> "не проверено — сверьте со статьёй";
        };
    }

    private List<String> explanation(DeadlineRecord d, String language) {
        if (d.explanation() == null) {
            return List.of();
        }
        try {
            Map<String, List<String>> all = json.readValue(d.explanation(), EXPLANATION);
            List<String> stored = all.getOrDefault(language, all.getOrDefault("ru", List.of()));
            return stored.stream().anyMatch(line -> ISO_DATE.matcher(line).find()) ? readable(d, language, stored) : stored;
        } catch (Exception e) {
            return List.of();
        }
    }

    /** An ISO date (2026-05-16, 2026-05-16T19:00:00Z): how explanations were written before they were put in words. */
    private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");

    /**
     * A deadline planned while explanations were written with ISO dates and periods: computed again from its rule and
     * trigger, and explained in words if that computation gives the very same last day and end; otherwise (the
     * calendar or the rule changed since) the stored lines stay, since they explain the date the ledger holds.
     */
    private List<String> readable(DeadlineRecord d, String language, List<String> stored) {
        try {
            ComputedDeadline again = calculator.compute(d.ruleId(), d.triggerAt());
            return again.lastDay().equals(d.lastDay()) && again.dueAt().equals(d.dueAt())
                    ? again.explanation(Locale.forLanguageTag(language)) : stored;
        } catch (RuntimeException e) {
            return stored;
        }
    }

    private List<ComplaintView.LetterView> letters(UUID complaintId) {
        return jdbc.sql("""
                select id, kind, language, status, version, stale, created_at, filed_at from letter
                where complaint_id = :c order by created_at, kind""")
                .param("c", complaintId)
                .query((rs, i) -> new ComplaintView.LetterView(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getString("language"), rs.getString("status"), rs.getInt("version"), rs.getBoolean("stale"),
                        toInstant(rs.getObject("created_at", OffsetDateTime.class)),
                        toInstant(rs.getObject("filed_at", OffsetDateTime.class))))
                .list();
    }

    private static List<String> warnings(List<EventRecord> events, List<ComplaintView.DeadlineView> deadlines) {
        List<String> warnings = new ArrayList<>();
        events.stream()
                .filter(e -> DECISIONS.contains(e.type()) && e.copyReceivedAt() == null)
                .forEach(e -> warnings.add("COPY_MISSING: no copy of the " + e.type() + " of " + e.occurredAt()
                        + " was received; a copy request was drafted (the appeal clock may run from learning of it)"));
        deadlines.stream().filter(d -> "OPEN".equals(d.status()) && !d.verified())
                .forEach(d -> warnings.add("UNVERIFIED_RULE: " + d.rule() + " (" + d.legalBasis() + ") is unverified — check the article"));
        return warnings;
    }

    private static Instant toInstant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
