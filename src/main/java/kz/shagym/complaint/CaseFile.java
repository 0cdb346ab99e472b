package kz.shagym.complaint;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * What the letters draw on beyond the ladder's facts: who files, who represents, what happened, and the
 * authorities' own numbers. Entered at intake and editable later; every part is optional, because a lawyer often
 * learns the numbers and the details one by one. Personal parts (the applicant's and the victim's contacts and
 * identifiers, the account of what happened, the witnesses) are encrypted at rest like the victim's name and never
 * reach the engine; the authorities' numbers are not personal data but are stored with the rest.
 *
 * @param victim the alleged victim's own details beyond the name and birth date kept on the complaint
 * @param applicant who signs and files: the victim, a relative, or the lawyer; {@code null} parts fall back to the victim
 * @param counsel the advocate or NGO representative who acts for the applicant
 * @param incident what happened, where, by whom
 * @param proceedings the authorities' numbers (КУИ, ЕРДР, criminal case) and whether victim status was recognised
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseFile(VictimDetails victim, Applicant applicant, Counsel counsel, Incident incident,
                       Proceedings proceedings) {

    public static final CaseFile EMPTY = new CaseFile(VictimDetails.NONE, Applicant.NONE, Counsel.NONE, Incident.NONE,
            Proceedings.NONE);

    public CaseFile {
        victim = victim == null ? VictimDetails.NONE : victim;
        applicant = applicant == null ? Applicant.NONE : applicant;
        counsel = counsel == null ? Counsel.NONE : counsel;
        incident = incident == null ? Incident.NONE : incident;
        proceedings = proceedings == null ? Proceedings.NONE : proceedings;
    }

    @JsonIgnore
    public boolean isEmpty() {
        return equals(EMPTY);
    }

    /** The victim files in their own name unless the case file names a relative or the lawyer. */
    @JsonIgnore
    public boolean victimFiles() {
        return applicant.role() == null || applicant.role() == ApplicantRole.VICTIM;
    }

    /** The gender the letters agree with for whoever files: the victim's when the victim files. */
    @JsonIgnore
    public Gender applicantGender() {
        return victimFiles() ? victim.gender() : applicant.gender();
    }

    /** Grammatical gender: Russian and Kazakh letters agree participles and nouns with it. */
    public enum Gender { MALE, FEMALE }

    /** Who files the letters in their own name. */
    public enum ApplicantRole { VICTIM, RELATIVE, LAWYER }

    /**
     * The alleged victim beyond the name and birth date (the OHCHR form asks for nationality and address).
     *
     * @param iin the 12-digit individual identification number
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VictimDetails(Gender gender, String nationality, String address, String iin, String phone) {
        public static final VictimDetails NONE = new VictimDetails(null, null, null, null, null);
    }

    /**
     * Who files. When {@code role} is VICTIM (or absent) the victim's details are the applicant's and the other
     * fields are ignored.
     *
     * @param relationship how a relative is related ("мать", "супруг"), in the letter's language
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Applicant(ApplicantRole role, String fullName, Gender gender, String relationship,
                            LocalDate birthDate, String nationality, String address, String iin, String phone,
                            String email) {
        public static final Applicant NONE = new Applicant(null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * The representative who signs with or for the applicant.
     *
     * @param licenceNumber the advocate's licence (лицензия) number
     * @param warrantNumber the warrant (ордер) number for this case
     * @param barAssociation the regional bar association (коллегия адвокатов) or the NGO
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Counsel(String fullName, Gender gender, String licenceNumber, String warrantNumber,
                          LocalDate warrantDate, String barAssociation, String address, String phone, String email) {
        public static final Counsel NONE = new Counsel(null, null, null, null, null, null, null, null, null);
    }

    /**
     * What happened.
     *
     * @param time the time of day or period as the applicant gives it ("около 23:00", "с 14 по 16 марта")
     * @param perpetrators the officers, by name or description
     * @param unit their unit (отдел полиции, управление)
     * @param detentionPlace where the victim was held, if held
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Incident(String time, String place, String whatHappened, String perpetrators, String unit,
                           String detentionPlace, String witnesses) {
        public static final Incident NONE = new Incident(null, null, null, null, null, null, null);
    }

    /**
     * The authorities' own numbers, never the application's case number.
     *
     * @param kuiNumber the registration number in the book of reports (КУИ)
     * @param erdrNumber the pre-trial investigation number in the unified register (ЕРДР)
     * @param criminalCaseNumber the court's or investigator's case number
     * @param victimRecognisedOn when the applicant was recognised as victim (потерпевший); until then letters say
     *                           "заявитель"
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Proceedings(String kuiNumber, String erdrNumber, String criminalCaseNumber,
                              LocalDate victimRecognisedOn) {
        public static final Proceedings NONE = new Proceedings(null, null, null, null);
    }
}
