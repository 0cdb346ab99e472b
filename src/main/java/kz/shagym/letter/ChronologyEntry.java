package kz.shagym.letter;

import java.time.LocalDate;

/**
 * One step of the case history as quoted in the letter.
 *
 * @param eventType REPORT_FILED, REGISTERED, FORWARDED_TO_INTERNAL_SECURITY, DECISION, COPY_RECEIVED, FILED, UN_SUBMITTED, ...
 * @param authority nullable
 * @param outcome nullable
 * @param letterKind nullable: a {@link LetterKind} name for FILED steps
 */
public record ChronologyEntry(LocalDate date, String eventType, String authority, String outcome, String letterKind) {}
