package kz.shagym.letter;

/**
 * Why a letter is stale: the ledger marks it so when data it quotes changed after it was drafted (a date correction
 * recalculated the deadline it quotes, or the medical facts it quotes were replaced), without saying which. A letter
 * kind quotes one of the two, so the kind tells.
 */
public enum StaleReason {
    DEADLINE_RECALCULATED, MEDICAL_FACTS_CHANGED;

    public static StaleReason of(String kind) {
        return LetterQuotes.quotesMedicalFacts(LetterKind.valueOf(kind)) ? MEDICAL_FACTS_CHANGED : DEADLINE_RECALCULATED;
    }
}
