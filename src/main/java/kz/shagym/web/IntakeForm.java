package kz.shagym.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import kz.shagym.complaint.MedicalFacts;
import kz.shagym.complaint.NewComplaint;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The intake form: the REST intake's fields, with "filed at" split into the date and the Almaty time written on the
 * authority's stamp, and the optional medical facts. Messages come from the web bundles by constraint name (NotBlank,
 * NotNull, ...).
 */
public class IntakeForm {

    @NotBlank
    @Size(max = 5000)
    private String victimName;
    @Past
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate birthDate;
    @NotBlank
    @Size(max = 100)
    private String region;
    @NotNull
    private NewComplaint.Allegation allegation = NewComplaint.Allegation.TORTURE;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate incidentDate;
    @NotNull
    private NewComplaint.FiledWith filedWith;
    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate filedDate;
    /** Shown again as the time input writes it (10:30, not 10:30:00, which Chromium would show with its seconds). */
    @NotNull
    @DateTimeFormat(pattern = "HH:mm", fallbackPatterns = {"HH:mm:ss", "HH:mm:ss.SSS"})
    private LocalTime filedTime;
    @NotNull
    @Pattern(regexp = "ru|kk")
    private String language = "ru";
    @Size(max = MedicalFacts.MAX_TEXT)
    private String injuries;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate examinationDate;
    @Size(max = MedicalFacts.MAX_PLACE)
    private String examinationPlace;
    private MedicalFacts.ForensicExamination forensicExamination;
    @Size(max = MedicalFacts.MAX_TEXT)
    private String doctorFindings;

    NewComplaint toRequest() {
        return new NewComplaint(new NewComplaint.Victim(victimName.strip(), birthDate), region.strip(), allegation, incidentDate,
                filedWith, filedDate.atTime(filedTime).atZone(Formats.ALMATY).toOffsetDateTime(), language, null,
                new MedicalFacts(injuries, examinationDate, examinationPlace, forensicExamination, doctorFindings),
                caseFile.toCaseFile());
    }

    /** The intake's API field names, as the domain reports them, mapped to this form's inputs. */
    static String formField(String apiField) {
        if (apiField == null) {
            return null;
        }
        if (apiField.startsWith("caseFile.")) {
            return "caseFile." + CaseFileForm.formField(apiField.substring("caseFile.".length()));
        }
        return switch (apiField) {
            case "filedAt" -> "filedDate";
            case "victim.fullName" -> "victimName";
            case "victim.birthDate" -> "birthDate";
            case "region", "allegation", "incidentDate", "filedWith", "language" -> apiField;
            case "medical.injuries" -> "injuries";
            case "medical.examinationDate" -> "examinationDate";
            case "medical.examinationPlace" -> "examinationPlace";
            case "medical.forensicExamination" -> "forensicExamination";
            case "medical.doctorFindings" -> "doctorFindings";
            default -> null;
        };
    }

    /** The optional case file, as on the case page; everything left blank is simply not recorded. */
    private CaseFileForm caseFile = new CaseFileForm();

    public CaseFileForm getCaseFile() { return caseFile; }
    public void setCaseFile(CaseFileForm caseFile) { this.caseFile = caseFile; }
    public String getVictimName() { return victimName; }
    public void setVictimName(String victimName) { this.victimName = victimName; }
    public LocalDate getBirthDate() { return birthDate; }
    public void setBirthDate(LocalDate birthDate) { this.birthDate = birthDate; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public NewComplaint.Allegation getAllegation() { return allegation; }
    public void setAllegation(NewComplaint.Allegation allegation) { this.allegation = allegation; }
    public LocalDate getIncidentDate() { return incidentDate; }
    public void setIncidentDate(LocalDate incidentDate) { this.incidentDate = incidentDate; }
    public NewComplaint.FiledWith getFiledWith() { return filedWith; }
    public void setFiledWith(NewComplaint.FiledWith filedWith) { this.filedWith = filedWith; }
    public LocalDate getFiledDate() { return filedDate; }
    public void setFiledDate(LocalDate filedDate) { this.filedDate = filedDate; }
    public LocalTime getFiledTime() { return filedTime; }
    public void setFiledTime(LocalTime filedTime) { this.filedTime = filedTime; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public String getInjuries() { return injuries; }
    public void setInjuries(String injuries) { this.injuries = injuries; }
    public LocalDate getExaminationDate() { return examinationDate; }
    public void setExaminationDate(LocalDate examinationDate) { this.examinationDate = examinationDate; }
    public String getExaminationPlace() { return examinationPlace; }
    public void setExaminationPlace(String examinationPlace) { this.examinationPlace = examinationPlace; }
    public MedicalFacts.ForensicExamination getForensicExamination() { return forensicExamination; }
    public void setForensicExamination(MedicalFacts.ForensicExamination forensicExamination) { this.forensicExamination = forensicExamination; }
    public String getDoctorFindings() { return doctorFindings; }
    public void setDoctorFindings(String doctorFindings) { this.doctorFindings = doctorFindings; }
}
