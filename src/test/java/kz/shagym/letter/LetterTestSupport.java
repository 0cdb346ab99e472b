package kz.shagym.letter;

/** The letter package's test helpers, for integration tests in other packages. */
public final class LetterTestSupport {

    private LetterTestSupport() {
    }

    /** All the text of a DOCX: body, tables, headers, footers. */
    public static String text(byte[] docx) {
        return DocxText.of(docx);
    }
}
