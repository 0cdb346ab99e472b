package kz.shagym.letter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.shagym.clock.ShagymClock;
import kz.shagym.complaint.RegionCatalog;
import kz.shagym.complaint.ComplaintLedger;
import kz.shagym.complaint.ComplaintRecord;
import kz.shagym.complaint.DeadlineRecord;
import kz.shagym.complaint.DeadlineRole;
import kz.shagym.complaint.EventRecord;
import kz.shagym.complaint.EventType;
import kz.shagym.complaint.MedicalFacts;
import kz.shagym.deadline.DeadlineCalculator;
import kz.shagym.security.UserAccounts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Assembles what a letter quotes from the case ledger: the chronology, the contested decision, the computed term. */
@Component
class LetterModelFactory {

    private static final Set<EventType> CHRONOLOGY = EnumSet.of(EventType.REPORT_FILED, EventType.REGISTERED,
            EventType.FORWARDED_TO_INTERNAL_SECURITY, EventType.DECISION, EventType.COPY_RECEIVED, EventType.FILED,
            EventType.AUTHORITY_SILENT, EventType.UN_SUBMITTED, EventType.UN_TRANSMITTED, EventType.STATE_REPLY,
            EventType.VIEWS_ADOPTED);
    private static final Set<EventType> DECISIONS = EnumSet.of(EventType.DECISION, EventType.FORWARDED_TO_INTERNAL_SECURITY,
            EventType.AUTHORITY_SILENT);

    private final ComplaintLedger ledger;
    private final UserAccounts accounts;
    private final ShagymClock clock;
    private final String organization;

    LetterModelFactory(ComplaintLedger ledger, UserAccounts accounts, ShagymClock clock,
                       @Value("${shagym.organization:}") String organization, RegionCatalog regions,
                       AddresseeRegistry addressees, LetterParticularsStore particulars,
                       ObjectProvider<AnnexSource> annexSources) {
        this.regions = regions;
        this.addressees = addressees;
        this.particulars = particulars;
        this.annexSources = annexSources;
        this.ledger = ledger;
        this.accounts = accounts;
        this.clock = clock;
        this.organization = organization;
    }

    private final RegionCatalog regions;
    private final AddresseeRegistry addressees;
    private final LetterParticularsStore particulars;
    private final ObjectProvider<AnnexSource> annexSources;

    /** A first draft: the registry's addressee, no annexes, no particulars, the date left for signing. */
    LetterModel model(UUID complaintId, LetterKind kind) {
        return model(complaintId, kind, null, null, null);
    }

    /**
     * The letter as it stands: for an existing letter ({@code letterId}) the addressee and particulars the lawyer gave it
     * and the attachments ticked as its annexes.
     *
     * @param letterDate the day the letter is dated (set at approval); {@code null} prints the placeholder
     * @param language   the letter's language as chosen for it; {@code null} (or one the kind is not written in, such as
     *                   a UN letter drafted in Kazakh before Kazakh was withdrawn) means the kind's default for the case
     */
    LetterModel model(UUID complaintId, LetterKind kind, UUID letterId, LocalDate letterDate, String language) {
        ComplaintRecord c = ledger.find(complaintId).orElseThrow(() -> new IllegalArgumentException("no complaint " + complaintId));
        List<EventRecord> events = ledger.events(complaintId);
        List<DeadlineRecord> deadlines = ledger.deadlines(complaintId);
        LocalDate today = local(clock.instant());
        Person victim = new Person(c.victimFullName(), c.victimBirthDate(),
                c.victimBirthDate() != null && Period.between(c.victimBirthDate(), c.incidentDate() != null ? c.incidentDate() : today).getYears() < 18);
        var lawyer = accounts.find(c.lawyer());
        Representative representative = new Representative(lawyer.map(a -> a.fullName() == null ? a.username() : a.fullName()).orElse(c.lawyer()),
                organization, lawyer.map(UserAccounts.Account::email).orElse(null));
        ContestedDecision contested = contested(events);
        LetterParticularsStore.Stored stored = particulars.find(letterId);
        Addressee addressee = addressee(c, kind, stored, contested, language);
        AnnexSource annexes = annexSources.getIfAvailable(() -> AnnexSource.NONE);
        String lang = kind.language(language, c.language());
        return new LetterModel(kind, lang, c.caseNumber(), letterDate, victim, representative,
                // the region's full name in the letter's language, never its code
                regions.name(c.region(), lang), c.allegation(),
                c.filedWith(), c.incidentDate(), local(c.filedAt()), contested, chronology(events),
                timeliness(kind, deadlines, today), un(kind, c, events, deadlines), medical(kind, complaintId),
                ledger.caseFile(complaintId), addressee, annexes.annexes(complaintId, kind, letterId), stored.particulars());
    }

    /** The heading a letter has now: as the lawyer corrected it for this letter, else the registry's; empty if neither. */
    java.util.Optional<Addressee> addressee(UUID complaintId, LetterKind kind, UUID letterId, String language) {
        ComplaintRecord c = ledger.find(complaintId).orElseThrow(() -> new IllegalArgumentException("no complaint " + complaintId));
        return java.util.Optional.ofNullable(addressee(c, kind, particulars.find(letterId), contested(ledger.events(complaintId)),
                language));
    }

    private Addressee addressee(ComplaintRecord c, LetterKind kind, LetterParticularsStore.Stored stored, ContestedDecision contested,
                                String language) {
        if (!stored.addresseeLines().isEmpty()) {
            return new Addressee(stored.addresseeLines(), Addressee.Origin.EDITED, null);
        }
        return addressees.forLetter(kind, c.region(), kind.language(language, c.language()), contested == null ? null : contested.authority()).orElse(null);
    }

