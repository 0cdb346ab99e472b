package kz.shagym.letter;

/** What a review decided; the letter's status becomes the same word. */
public enum ReviewDecision {
    APPROVED, REJECTED
}
