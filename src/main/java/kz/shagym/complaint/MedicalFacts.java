package kz.shagym.complaint;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * What is known medically: the evidence of torture that fades first. Set at intake ({@code NewComplaint.medical}) or
 * replaced as a whole ({@code PUT /api/complaints/{id}/medical-facts}). Encrypted at rest column by column like the
 * victim's identity, shown only to those who may see it ({@code CaseAccess.seesMedicalFacts}), never sent to the engine.
 * Every part is optional; the lengths match the encrypted columns (V8).
 *
 * @param injuries what the injuries are and where, as the victim or the lawyer describes them
 * @param examinationDate when a doctor examined the victim (not after today, not before the incident)
 * @param examinationPlace where: the hospital, the emergency room, the detention facility's medical unit
 * @param forensicExamination whether a forensic medical examination was asked for, refused or done
 * @param doctorFindings what the doctor (or forensic expert) recorded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MedicalFacts(
        @Size(max = MAX_TEXT, message = "at most " + MAX_TEXT + " characters") String injuries,
        LocalDate examinationDate,
        @Size(max = MAX_PLACE, message = "at most " + MAX_PLACE + " characters") String examinationPlace,
        ForensicExamination forensicExamination,
        @Size(max = MAX_TEXT, message = "at most " + MAX_TEXT + " characters") String doctorFindings) {

    public static final int MAX_TEXT = 4000;
    public static final int MAX_PLACE = 300;
    public static final MedicalFacts NONE = new MedicalFacts(null, null, null, null, null);

    public enum ForensicExamination { NOT_REQUESTED, REQUESTED, REFUSED, DONE }

    /** Surrounding blanks dropped, blank text as absent; {@code null} as {@link #NONE}. */
    static MedicalFacts normalized(MedicalFacts facts) {
        return facts == null ? NONE : new MedicalFacts(text(facts.injuries()), facts.examinationDate(),
                text(facts.examinationPlace()), facts.forensicExamination(), text(facts.doctorFindings()));
    }

    @JsonIgnore
    public boolean isEmpty() {
        return equals(NONE);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
