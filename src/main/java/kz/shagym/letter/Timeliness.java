package kz.shagym.letter;

import java.time.LocalDate;

/**
 * The term computed by the deadline engine for this letter.
 *
 * @param triggerKind LEARNED_OF_DECISION | PROSECUTOR_REFUSAL | PROSECUTOR_SILENCE | DECISION_ISSUED | COPY_RECEIVED | EXHAUSTION
 * @param legalBasis e.g. "УПК РК ст. 106"
 * @param missed true when the letter is filed after {@code lastDay}: the restore-term motion is attached
 */
public record Timeliness(String triggerKind, LocalDate triggerDate, LocalDate lastDay, String legalBasis,
                         String ruleId, boolean missed) {}
