package kz.shagym.complaint;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Intake of a complaint (REST contract: POST /api/complaints); {@code medical} and {@code caseFile} are optional and
 * encrypted at rest. */
public record NewComplaint(
        @NotNull(message = "is required") @Valid Victim victim,
        @NotBlank(message = "is required") @Size(max = 100, message = "at most 100 characters") String region,
        @NotNull(message = "is required: TORTURE or ILL_TREATMENT") Allegation allegation,
        @PastOrPresent(message = "cannot be in the future") LocalDate incidentDate,
        @NotNull(message = "is required: PROSECUTOR, ANTI_CORRUPTION or POLICE") FiledWith filedWith,
        @NotNull(message = "is required: when the report was filed, e.g. 2021-01-18T10:00:00+06:00") OffsetDateTime filedAt,
        @NotNull(message = "is required: ru or kk") @Pattern(regexp = "ru|kk", message = "must be ru or kk") String language,
        @Size(max = 100, message = "at most 100 characters") String lawyer,
        @Valid MedicalFacts medical,
        CaseFile caseFile) {

    /** Intake without medical facts (they can be added later with PUT /api/complaints/{id}/medical-facts). */
    public NewComplaint(Victim victim, String region, Allegation allegation, LocalDate incidentDate, FiledWith filedWith,
                        OffsetDateTime filedAt, String language, String lawyer) {
        this(victim, region, allegation, incidentDate, filedWith, filedAt, language, lawyer, null, null);
    }

    /** Intake without a case file (it can be added later with PUT /api/complaints/{id}/case-file). */
    public NewComplaint(Victim victim, String region, Allegation allegation, LocalDate incidentDate, FiledWith filedWith,
                        OffsetDateTime filedAt, String language, String lawyer, MedicalFacts medical) {
        this(victim, region, allegation, incidentDate, filedWith, filedAt, language, lawyer, medical, null);
    }

    public record Victim(
            @NotBlank(message = "is required") @Size(max = 5000, message = "at most 5000 characters") String fullName,
            @Past(message = "must be in the past") LocalDate birthDate) {}

    public enum Allegation { TORTURE, ILL_TREATMENT }

    public enum FiledWith { PROSECUTOR, ANTI_CORRUPTION, POLICE }
}
