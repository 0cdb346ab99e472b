package kz.shagym.letter;

import java.util.List;

/**
 * A letter asked for in a language its kind is not written in — above all a UN communication in Kazakh, which the
 * Committees do not accept. The web layer words it in the user's language, naming the language and the ones offered.
 */
public class LetterLanguageRefused extends RuntimeException {

    private final LetterKind kind;
    private final String language;

    public LetterLanguageRefused(LetterKind kind, String language) {
        super(kind + " is not written in '" + language + "' (offered: " + kind.languages() + ")");
        this.kind = kind;
        this.language = language;
    }

    public LetterKind kind() {
        return kind;
    }

    /** As asked, possibly null or blank. */
    public String language() {
        return language;
    }

    public List<String> offered() {
        return kind.languages();
    }
}
