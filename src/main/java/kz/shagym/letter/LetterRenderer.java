package kz.shagym.letter;

/** Turns a letter model into a ready-to-sign DOCX. Implementations must be thread-safe. */
public interface LetterRenderer {
    /** @return the DOCX bytes */
    byte[] render(LetterModel model);
}
