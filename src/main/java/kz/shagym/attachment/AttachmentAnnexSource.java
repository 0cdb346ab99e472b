package kz.shagym.attachment;

import java.util.List;
import java.util.UUID;
import kz.shagym.letter.Annex;
import kz.shagym.letter.AnnexSource;
import kz.shagym.letter.LetterKind;
import org.springframework.stereotype.Component;

/** A letter's annexes are the attachments the lawyer ticked for it, in order; a first draft (no letter yet) has none. */
@Component
class AttachmentAnnexSource implements AnnexSource {

    private final Attachments attachments;

    AttachmentAnnexSource(Attachments attachments) {
        this.attachments = attachments;
    }

    @Override
    public List<Annex> annexes(UUID complaintId, LetterKind kind, UUID letterId) {
        if (letterId == null) {
            return List.of();
        }
        return attachments.annexes(letterId).stream()
                .filter(a -> a.complaintId().equals(complaintId))
                .map(a -> new Annex(a.title(), a.documentDate(), null)).toList();
    }
}
