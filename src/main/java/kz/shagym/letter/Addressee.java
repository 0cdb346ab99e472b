package kz.shagym.letter;

import java.util.List;

/**
 * Whom a letter is addressed to, as the heading prints it: each line already in the grammatical case the heading
 * needs (Russian dative "Прокурору Карагандинской области", Kazakh "Қарағанды облысының прокурорына").
 *
 * @param lines the heading lines, top to bottom; never empty, never a drafting note
 * @param origin where the lines come from
 * @param registryId the registry entry's id when chosen from {@code config/addressees}, else {@code null}
 */
public record Addressee(List<String> lines, Origin origin, String registryId) {

    public enum Origin {
        /** From the registry of authorities in {@code config/addressees}. */
        REGISTRY,
        /** Typed or corrected by the lawyer for this letter. */
        EDITED
    }

    public Addressee {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
