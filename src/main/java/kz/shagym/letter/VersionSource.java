package kz.shagym.letter;

/**
 * How a version of a letter came to be. The ledger stores GENERATED both for the first draft and for a regeneration
 * (the regeneration's note says so), and UPLOADED for an edited DOCX: a later GENERATED version is a regeneration.
 */
public enum VersionSource {
    GENERATED, UPLOADED, REGENERATED;

    public static VersionSource of(LetterStore.Version version) {
        if ("UPLOADED".equals(version.source())) {
            return UPLOADED;
        }
        return version.version() > 1 ? REGENERATED : GENERATED;
    }
}
