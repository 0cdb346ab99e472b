package kz.shagym.letter;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

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
 */
public record LetterModel(LetterKind kind, String language, String caseNumber, LocalDate letterDate,
                          Person victim, Representative representative, String region, String allegation,
                          String filedWith, LocalDate incidentDate, LocalDate reportFiledOn,
                          ContestedDecision contested, List<ChronologyEntry> chronology, Timeliness timeliness,
                          UnSubmission un) {
    public LetterModel {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(victim, "victim");
        chronology = chronology == null ? List.of() : List.copyOf(chronology);
    }
}
