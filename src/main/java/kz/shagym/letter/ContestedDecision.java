package kz.shagym.letter;

import java.time.LocalDate;

/**
 * The contested act.
 *
 * @param authority INTERNAL_SECURITY | PROSECUTOR | INVESTIGATOR | INVESTIGATIVE_JUDGE | APPEAL_COURT | POLICE | ANTI_CORRUPTION
 * @param outcome REFUSED | GRANTED | TERMINATED | FORWARDED | SILENCE
 * @param reason NOT_PROVEN | NO_CRIME | FORWARDED_TO_INTERNAL_SECURITY | SILENCE | null
 * @param copyReceivedOn nullable: no copy yet means the copy request applies
 * @param number nullable: the decision's own number as the authority gave it
 */
public record ContestedDecision(String authority, String outcome, String reason, LocalDate decidedOn,
                                LocalDate learnedOn, LocalDate copyReceivedOn, String number) {

    public ContestedDecision(String authority, String outcome, String reason, LocalDate decidedOn, LocalDate learnedOn,
                             LocalDate copyReceivedOn) {
        this(authority, outcome, reason, decidedOn, learnedOn, copyReceivedOn, null);
    }
}
