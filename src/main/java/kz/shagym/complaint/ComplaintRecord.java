package kz.shagym.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A complaint as the ledger holds it. The victim's identity never leaves the application for the engine. */
public record ComplaintRecord(UUID id, String caseNumber, String region, String allegation, String filedWith,
                              Instant filedAt, LocalDate incidentDate, String language, Stage stage, String status,
                              String lawyer, String victimFullName, LocalDate victimBirthDate, LocalDate exhaustionDate,
                              String committee, Long processInstanceKey, Instant createdAt, Instant updatedAt) {
    /** The case as access decisions see it. */
    public kz.shagym.security.CaseRef ref() {
        return new kz.shagym.security.CaseRef(id, caseNumber, lawyer);
    }

    public boolean open() {
        return "OPEN".equals(status);
    }
}
