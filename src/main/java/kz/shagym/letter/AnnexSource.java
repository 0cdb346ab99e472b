package kz.shagym.letter;

import java.util.List;
import java.util.UUID;

/**
 * The attachments a letter lists as annexes. Implemented by the attachments feature; the letter feature asks it when
 * it builds a letter, so the annex list follows what the lawyer ticked.
 */
public interface AnnexSource {

    /**
     * The annexes for a letter of this kind.
     *
     * @param letterId the letter being regenerated, or {@code null} for a first draft (then the attachments the
     *                 lawyer marked for letters of this kind, or none)
     */
    List<Annex> annexes(UUID complaintId, LetterKind kind, UUID letterId);

    /** No attachments feature: no annexes beyond those the letter always names. */
    AnnexSource NONE = (complaintId, kind, letterId) -> List.of();
}