    /** Only the letters that quote medical facts decrypt them (see {@link LetterQuotes#quotesMedicalFacts}). */
    private MedicalFacts medical(LetterKind kind, UUID complaintId) {
        return LetterQuotes.quotesMedicalFacts(kind) ? ledger.medicalFacts(complaintId) : null;
    }

    private static List<ChronologyEntry> chronology(List<EventRecord> events) {
        return events.stream().filter(e -> CHRONOLOGY.contains(e.type()))
                .map(e -> new ChronologyEntry(local(e.occurredAt()), e.type().name(), e.authority(), e.outcome(),
                        e.type() == EventType.FILED ? e.detail() : null))
                .toList();
    }

    private static ContestedDecision contested(List<EventRecord> events) {
        return events.stream().filter(e -> DECISIONS.contains(e.type())).reduce((a, b) -> b)
                .map(e -> new ContestedDecision(
                        e.type() == EventType.AUTHORITY_SILENT ? "AUTHORITY" : e.authority() == null ? "INTERNAL_SECURITY" : e.authority(),
                        e.type() == EventType.FORWARDED_TO_INTERNAL_SECURITY ? "FORWARDED"
                                : e.type() == EventType.AUTHORITY_SILENT ? "SILENCE" : e.outcome(),
                        reason(e), local(e.occurredAt()), e.learnedAt() == null ? null : local(e.learnedAt()),
                        e.copyReceivedAt() == null ? null : local(e.copyReceivedAt())))
                .orElse(null);
    }

    private static String reason(EventRecord e) {
        if (e.type() == EventType.FORWARDED_TO_INTERNAL_SECURITY) {
            return "FORWARDED_TO_INTERNAL_SECURITY";
        }
        if (e.type() == EventType.AUTHORITY_SILENT) {
            return "SILENCE";
        }
        if (e.detail() != null && e.detail().startsWith("reason=")) {
            String value = e.detail().substring("reason=".length());
            int end = value.indexOf(';');
            return end < 0 ? value : value.substring(0, end);
        }
        return null;
    }

    /** The term this letter must meet (or, for a restore-term motion, the one that was missed). */
    private static Timeliness timeliness(LetterKind kind, List<DeadlineRecord> deadlines, LocalDate today) {
        Optional<DeadlineRecord> deadline = kind == LetterKind.RESTORE_TERM_MOTION
                ? deadlines.stream().filter(d -> "MISSED".equals(d.status()) && "APPLICANT".equals(d.owedBy()))
                        .max(Comparator.comparing(DeadlineRecord::dueAt))
                : LetterQuotes.quotedRole(kind).flatMap(role -> latest(deadlines, role));
        return deadline.map(d -> new Timeliness(triggerKind(d.triggerKind()), local(d.triggerAt()), d.lastDay(), d.legalBasis(),
                d.ruleId(), "MISSED".equals(d.status()) || today.isAfter(d.lastDay()))).orElse(null);
    }

    /** The letter speaks of how the term started: conservative and silence triggers read as the decision or the lapse. */
    private static String triggerKind(String ledgerKind) {
        return switch (ledgerKind) {
            case "PROSECUTOR_REFUSAL", "PROSECUTOR_SILENCE", "DECISION_ISSUED", "COPY_RECEIVED", "EXHAUSTION" -> ledgerKind;
            default -> "LEARNED_OF_DECISION";
        };
    }

    private static final java.util.EnumSet<EventType> EXHAUSTION = java.util.EnumSet.of(EventType.FILED, EventType.DECISION,
            EventType.AUTHORITY_SILENT, EventType.FORWARDED_TO_INTERNAL_SECURITY, EventType.REGISTERED);

    private static UnSubmission un(LetterKind kind, ComplaintRecord c, List<EventRecord> events, List<DeadlineRecord> deadlines) {
        if (kind != LetterKind.CAT_COMMUNICATION && kind != LetterKind.HRC_COMMUNICATION && kind != LetterKind.INTERIM_MEASURES) {
            return null;
        }
        String committee = kind == LetterKind.INTERIM_MEASURES ? (c.committee() == null ? "CAT" : c.committee())
                : kind == LetterKind.CAT_COMMUNICATION ? "CAT" : "HRC";
        // the remedies used and what came of each: the complaints filed and the authorities' answers, in order
        List<ChronologyEntry> steps = events.stream().filter(e -> EXHAUSTION.contains(e.type()))
                .map(e -> new ChronologyEntry(local(e.occurredAt()), e.type().name(), e.authority(), e.outcome(),
                        e.type() == EventType.FILED ? e.detail() : null))
                .toList();
        LocalDate hrcLimit = latest(deadlines, DeadlineRole.HRC_SUBMISSION_LIMIT).map(DeadlineRecord::lastDay).orElse(null);
        boolean urgent = kind == LetterKind.INTERIM_MEASURES;
        return new UnSubmission(committee, c.exhaustionDate(), steps, hrcLimit, urgent);
    }

    private static Optional<DeadlineRecord> latest(List<DeadlineRecord> deadlines, DeadlineRole role) {
        return deadlines.stream().filter(d -> d.role() == role && d.supersededBy() == null).max(Comparator.comparing(DeadlineRecord::createdAt));
    }

    private static LocalDate local(Instant instant) {
        return instant.atZone(DeadlineCalculator.ZONE).toLocalDate();
    }
}
