package kz.shagym.letter;

/**
 * LibreOffice is not installed, or did not convert the letter in time: a PDF (or a page preview) cannot be made now,
 * though the DOCX can still be downloaded. The message says which, for the administrator.
 */
public class PdfUnavailable extends RuntimeException {

    public PdfUnavailable(String message) {
        super(message);
    }
}
