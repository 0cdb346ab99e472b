package kz.shagym.web;

import java.time.LocalDate;
import java.util.List;
import kz.shagym.complaint.CaseFile;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The case file on the case page, one flat property per field ({@code applicantIin} for the API's {@code applicant.iin}),
 * so that a refused form is shown again with what was typed and the refusal next to its field. Every field of
 * {@link CaseFile}, none more.
 */
public class CaseFileForm {

    /** The API's field names in the page's order (group.field), for labels and for placing refusals. */
    static final List<String> FIELDS = List.of(            "applicant.role",
            "applicant.fullName",
            "applicant.gender",
            "applicant.relationship",
            "applicant.birthDate",
            "applicant.nationality",
            "applicant.address",
            "applicant.iin",
            "applicant.phone",
            "applicant.email",
            "victim.gender",
            "victim.nationality",
            "victim.address",
            "victim.iin",
            "victim.phone",
            "counsel.fullName",
            "counsel.gender",
            "counsel.licenceNumber",
            "counsel.warrantNumber",
            "counsel.warrantDate",
            "counsel.barAssociation",
            "counsel.address",
            "counsel.phone",
            "counsel.email",
            "incident.time",
            "incident.place",
            "incident.whatHappened",
            "incident.perpetrators",
            "incident.unit",
            "incident.detentionPlace",
            "incident.witnesses",
            "proceedings.kuiNumber",
            "proceedings.erdrNumber",
            "proceedings.criminalCaseNumber",
            "proceedings.victimRecognisedOn");
    private CaseFile.ApplicantRole applicantRole;
    private String applicantFullName;
    private CaseFile.Gender applicantGender;
    private String applicantRelationship;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate applicantBirthDate;
    private String applicantNationality;
    private String applicantAddress;
    private String applicantIin;
    private String applicantPhone;
    private String applicantEmail;
    private CaseFile.Gender victimGender;
    private String victimNationality;
    private String victimAddress;
    private String victimIin;
    private String victimPhone;
    private String counselFullName;
    private CaseFile.Gender counselGender;
    private String counselLicenceNumber;
    private String counselWarrantNumber;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate counselWarrantDate;
    private String counselBarAssociation;
    private String counselAddress;
    private String counselPhone;
    private String counselEmail;
    private String incidentTime;
    private String incidentPlace;
    private String incidentWhatHappened;
    private String incidentPerpetrators;
    private String incidentUnit;
    private String incidentDetentionPlace;
    private String incidentWitnesses;
    private String proceedingsKuiNumber;
    private String proceedingsErdrNumber;
    private String proceedingsCriminalCaseNumber;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate proceedingsVictimRecognisedOn;

    /** How a field is entered: free text, a long text, a day, or a choice among an enum's values. */
    public enum Kind { TEXT, LONG_TEXT, DATE, CHOICE }

    /**
     * One field as the page shows and edits it: its API name (labels are {@code field.<api>}), its form property, how it
     * is entered, and for a choice the values with the bundle prefix that words them.
     */
    public record Field(String api, String property, Kind kind, List<String> options, String optionKey) {}

    /** A group of fields (labelled {@code caseFile.<name>}), as the page folds them. */
    public record Group(String name, List<Field> fields) {}

    static final List<Group> GROUPS = FIELDS.stream().map(api -> api.substring(0, api.indexOf('.'))).distinct()
            .map(group -> new Group(group, FIELDS.stream().filter(api -> api.startsWith(group + ".")).map(CaseFileForm::field).toList()))
            .toList();

    private static Field field(String api) {
        String property = formField(api);
        if (api.endsWith(".role")) {
            return new Field(api, property, Kind.CHOICE, names(CaseFile.ApplicantRole.values()), "applicantRole.");
        }
        if (api.endsWith(".gender")) {
            return new Field(api, property, Kind.CHOICE, names(CaseFile.Gender.values()), "gender.");
        }
        if (api.endsWith("Date") || api.endsWith("On")) {
            return new Field(api, property, Kind.DATE, List.of(), null);
        }
        if (api.equals("incident.whatHappened") || api.equals("incident.witnesses") || api.equals("incident.perpetrators")) {
            return new Field(api, property, Kind.LONG_TEXT, List.of(), null);
        }
        return new Field(api, property, Kind.TEXT, List.of(), null);
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }

    /** A stored value as the page shows it: dates as dd.MM.yyyy, choices worded by the caller; null when absent. */
    public record Shown(Field field, String text, String key) {}

    /** The stored values of a group that are present, in the page's order. */
    public List<Shown> shown(Group group) {
        org.springframework.beans.BeanWrapper bean = new org.springframework.beans.BeanWrapperImpl(this);
        List<Shown> shown = new java.util.ArrayList<>();
        for (Field f : group.fields()) {
            Object value = bean.getPropertyValue(f.property());
            if (value instanceof LocalDate date) {
                shown.add(new Shown(f, Formats.date(date), null));
            } else if (value instanceof Enum<?> e) {
                shown.add(new Shown(f, null, f.optionKey() + e.name()));
            } else if (value != null) {
                shown.add(new Shown(f, value.toString(), null));
            }
        }
        return shown;
    }

    /** The form property of an API field ({@code applicant.iin} → {@code applicantIin}); null stays null. */
    static String formField(String apiField) {
        if (apiField == null) {
            return null;
        }
        int dot = apiField.indexOf('.');
        return dot < 0 ? apiField : apiField.substring(0, dot) + Character.toUpperCase(apiField.charAt(dot + 1)) + apiField.substring(dot + 2);
    }

    static CaseFileForm of(CaseFile c) {
        CaseFileForm f = new CaseFileForm();
        f.setApplicantRole(c.applicant().role());
        f.setApplicantFullName(c.applicant().fullName());
        f.setApplicantGender(c.applicant().gender());
        f.setApplicantRelationship(c.applicant().relationship());
        f.setApplicantBirthDate(c.applicant().birthDate());
        f.setApplicantNationality(c.applicant().nationality());
        f.setApplicantAddress(c.applicant().address());
        f.setApplicantIin(c.applicant().iin());
        f.setApplicantPhone(c.applicant().phone());
        f.setApplicantEmail(c.applicant().email());
        f.setVictimGender(c.victim().gender());
        f.setVictimNationality(c.victim().nationality());
        f.setVictimAddress(c.victim().address());
        f.setVictimIin(c.victim().iin());
        f.setVictimPhone(c.victim().phone());
        f.setCounselFullName(c.counsel().fullName());
        f.setCounselGender(c.counsel().gender());
        f.setCounselLicenceNumber(c.counsel().licenceNumber());
        f.setCounselWarrantNumber(c.counsel().warrantNumber());
        f.setCounselWarrantDate(c.counsel().warrantDate());
        f.setCounselBarAssociation(c.counsel().barAssociation());
        f.setCounselAddress(c.counsel().address());
        f.setCounselPhone(c.counsel().phone());
        f.setCounselEmail(c.counsel().email());
        f.setIncidentTime(c.incident().time());
        f.setIncidentPlace(c.incident().place());
        f.setIncidentWhatHappened(c.incident().whatHappened());
        f.setIncidentPerpetrators(c.incident().perpetrators());
        f.setIncidentUnit(c.incident().unit());
        f.setIncidentDetentionPlace(c.incident().detentionPlace());
        f.setIncidentWitnesses(c.incident().witnesses());
        f.setProceedingsKuiNumber(c.proceedings().kuiNumber());
        f.setProceedingsErdrNumber(c.proceedings().erdrNumber());
        f.setProceedingsCriminalCaseNumber(c.proceedings().criminalCaseNumber());
        f.setProceedingsVictimRecognisedOn(c.proceedings().victimRecognisedOn());
        return f;
    }

    CaseFile toCaseFile() {
        return new CaseFile(
                new CaseFile.VictimDetails(victimGender, victimNationality, victimAddress, victimIin, victimPhone),
                new CaseFile.Applicant(applicantRole, applicantFullName, applicantGender, applicantRelationship,
                        applicantBirthDate, applicantNationality, applicantAddress, applicantIin, applicantPhone, applicantEmail),
                new CaseFile.Counsel(counselFullName, counselGender, counselLicenceNumber, counselWarrantNumber,
                        counselWarrantDate, counselBarAssociation, counselAddress, counselPhone, counselEmail),
                new CaseFile.Incident(incidentTime, incidentPlace, incidentWhatHappened, incidentPerpetrators,
                        incidentUnit, incidentDetentionPlace, incidentWitnesses),
                new CaseFile.Proceedings(proceedingsKuiNumber, proceedingsErdrNumber, proceedingsCriminalCaseNumber,
                        proceedingsVictimRecognisedOn));
    }

    public CaseFile.ApplicantRole getApplicantRole() { return applicantRole; }
    public void setApplicantRole(CaseFile.ApplicantRole value) { this.applicantRole = value; }
    public String getApplicantFullName() { return applicantFullName; }
    public void setApplicantFullName(String value) { this.applicantFullName = value; }
    public CaseFile.Gender getApplicantGender() { return applicantGender; }
    public void setApplicantGender(CaseFile.Gender value) { this.applicantGender = value; }
    public String getApplicantRelationship() { return applicantRelationship; }
    public void setApplicantRelationship(String value) { this.applicantRelationship = value; }
    public LocalDate getApplicantBirthDate() { return applicantBirthDate; }
    public void setApplicantBirthDate(LocalDate value) { this.applicantBirthDate = value; }
    public String getApplicantNationality() { return applicantNationality; }
    public void setApplicantNationality(String value) { this.applicantNationality = value; }
    public String getApplicantAddress() { return applicantAddress; }
    public void setApplicantAddress(String value) { this.applicantAddress = value; }
    public String getApplicantIin() { return applicantIin; }
    public void setApplicantIin(String value) { this.applicantIin = value; }
    public String getApplicantPhone() { return applicantPhone; }
    public void setApplicantPhone(String value) { this.applicantPhone = value; }
    public String getApplicantEmail() { return applicantEmail; }
    public void setApplicantEmail(String value) { this.applicantEmail = value; }
    public CaseFile.Gender getVictimGender() { return victimGender; }
    public void setVictimGender(CaseFile.Gender value) { this.victimGender = value; }
    public String getVictimNationality() { return victimNationality; }
    public void setVictimNationality(String value) { this.victimNationality = value; }
    public String getVictimAddress() { return victimAddress; }
    public void setVictimAddress(String value) { this.victimAddress = value; }
    public String getVictimIin() { return victimIin; }
    public void setVictimIin(String value) { this.victimIin = value; }
    public String getVictimPhone() { return victimPhone; }
    public void setVictimPhone(String value) { this.victimPhone = value; }
    public String getCounselFullName() { return counselFullName; }
    public void setCounselFullName(String value) { this.counselFullName = value; }
    public CaseFile.Gender getCounselGender() { return counselGender; }
    public void setCounselGender(CaseFile.Gender value) { this.counselGender = value; }
    public String getCounselLicenceNumber() { return counselLicenceNumber; }
    public void setCounselLicenceNumber(String value) { this.counselLicenceNumber = value; }
    public String getCounselWarrantNumber() { return counselWarrantNumber; }
    public void setCounselWarrantNumber(String value) { this.counselWarrantNumber = value; }
    public LocalDate getCounselWarrantDate() { return counselWarrantDate; }
    public void setCounselWarrantDate(LocalDate value) { this.counselWarrantDate = value; }
    public String getCounselBarAssociation() { return counselBarAssociation; }
    public void setCounselBarAssociation(String value) { this.counselBarAssociation = value; }
    public String getCounselAddress() { return counselAddress; }
    public void setCounselAddress(String value) { this.counselAddress = value; }
    public String getCounselPhone() { return counselPhone; }
    public void setCounselPhone(String value) { this.counselPhone = value; }
    public String getCounselEmail() { return counselEmail; }
    public void setCounselEmail(String value) { this.counselEmail = value; }
    public String getIncidentTime() { return incidentTime; }
    public void setIncidentTime(String value) { this.incidentTime = value; }
    public String getIncidentPlace() { return incidentPlace; }
    public void setIncidentPlace(String value) { this.incidentPlace = value; }
    public String getIncidentWhatHappened() { return incidentWhatHappened; }
    public void setIncidentWhatHappened(String value) { this.incidentWhatHappened = value; }
    public String getIncidentPerpetrators() { return incidentPerpetrators; }
    public void setIncidentPerpetrators(String value) { this.incidentPerpetrators = value; }
    public String getIncidentUnit() { return incidentUnit; }
    public void setIncidentUnit(String value) { this.incidentUnit = value; }
    public String getIncidentDetentionPlace() { return incidentDetentionPlace; }
    public void setIncidentDetentionPlace(String value) { this.incidentDetentionPlace = value; }
    public String getIncidentWitnesses() { return incidentWitnesses; }
    public void setIncidentWitnesses(String value) { this.incidentWitnesses = value; }
    public String getProceedingsKuiNumber() { return proceedingsKuiNumber; }
    public void setProceedingsKuiNumber(String value) { this.proceedingsKuiNumber = value; }
    public String getProceedingsErdrNumber() { return proceedingsErdrNumber; }
    public void setProceedingsErdrNumber(String value) { this.proceedingsErdrNumber = value; }
    public String getProceedingsCriminalCaseNumber() { return proceedingsCriminalCaseNumber; }
    public void setProceedingsCriminalCaseNumber(String value) { this.proceedingsCriminalCaseNumber = value; }
    public LocalDate getProceedingsVictimRecognisedOn() { return proceedingsVictimRecognisedOn; }
    public void setProceedingsVictimRecognisedOn(LocalDate value) { this.proceedingsVictimRecognisedOn = value; }
}
