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

    /** A communication to a UN treaty body (or its request for interim measures), not a letter to a Kazakh authority. */
    public boolean toUn() {
        return this == CAT_COMMUNICATION || this == HRC_COMMUNICATION || this == INTERIM_MEASURES;
    }

    /**
     * The languages this kind is written in. The OHCHR's petitions team takes communications in English, French, Russian
     * and Spanish only: a UN communication is drafted in Russian or English (the lawyer chooses), never in Kazakh; the
     * domestic letters are in Russian and Kazakh.
     */
    public java.util.List<String> languages() {
        return toUn() ? java.util.List.of("ru", "en") : java.util.List.of("ru", "kk");
    }

    /** Every language some letter is written in: the directories under {@code letter-templates/}. */
    public static final java.util.List<String> ALL_LANGUAGES = java.util.List.of("ru", "kk", "en");

    /**
     * The language a letter of this kind is first drafted in for a case kept in {@code caseLanguage}: Russian where that
     * one is not offered (a Kazakh case's UN communication starts in Russian; the lawyer may switch it to English).
     */
    public String draftingLanguage(String caseLanguage) {
        return languages().contains(caseLanguage) ? caseLanguage : "ru";
    }

    /**
     * The language a letter of this kind is written in: the one chosen for it if the kind is written in that language
     * (a UN letter drafted in Kazakh before Kazakh was withdrawn is not), else the default for the case.
     */
    public String language(String chosen, String caseLanguage) {
        return chosen != null && languages().contains(chosen) ? chosen : draftingLanguage(caseLanguage);
    }

    /** File name of the template inside {@code letter-templates/<language>/}. */
    public String templateFileName() {
        return name() + ".docx";
    }
}
