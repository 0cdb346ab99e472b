package kz.shagym.letter;

/** The letters the software drafts; one DOCX template per kind and language ({@code <KIND>.docx}). */
public enum LetterKind {
    COMPLAINT_PROSECUTOR,
    COMPLAINT_INVESTIGATIVE_JUDGE,
    APPEAL,
    COPY_REQUEST,
    FORENSIC_EXAM_MOTION,
    CAT_COMMUNICATION,
    HRC_COMMUNICATION,
    INTERIM_MEASURES,
    RESTORE_TERM_MOTION;

    /** File name of the template inside {@code letter-templates/<language>/}. */
    public String templateFileName() {
        return name() + ".docx";
    }
}
