package kz.shagym.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The ledger's own write methods (package-private: the ladder is their only caller in the application) for benchmarks
 * that load many cases without the engine. Everything goes through {@link ComplaintLedger}, so the board's rows are
 * maintained exactly as the ladder's writes maintain them. Call inside a transaction. Tests that write cases this way
 * close them again: the engine never heard of them.
 */
public final class BenchLedger {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private final ComplaintLedger ledger;

    public BenchLedger(ComplaintLedger ledger) {
        this.ledger = ledger;
    }

    /** One deadline to plan on a case: its last day (Almaty), who owes it, and the status it has reached. */
    public record Term(LocalDate lastDay, String owedBy, String status) {}

    /** An open case as the ladder would have left it on one rung (two for a challenge at the judge). */
    public record Case(String caseNumber, String region, String lawyer, Rung rung, Step step, boolean alsoProsecutor,
                       List<Term> terms, boolean authoritySilent) {}

    /** Writes the case and returns its id and the ids of its deadlines still open. */
    public record Written(UUID complaintId, List<UUID> openDeadlines) {}

    public Written write(Case c, Instant now) {
        UUID id = UUID.randomUUID();
        Instant filed = now.minusSeconds(86_400L * 30);
        ledger.insertComplaint(new ComplaintRecord(id, c.caseNumber(), c.region(), "TORTURE", "POLICE", filed,
                LocalDate.ofInstant(filed, ALMATY).minusDays(2), "ru", Stage.FILED_WITH_AUTHORITY, "OPEN", c.lawyer(),
                "Бенчмарк " + c.caseNumber(), LocalDate.of(1980, 1, 1), null, null, null, now, now));
        EventRecord report = ledger.appendEvent(id, EventType.REPORT_FILED, filed, null, null, "POLICE", null,
                Rung.FILED_WITH_AUTHORITY, null, "USER", c.lawyer(), now);
        List<Track> tracks = new ArrayList<>();
        if (c.alsoProsecutor()) {
            tracks.add(ledger.openTrack(id, Rung.PROSECUTOR_COMPLAINT, Step.AWAITING_DECISION, now));
        }
        Track track = ledger.openTrack(id, c.rung(), c.step(), now);
        tracks.add(track);
        if (c.authoritySilent()) {
            ledger.appendEvent(id, EventType.AUTHORITY_SILENT, now, null, null, null, null, c.rung(), null, "ENGINE", "engine", now);
        }
        List<UUID> open = new ArrayList<>();
        for (Term term : c.terms()) {
            UUID deadline = UUID.randomUUID();
            Instant due = term.lastDay().plusDays(1).atStartOfDay(ALMATY).toInstant();
            ledger.insertDeadline(new DeadlineRecord(deadline, id, track.id(), DeadlineRole.JUDGE_COMPLAINT,
                    DeadlineRole.JUDGE_COMPLAINT.ruleId(), term.owedBy(), "REPORT_RECEIVED", report.id(), "occurredAt",
                    filed, term.lastDay(), due, null, "OPEN", "V2", "УПК РК ст. 106", null, null, null, null, null, now));
            if ("OPEN".equals(term.status())) {
                open.add(deadline);
            } else {
                ledger.closeDeadline(deadline, term.status(), now);
            }
        }
        ledger.updateStage(id, Stage.of(tracks), "OPEN", now);
        return new Written(id, open);
    }

    /** Closes the case, as the CLOSED event does at any rung: it leaves the board. */
    public void close(UUID complaintId, Instant now) {
        for (Track track : ledger.openTracks(complaintId)) {
            for (DeadlineRecord d : ledger.openDeadlinesOfTrack(track.id())) {
                ledger.closeDeadline(d.id(), "CANCELLED", now);
            }
            ledger.closeTrack(track.id(), "closed", now);
        }
        ledger.updateStage(complaintId, Stage.CLOSED, "CLOSED", now);
    }

    /** Closes one deadline, as a filing or a decision in time does. */
    public void closeDeadline(UUID deadlineId, String status, Instant now) {
        ledger.closeDeadline(deadlineId, status, now);
    }
}
