package kz.shagym.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ledger's detail text of each kind of event read back as typed parts, the lawyer's note kept whole. */
class EventDetailTest {

    @Test
    void aDecisionsReasonAndNote() {
        EventDetail d = EventDetail.of(EventType.DECISION, "reason=NO_CRIME; вручено; под роспись");
        assertThat(d.reason()).isEqualTo(EventCommand.DecisionReason.NO_CRIME);
        assertThat(d.note()).isEqualTo("вручено; под роспись");
    }

    @Test
    void aNoteThatLooksLikeAReasonOfNoKnownKindStaysANote() {
        assertThat(EventDetail.of(EventType.DECISION, "reason=SOMETHING_ELSE").note()).isEqualTo("reason=SOMETHING_ELSE");
        assertThat(EventDetail.of(EventType.DECISION, "reason=SOMETHING_ELSE").reason()).isNull();
    }

    @Test
    void aFilingsLetterOrCommitteeAndACopysDecision() {
        EventDetail filed = EventDetail.of(EventType.FILED, "COMPLAINT_INVESTIGATIVE_JUDGE; через канцелярию");
        assertThat(filed.letterKind()).isEqualTo("COMPLAINT_INVESTIGATIVE_JUDGE");
        assertThat(filed.note()).isEqualTo("через канцелярию");
        EventDetail toTheUn = EventDetail.of(EventType.FILED, "CAT interimMeasures=true");
        assertThat(toTheUn.committee()).isEqualTo(EventCommand.Committee.CAT);
        assertThat(toTheUn.interimMeasures()).isTrue();
        assertThat(toTheUn.letterKind()).isNull();
        UUID decision = UUID.randomUUID();
        EventDetail copy = EventDetail.of(EventType.COPY_RECEIVED, "decision " + decision);
        assertThat(copy.decisionEventId()).isEqualTo(decision);
        assertThat(copy.note()).isNull();
    }

    @Test
    void theEnginesRuleACorrectionAndARecalculation() {
        assertThat(EventDetail.of(EventType.AUTHORITY_SILENT, "kz.upk.181.registration").ruleId()).isEqualTo("kz.upk.181.registration");
        EventDetail corrected = EventDetail.of(EventType.DATE_CORRECTED,
                "event 3: occurredAt 2026-05-01T10:00:00Z→2026-05-01T10:00:00Z, learnedAt null→2026-05-02T04:00:00Z, "
                        + "copyReceivedAt null→null; reason: по штемпелю");
        assertThat(corrected.correction()).isEqualTo(new EventDetail.Correction(3, Instant.parse("2026-05-01T10:00:00Z"),
                Instant.parse("2026-05-01T10:00:00Z"), null, Instant.parse("2026-05-02T04:00:00Z"), null, null, "по штемпелю"));
        EventDetail moved = EventDetail.of(EventType.DEADLINE_RECALCULATED,
                "kz.upk.106.file-complaint: last day 2026-05-16 → 2026-05-20 (PROSECUTOR_SILENCE)");
        assertThat(moved.recalculation()).isEqualTo(new EventDetail.Recalculation("kz.upk.106.file-complaint",
                LocalDate.parse("2026-05-16"), LocalDate.parse("2026-05-20")));
        assertThat(moved.ruleId()).isEqualTo("kz.upk.106.file-complaint");
    }
}
