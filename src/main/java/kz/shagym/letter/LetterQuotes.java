package kz.shagym.letter;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import kz.shagym.complaint.DeadlineRole;

/**
 * Which deadline a letter quotes in its timeliness block (a restore-term motion quotes whichever filing term was
 * missed), and which letters quote the medical facts.
 */
final class LetterQuotes {

    private static final EnumSet<DeadlineRole> MISSABLE_FILINGS = EnumSet.of(DeadlineRole.JUDGE_COMPLAINT, DeadlineRole.APPEAL_FILING);

    private LetterQuotes() {
    }

    static Optional<DeadlineRole> quotedRole(LetterKind kind) {
        return Optional.ofNullable(switch (kind) {
            case COMPLAINT_INVESTIGATIVE_JUDGE -> DeadlineRole.JUDGE_COMPLAINT;
            case APPEAL -> DeadlineRole.APPEAL_FILING;
            case HRC_COMMUNICATION -> DeadlineRole.HRC_SUBMISSION_LIMIT;
            case CAT_COMMUNICATION -> DeadlineRole.CAT_DELAY_WARNING;
            default -> null;
        });
    }

    /**
     * The forensic examination motion asks for the injuries to be examined, and a UN communication sets out the facts in
     * full: they quote what is known of the injuries.
     */
    static boolean quotesMedicalFacts(LetterKind kind) {
        return kind == LetterKind.FORENSIC_EXAM_MOTION || kind.toUn();
    }

    static List<LetterKind> kindsQuoting(DeadlineRole role) {
        List<LetterKind> kinds = new ArrayList<>();
        for (LetterKind kind : LetterKind.values()) {
            if (quotedRole(kind).filter(role::equals).isPresent()) {
                kinds.add(kind);
            }
        }
        if (MISSABLE_FILINGS.contains(role)) {
            kinds.add(LetterKind.RESTORE_TERM_MOTION);
        }
        return kinds;
    }
}
