package kz.shagym.letter;

/**
 * What the lawyer states for one letter and the case file cannot know: kept per letter, carried into its next version.
 * Every part is optional; a clause that needs one is left out (never printed empty) when it is absent.
 *
 * @param missedTermReason why a term was missed (illness, the copy withheld, …): without it no letter says the term
 *                         was missed "for a good reason"
 * @param riskStatement the lawyer's own statement of the risk, for an interim-measures request
 * @param delayJustification why a communication comes late (the HRC's rule on abuse of the right of submission)
 * @param otherProcedures whether the same matter was submitted to another international procedure, and which
 */
public record LetterParticulars(String missedTermReason, String riskStatement, String delayJustification,
                                String otherProcedures) {
    public static final LetterParticulars NONE = new LetterParticulars(null, null, null, null);
}
