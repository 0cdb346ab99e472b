package kz.shagym.letter;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import kz.shagym.complaint.CaseFile;
import kz.shagym.complaint.MedicalFacts;

/**
 * Everything a letter may quote, assembled by the workflow from the case ledger.
 * Free-text fields (names, organisation, contact, region) are user input: the renderer
 * treats them as literal text, never as template syntax.
 *
 * @param language "ru" or "kk"
 * @param allegation TORTURE | ILL_TREATMENT
 * @param filedWith PROSECUTOR | ANTI_CORRUPTION | POLICE
 * @param contested nullable: the decision (or silence) the letter challenges
 * @param timeliness nullable: the computed term for this letter
 * @param un nullable: only for CAT/HRC communications and interim measures
 * @param medical nullable: the medical facts, for the letters that quote them (the forensic examination motion)
 * @param letterDate nullable: the day the letter is signed or filed; {@code null} until then, and the letter prints a
 *                   placeholder for the date instead of the day it was drafted
 * @param caseFile never null: who files, who represents, what happened, the authorities' numbers
 * @param addressee nullable: whom the letter goes to, from the registry or as the lawyer corrected it
 * @param annexes the attachments the lawyer ticked for this letter
 * @param particulars never null: what the lawyer stated for this letter (reason for a missed term, risk, …)
 */
public record LetterModel(LetterKind kind, String language, String caseNumber, LocalDate letterDate,
                          Person victim, Representative representative, String region, String allegation,
                          String filedWith, LocalDate incidentDate, LocalDate reportFiledOn,
                          ContestedDecision contested, List<ChronologyEntry> chronology, Timeliness timeliness,
                          UnSubmission un, MedicalFacts medical, CaseFile caseFile, Addressee addressee,
                          List<Annex> annexes, LetterParticulars particulars) {
    public LetterModel {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(victim, "victim");
        chronology = chronology == null ? List.of() : List.copyOf(chronology);
        caseFile = caseFile == null ? CaseFile.EMPTY : caseFile;
        annexes = annexes == null ? List.of() : List.copyOf(annexes);
        particulars = particulars == null ? LetterParticulars.NONE : particulars;
    }

    /** A letter without case file, addressee, annexes or particulars. */
    public LetterModel(LetterKind kind, String language, String caseNumber, LocalDate letterDate, Person victim,
                       Representative representative, String region, String allegation, String filedWith,
                       LocalDate incidentDate, LocalDate reportFiledOn, ContestedDecision contested,
                       List<ChronologyEntry> chronology, Timeliness timeliness, UnSubmission un, MedicalFacts medical) {
        this(kind, language, caseNumber, letterDate, victim, representative, region, allegation, filedWith, incidentDate,
                reportFiledOn, contested, chronology, timeliness, un, medical, null, null, null, null);
    }

    /** A letter that quotes no medical facts. */
    public LetterModel(LetterKind kind, String language, String caseNumber, LocalDate letterDate, Person victim,
                       Representative representative, String region, String allegation, String filedWith,
                       LocalDate incidentDate, LocalDate reportFiledOn, ContestedDecision contested,
                       List<ChronologyEntry> chronology, Timeliness timeliness, UnSubmission un) {
        this(kind, language, caseNumber, letterDate, victim, representative, region, allegation, filedWith, incidentDate,
                reportFiledOn, contested, chronology, timeliness, un, null);
    }
}
