package kz.shagym.complaint;

import java.time.LocalDate;
import java.util.UUID;
import kz.shagym.clock.ShagymClock;
import kz.shagym.deadline.DeadlineCalculator;
import kz.shagym.web.ApiException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks and stores a complaint's medical facts. Nothing here reaches the engine or a ladder event: the facts change
 * no deadline, and a ledger event would copy them into the case history in clear.
 */
@Service
public class MedicalFactsService {

    /** Published after the facts were replaced: letters that quote them are stale until regenerated. Carries only the id. */
    public record Changed(UUID complaintId) {}

    private final ComplaintLedger ledger;
    private final ShagymClock clock;
    private final ApplicationEventPublisher publisher;

    MedicalFactsService(ComplaintLedger ledger, ShagymClock clock, ApplicationEventPublisher publisher) {
        this.ledger = ledger;
        this.clock = clock;
        this.publisher = publisher;
    }

    /**
     * Normalized facts, or a 400 naming the field ({@code fieldPrefix} + name, e.g. {@code medical.examinationDate}).
     * The examination date is checked against the application's clock (which tests and demos move), not the system's.
     */
    MedicalFacts checked(MedicalFacts facts, LocalDate incidentDate, String fieldPrefix) {
        MedicalFacts normalized = MedicalFacts.normalized(facts);
        LocalDate examined = normalized.examinationDate();
        if (examined != null) {
            LocalDate today = LocalDate.ofInstant(clock.instant(), DeadlineCalculator.ZONE);
            if (examined.isAfter(today)) {
                throw new InvalidFact(fieldPrefix + "examinationDate", FactProblem.IN_FUTURE, examined);
            }
            // the same floor as every date of the ladder: an earlier one is a typo or junk, never a fact to keep
            LocalDate earliest = LocalDate.ofInstant(Ladder.Dates.EARLIEST, DeadlineCalculator.ZONE);
            if (examined.isBefore(earliest)) {
                throw new InvalidFact(fieldPrefix + "examinationDate", FactProblem.TOO_EARLY, earliest);
            }
            if (incidentDate != null && examined.isBefore(incidentDate)) {
                throw new InvalidFact(fieldPrefix + "examinationDate", FactProblem.EXAMINATION_BEFORE_INCIDENT, incidentDate);
            }
        }
        return normalized;
    }

    /** Replaces the complaint's medical facts as a whole; returns them as stored. */
    @Transactional
    public MedicalFacts replace(UUID complaintId, MedicalFacts facts) {
        ComplaintRecord complaint = ledger.lock(complaintId).orElseThrow(() -> ApiException.notFound("complaint " + complaintId));
        MedicalFacts checked = checked(facts, complaint.incidentDate(), "");
        ledger.updateMedicalFacts(complaintId, checked, clock.instant());
        publisher.publishEvent(new Changed(complaintId));
        return checked;
    }
}
