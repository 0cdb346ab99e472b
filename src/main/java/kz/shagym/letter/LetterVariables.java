package kz.shagym.letter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.shagym.complaint.MedicalFacts;

/**
 * Maps a {@link LetterModel} to the flat variable map the DOCX templates use. This is the single list of
 * what a template may say; {@link TemplateCheck} rejects any tag not listed here.
 *
 * <p>Template syntax (poi-tl): {@code {{name}}} prints a text variable; {@code {{?flag}} … {{/flag}}}
 * keeps a block only when the flag is true; {@code {{?list}} … {{/list}}} repeats the block once per list
 * item, and inside it only that item's fields are visible.
 *
 * <h2>Text variables</h2>
 * <ul>
 * <li>{@code caseNumber}, {@code letterDate} (dd.MM.yyyy), {@code kindTitle} (localized name of this letter)</li>
 * <li>{@code victimName}, {@code victimBirthDate}, {@code representativeName}, {@code representativeOrg},
 *     {@code representativeContact}, {@code region}</li>
 * <li>{@code allegationText} (пытки / жестокое обращение), {@code filedWithTo} (body the report went to, in
 *     the form that follows "в" / the Kazakh dative), {@code incidentDate}, {@code reportFiledOn}</li>
 * <li>{@code contestedAuthority}, {@code contestedAuthorityGen} (genitive in ru), {@code contestedOutcome},
 *     {@code contestedReason}, {@code contestedDecidedOn}, {@code contestedLearnedOn}, {@code contestedCopyReceivedOn}</li>
 * <li>{@code triggerText}, {@code triggerDate}, {@code lastDay}, {@code legalBasis}, {@code ruleId}</li>
 * <li>{@code committeeName}, {@code committeeRule} (rule 114 CAT / rule 94 HRC), {@code unArticles},
 *     {@code exhaustionDate}, {@code hrcLimitDate}</li>
 * <li>{@code medicalInjuries}, {@code medicalExamination} (date and place of the medical examination, as far as known),
 *     {@code medicalDoctorFindings} — only for the letters that quote medical facts, "" for the others</li>
 * </ul>
 * <h2>Flags (for conditional blocks)</h2>
 * {@code victimMinor}, {@code victimAdult}, {@code allegationTorture}, {@code allegationIllTreatment},
 * {@code hasContested}, {@code hasReason}, {@code reasonNotProven}, {@code reasonNoCrime}, {@code reasonForwarded},
 * {@code reasonSilence}, {@code copyReceived}, {@code copyMissing}, {@code priorProsecutorComplaint},
 * {@code hasTimeliness}, {@code termMissed}, {@code termInTime}, {@code unUrgent}, {@code unNotUrgent}, {@code hasHrcLimitDate},
 * {@code hasMedicalFacts}, {@code hasInjuries}, {@code hasMedicalExamination}, {@code hasDoctorFindings}.
 * <h2>Lists</h2>
 * {@code chronology} and {@code exhaustionSteps}: items with {@code no, date, event, authority, outcome, letter, text}
 * ({@code text} is the ready-made line "event: authority — outcome (letter)");
 * {@code requests} and {@code attachments}: items with {@code no, text}, already numbered and chosen for the
 * kind, the stated reason, minority and a missed term.
 */
public final class LetterVariables {

    /**
     * Text variables that may be unknown: each comes with a flag {@code has<Name>} (e.g. {@code hasApplicantIin}) so that
     * a template prints it, with its label, only when it is known. The case file, the addressee and the lawyer's
     * particulars are all optional.
     */
    public static final Set<String> OPTIONAL_TEXT = Set.of(
            "applicantName", "applicantRelationship", "applicantBirthDate", "applicantNationality", "applicantAddress",
            "applicantIin", "applicantPhone", "applicantEmail",
            "victimNationality", "victimAddress", "victimIin", "victimPhone",
            "counselName", "counselLicence", "counselWarrant", "counselWarrantDate", "counselBar", "counselAddress",
            "counselPhone", "counselEmail",
            "incidentTime", "incidentPlace", "incidentAccount", "perpetrators", "perpetratorUnit", "detentionPlace",
            "witnesses",
            "kuiNumber", "erdrNumber", "criminalCaseNumber", "victimRecognisedOn", "contestedNumber",
            "missedTermReason", "riskStatement", "delayJustification", "otherProcedures");

    private static final Set<String> BASE_TEXT = Set.of(
            "caseNumber", "letterDate", "kindTitle",
            "victimName", "victimBirthDate", "representativeName", "representativeOrg", "representativeContact", "region",
            "allegationText", "allegationAbout", "filedWithTo", "incidentDate", "reportFiledOn",
            "contestedAuthority", "contestedAuthorityGen", "contestedOutcome", "contestedReason",
            "contestedDecidedOn", "contestedLearnedOn", "contestedCopyReceivedOn",
            "triggerText", "triggerDate", "lastDay", "legalBasis", "ruleId",
            "committeeName", "committeeRule", "unArticles", "exhaustionDate", "hrcLimitDate",
            "medicalInjuries", "medicalExamination", "medicalDoctorFindings");

    public static final Set<String> TEXT = union(BASE_TEXT, OPTIONAL_TEXT);

    private static final Set<String> BASE_FLAGS = Set.of(
            "victimMinor", "victimAdult", "allegationTorture", "allegationIllTreatment",
            "hasContested", "contestedSilent", "contestedAnswered", "hasReason", "reasonNotProven", "reasonNoCrime", "reasonForwarded", "reasonSilence",
            "copyReceived", "copyMissing", "priorProsecutorComplaint",
            "hasTimeliness", "termMissed", "termInTime", "unUrgent", "unNotUrgent", "hasHrcLimitDate", "hasExhaustionDate",
            "hasMedicalFacts", "hasInjuries", "hasMedicalExamination", "hasDoctorFindings",
            // who files and in which gender the letter speaks of them; the victim's gender
            "applicantIsVictim", "applicantIsRelative", "applicantIsLawyer", "applicantFemale", "applicantMale",
            "victimFemale", "victimMale", "victimRecognised", "victimNotRecognised",
            // the letter's date is set when it is approved or filed; until then a placeholder
            "hasLetterDate", "letterDatePending", "hasAddressee", "hasAnnexes",
            // dates the complaint may not have; whether the author of a UN communication is someone other than the victim
            "hasIncidentDate", "noIncidentDate", "hasVictimBirthDate", "applicantNotRelative",
            // the organisation and the lawyer's e-mail come from the installation and the account: either may be unset
            "hasRepresentativeOrg", "hasRepresentativeContact");

    public static final Set<String> FLAGS = union(union(BASE_FLAGS,
            OPTIONAL_TEXT.stream().map(LetterVariables::presenceFlag).collect(java.util.stream.Collectors.toSet())),
            union(Set.of("noAddressee"), OPTIONAL_TEXT.stream().map(LetterVariables::absenceFlag)
                    .collect(java.util.stream.Collectors.toSet())));

    static final Set<String> STEP_FIELDS = Set.of("no", "date", "event", "authority", "outcome", "letter", "text");
    static final Set<String> NUMBERED_FIELDS = Set.of("no", "text");

    /**
     * List variables and the fields their items carry. {@code addresseeLines}: the heading lines ({@code text});
     * {@code annexes}: the attachments the lawyer ticked, numbered ({@code no, text}).
     */
    public static final Map<String, Set<String>> LISTS = Map.of(
            "chronology", STEP_FIELDS,
            "exhaustionSteps", STEP_FIELDS,
            "requests", NUMBERED_FIELDS,
            "attachments", NUMBERED_FIELDS,
            "addresseeLines", Set.of("text"),
            "remedies", NUMBERED_FIELDS,
            "annexes", NUMBERED_FIELDS);

    /** {@code applicantIin} → {@code hasApplicantIin}. */
    public static String presenceFlag(String optionalText) {
        return "has" + Character.toUpperCase(optionalText.charAt(0)) + optionalText.substring(1);
    }

    /** {@code applicantIin} → {@code noApplicantIin}: the template's alternative when it is unknown. */
    public static String absenceFlag(String optionalText) {
        return "no" + Character.toUpperCase(optionalText.charAt(0)) + optionalText.substring(1);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private LetterVariables() {
    }

    /** Every value is non-null (text "" when unknown) so no tag is ever left unrendered. */
    public static Map<String, Object> of(LetterModel model) {
        LetterTexts texts = LetterTexts.forLanguage(model.language());
        Map<String, Object> vars = new HashMap<>(96);
        putCase(vars, model, texts);
        putParties(vars, model);
        putContested(vars, model.contested(), texts);
        putTimeliness(vars, model.timeliness(), texts);
        putUn(vars, model, texts);
        putMedical(vars, model.medical());
        putCaseFile(vars, model);
        putAddresseeAndAnnexes(vars, model);
        putParticulars(vars, model.particulars());
        vars.put("chronology", steps(model.chronology(), texts));
        vars.put("requests", numbered(LetterClauses.requests(model, texts)));
        vars.put("attachments", numbered(LetterClauses.attachments(model, texts)));
        return vars;
    }

    private static void putCase(Map<String, Object> vars, LetterModel m, LetterTexts texts) {
        vars.put("caseNumber", text(m.caseNumber()));
        vars.put("letterDate", LetterTexts.date(m.letterDate()));
        vars.put("hasLetterDate", m.letterDate() != null);
        vars.put("letterDatePending", m.letterDate() == null);
        vars.put("kindTitle", texts.code("letter", m.kind().name()));
        vars.put("region", text(m.region()));
        vars.put("allegationText", texts.code("allegation", m.allegation()));
        vars.put("allegationAbout", texts.code("allegationAbout", m.allegation()));
        vars.put("allegationTorture", !"ILL_TREATMENT".equals(m.allegation()));
        vars.put("allegationIllTreatment", "ILL_TREATMENT".equals(m.allegation()));
        vars.put("filedWithTo", texts.code("filedWith", m.filedWith()));
        vars.put("incidentDate", LetterTexts.date(m.incidentDate()));
        vars.put("hasIncidentDate", m.incidentDate() != null);
        vars.put("noIncidentDate", m.incidentDate() == null);
        vars.put("reportFiledOn", LetterTexts.date(m.reportFiledOn()));
    }

    private static void putParties(Map<String, Object> vars, LetterModel m) {
        Person victim = m.victim();
        vars.put("victimName", text(victim.fullName()));
        vars.put("victimBirthDate", LetterTexts.date(victim.birthDate()));
        vars.put("hasVictimBirthDate", victim.birthDate() != null);
        vars.put("victimMinor", victim.minor());
        vars.put("victimAdult", !victim.minor());
        Representative rep = m.representative();
        vars.put("representativeName", rep == null ? "" : text(rep.fullName()));
        vars.put("representativeOrg", rep == null ? "" : text(rep.organization()));
        vars.put("representativeContact", rep == null ? "" : text(rep.contact()));
        vars.put("hasRepresentativeOrg", !((String) vars.get("representativeOrg")).isBlank());
        vars.put("hasRepresentativeContact", !((String) vars.get("representativeContact")).isBlank());
    }

    private static void putContested(Map<String, Object> vars, ContestedDecision c, LetterTexts texts) {
        String reason = c == null ? null : effectiveReason(c);
        vars.put("hasContested", c != null);
        vars.put("contestedAuthority", c == null ? "" : texts.code("authority", c.authority()));
        vars.put("contestedAuthorityGen", c == null ? "" : texts.code("authority.gen", c.authority()));
        vars.put("contestedOutcome", c == null ? "" : texts.code("outcome", c.outcome()));
        vars.put("contestedReason", reason == null ? "" : texts.code("reason", reason));
        vars.put("contestedDecidedOn", c == null ? "" : LetterTexts.date(c.decidedOn()));
        vars.put("contestedLearnedOn", c == null ? "" : LetterTexts.date(c.learnedOn()));
        vars.put("contestedCopyReceivedOn", c == null ? "" : LetterTexts.date(c.copyReceivedOn()));
        vars.put("hasReason", reason != null);
        vars.put("contestedSilent", "SILENCE".equals(reason));
        vars.put("contestedAnswered", c != null && !"SILENCE".equals(reason));
        vars.put("reasonNotProven", "NOT_PROVEN".equals(reason));
        vars.put("reasonNoCrime", "NO_CRIME".equals(reason));
        vars.put("reasonForwarded", "FORWARDED_TO_INTERNAL_SECURITY".equals(reason));
        vars.put("reasonSilence", "SILENCE".equals(reason));
        vars.put("copyReceived", c != null && c.copyReceivedOn() != null);
        vars.put("copyMissing", c != null && c.copyReceivedOn() == null && !"SILENCE".equals(reason));
        vars.put("priorProsecutorComplaint", c != null && "PROSECUTOR".equals(c.authority()));
    }

    /**
     * The reason drives the grounds paragraph. The engine may record only the outcome (a forwarding or a
     * silence carries its own reason), so infer it from the outcome when the reason is missing.
     */
    static String effectiveReason(ContestedDecision c) {
        if (c.reason() != null && !c.reason().isBlank()) {
            return c.reason();
        }
        if ("FORWARDED".equals(c.outcome())) {
            return "FORWARDED_TO_INTERNAL_SECURITY";
        }
        if ("SILENCE".equals(c.outcome())) {
            return "SILENCE";
        }
        return null;
    }

    private static void putTimeliness(Map<String, Object> vars, Timeliness t, LetterTexts texts) {
        vars.put("hasTimeliness", t != null);
        vars.put("triggerText", t == null ? "" : texts.code("trigger", t.triggerKind()));
        vars.put("triggerDate", t == null ? "" : LetterTexts.date(t.triggerDate()));
        vars.put("lastDay", t == null ? "" : LetterTexts.date(t.lastDay()));
        vars.put("legalBasis", t == null ? "" : text(texts.legalBasis(t.legalBasis())));
        vars.put("ruleId", t == null ? "" : text(t.ruleId()));
        vars.put("termMissed", t != null && t.missed());
        vars.put("termInTime", t != null && !t.missed());
    }

    private static void putUn(Map<String, Object> vars, LetterModel m, LetterTexts texts) {
        UnSubmission un = m.un();
        String committee = LetterClauses.committee(m);
        vars.put("committeeName", texts.code("committee", committee));
        vars.put("committeeRule", texts.code("committeeRule", committee));
        vars.put("unArticles", LetterClauses.articles(m, texts));
        vars.put("hasExhaustionDate", un != null && un.exhaustionDate() != null);
        vars.put("remedies", numbered(remedies(m, texts)));
        vars.put("exhaustionDate", un == null ? "" : LetterTexts.date(un.exhaustionDate()));
        vars.put("hrcLimitDate", un == null ? "" : LetterTexts.date(un.hrcLimitDate()));
        vars.put("hasHrcLimitDate", un != null && un.hrcLimitDate() != null);
        vars.put("unUrgent", un != null && un.urgent());
        vars.put("unNotUrgent", un == null || !un.urgent());
        vars.put("exhaustionSteps", steps(un == null ? List.of() : un.exhaustionSteps(), texts));
    }

    /**
     * The case file. The applicant is the victim unless the case file names someone else; gender flags default to
     * male only where nothing is known, as the templates always had it.
     */
    private static void putCaseFile(Map<String, Object> vars, LetterModel m) {
        kz.shagym.complaint.CaseFile f = m.caseFile();
        var victim = f.victim();
        var applicant = f.applicant();
        boolean victimFiles = f.victimFiles();
        var victimGender = victim.gender();
        var applicantGender = f.applicantGender();
        vars.put("applicantIsVictim", victimFiles);
        vars.put("applicantIsRelative", applicant.role() == kz.shagym.complaint.CaseFile.ApplicantRole.RELATIVE);
        vars.put("applicantIsLawyer", applicant.role() == kz.shagym.complaint.CaseFile.ApplicantRole.LAWYER);
        vars.put("applicantNotRelative", applicant.role() != kz.shagym.complaint.CaseFile.ApplicantRole.RELATIVE);
        vars.put("applicantFemale", applicantGender == kz.shagym.complaint.CaseFile.Gender.FEMALE);
        vars.put("applicantMale", applicantGender != kz.shagym.complaint.CaseFile.Gender.FEMALE);
        vars.put("victimFemale", victimGender == kz.shagym.complaint.CaseFile.Gender.FEMALE);
        vars.put("victimMale", victimGender != kz.shagym.complaint.CaseFile.Gender.FEMALE);
        optional(vars, "applicantName", victimFiles ? m.victim().fullName() : applicant.fullName());
        optional(vars, "applicantRelationship", victimFiles ? null : applicant.relationship());
        optional(vars, "applicantBirthDate", LetterTexts.date(victimFiles ? m.victim().birthDate() : applicant.birthDate()));
        optional(vars, "applicantNationality", victimFiles ? victim.nationality() : applicant.nationality());
        optional(vars, "applicantAddress", victimFiles ? victim.address() : applicant.address());
        optional(vars, "applicantIin", victimFiles ? victim.iin() : applicant.iin());
        optional(vars, "applicantPhone", victimFiles ? victim.phone() : applicant.phone());
        optional(vars, "applicantEmail", victimFiles ? null : applicant.email());
        optional(vars, "victimNationality", victim.nationality());
        optional(vars, "victimAddress", victim.address());
        optional(vars, "victimIin", victim.iin());
        optional(vars, "victimPhone", victim.phone());
        var counsel = f.counsel();
        optional(vars, "counselName", counsel.fullName());
        optional(vars, "counselLicence", counsel.licenceNumber());
        optional(vars, "counselWarrant", counsel.warrantNumber());
        optional(vars, "counselWarrantDate", LetterTexts.date(counsel.warrantDate()));
        optional(vars, "counselBar", counsel.barAssociation());
        optional(vars, "counselAddress", counsel.address());
        optional(vars, "counselPhone", counsel.phone());
        optional(vars, "counselEmail", counsel.email());
        var incident = f.incident();
        optional(vars, "incidentTime", incident.time());
        optional(vars, "incidentPlace", incident.place());
        optional(vars, "incidentAccount", incident.whatHappened());
        optional(vars, "perpetrators", incident.perpetrators());
        optional(vars, "perpetratorUnit", incident.unit());
        optional(vars, "detentionPlace", incident.detentionPlace());
        optional(vars, "witnesses", incident.witnesses());
        var proceedings = f.proceedings();
        optional(vars, "kuiNumber", proceedings.kuiNumber());
        optional(vars, "erdrNumber", proceedings.erdrNumber());
        optional(vars, "criminalCaseNumber", proceedings.criminalCaseNumber());
        optional(vars, "victimRecognisedOn", LetterTexts.date(proceedings.victimRecognisedOn()));
        vars.put("victimRecognised", proceedings.victimRecognisedOn() != null);
        vars.put("victimNotRecognised", proceedings.victimRecognisedOn() == null);
        optional(vars, "contestedNumber", m.contested() == null ? null : m.contested().number());
    }

    private static void putAddresseeAndAnnexes(Map<String, Object> vars, LetterModel m) {
        List<String> lines = m.addressee() == null ? List.of()
                : m.addressee().lines().stream().map(LetterVariables::text).filter(l -> !l.isBlank()).toList();
        vars.put("hasAddressee", !lines.isEmpty());
        vars.put("noAddressee", lines.isEmpty());
        vars.put("addresseeLines", lines.stream().map(l -> Map.<String, Object>of("text", l)).toList());
        vars.put("hasAnnexes", !m.annexes().isEmpty());
        vars.put("annexes", numbered(m.annexes().stream().map(LetterClauses::annexLine).toList()));
    }

    private static void putParticulars(Map<String, Object> vars, LetterParticulars p) {
        optional(vars, "missedTermReason", p.missedTermReason());
        optional(vars, "riskStatement", p.riskStatement());
        optional(vars, "delayJustification", p.delayJustification());
        optional(vars, "otherProcedures", p.otherProcedures());
    }

    /** Statements the templates print as whole sentences: they end with a full stop (added when the lawyer left it out). */
    private static final Set<String> SENTENCES = Set.of("incidentAccount", "missedTermReason", "riskStatement",
            "delayJustification", "otherProcedures");

    /**
     * An optional text and its presence flags; blank counts as unknown. A short field ("капитан полиции Б.") loses a
     * final full stop, since the template puts its own after it; a sentence gets one if it has none.
     */
    private static void optional(Map<String, Object> vars, String name, String value) {
        String t = text(value).strip();
        if (!t.isEmpty() && SENTENCES.contains(name)) {
            t = t.matches("(?s).*[.!?…]$") ? t : t + ".";
        } else if (t.endsWith(".") && !t.endsWith("..")) {
            t = t.substring(0, t.length() - 1);
        }
        vars.put(name, t);
        vars.put(presenceFlag(name), !t.isEmpty());
        vars.put(absenceFlag(name), t.isEmpty());
    }

    private static void putMedical(Map<String, Object> vars, MedicalFacts medical) {
        MedicalFacts m = medical == null ? MedicalFacts.NONE : medical;
        String examination = String.join(", ", java.util.stream.Stream.of(LetterTexts.date(m.examinationDate()),
                text(m.examinationPlace())).filter(part -> !part.isEmpty()).toList());
        vars.put("medicalInjuries", text(m.injuries()));
        vars.put("medicalExamination", examination);
        vars.put("medicalDoctorFindings", text(m.doctorFindings()));
        vars.put("hasInjuries", m.injuries() != null);
        vars.put("hasMedicalExamination", !examination.isEmpty());
        vars.put("hasDoctorFindings", m.doctorFindings() != null);
        vars.put("hasMedicalFacts", m.injuries() != null || !examination.isEmpty() || m.doctorFindings() != null);
    }

    private static List<Map<String, Object>> steps(List<ChronologyEntry> entries, LetterTexts texts) {
        List<Map<String, Object>> items = new ArrayList<>(entries.size());
        int no = 1;
        for (ChronologyEntry e : entries) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("no", String.valueOf(no++));
            item.put("date", LetterTexts.date(e.date()));
            item.put("event", texts.code("event", e.eventType()));
            item.put("authority", texts.code("authority", e.authority()));
            item.put("outcome", repeatsEvent(e) ? "" : texts.code("outcome", e.outcome()));
            item.put("letter", texts.code("letter", e.letterKind()));
            item.put("text", stepLine(item));
            items.add(item);
        }
        return items;
    }

    private static final Set<String> REMEDY_KINDS = Set.of("COMPLAINT_PROSECUTOR", "COMPLAINT_INVESTIGATIVE_JUDGE", "APPEAL");
    private static final Set<String> ANSWERS = Set.of("DECISION", "AUTHORITY_SILENT", "FORWARDED_TO_INTERNAL_SECURITY", "REGISTERED");

    /**
     * The domestic remedies the applicant used, for a UN communication's exhaustion section: the report of the crime,
     * then each complaint (to the prosecutor, the investigating judge, the appeal court), each with its date and what came
     * of it. An authority's decision is the outcome of the remedy before it, never a remedy of its own; motions (a copy
     * request, a forensic examination) are not remedies.
     */
    static List<String> remedies(LetterModel m, LetterTexts texts) {
        List<String> lines = new ArrayList<>();
        StringBuilder open = new StringBuilder(texts.phrase("remedy.report", Map.of(
                "date", LetterTexts.date(m.reportFiledOn()), "body", texts.code("filedWith", m.filedWith()))));
        boolean answered = false;
        // the exhaustion steps with the chronology (where the report's own answer may be): in date order, each once
        List<ChronologyEntry> steps = java.util.stream.Stream.concat(m.chronology().stream(),
                        m.un() == null ? java.util.stream.Stream.<ChronologyEntry>empty() : m.un().exhaustionSteps().stream())
                .distinct().sorted(java.util.Comparator.comparing(ChronologyEntry::date,
                        java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())))
                .toList();
        for (ChronologyEntry e : steps) {
            if ("FILED".equals(e.eventType()) && e.letterKind() != null && REMEDY_KINDS.contains(e.letterKind())) {
                lines.add(finish(open, answered, texts));
                open = new StringBuilder(texts.phrase("remedy.filed", Map.of("date", LetterTexts.date(e.date()),
                        "letter", texts.code("letter", e.letterKind()))));
                answered = false;
            } else if (!answered && ANSWERS.contains(e.eventType())) {
                String outcome = "AUTHORITY_SILENT".equals(e.eventType()) ? texts.code("outcome", "SILENCE")
                        : "FORWARDED_TO_INTERNAL_SECURITY".equals(e.eventType()) ? texts.code("outcome", "FORWARDED")
                        : "REGISTERED".equals(e.eventType()) ? texts.code("event", "REGISTERED")
                        : texts.code("outcome", e.outcome());
                String by = texts.code("authority", e.authority());
                open.append(texts.phrase("remedy.outcome", Map.of("outcome", outcome.isEmpty() ? texts.code("event", "DECISION") : outcome,
                        "authority", by.isEmpty() ? "" : " (" + by + ")", "date", LetterTexts.date(e.date()))));
                answered = true;
            }
        }
        lines.add(finish(open, answered, texts));
        return lines;
    }

    private static String finish(StringBuilder remedy, boolean answered, LetterTexts texts) {
        return (answered ? remedy : remedy.append(texts.phrase("remedy.pending"))).append('.').toString();
    }

    /** A forwarding event already says it was forwarded; quoting the outcome again reads as a stutter. */
    private static boolean repeatsEvent(ChronologyEntry e) {
        return "FORWARDED_TO_INTERNAL_SECURITY".equals(e.eventType()) && "FORWARDED".equals(e.outcome());
    }

    /** "event: authority — outcome (letter)", leaving out the parts the entry does not have. */
    private static String stepLine(Map<String, Object> item) {
        StringBuilder line = new StringBuilder((String) item.get("event"));
        appendIfPresent(line, ": ", (String) item.get("authority"), "");
        appendIfPresent(line, " — ", (String) item.get("outcome"), "");
        appendIfPresent(line, " (", (String) item.get("letter"), ")");
        return line.toString();
    }

    private static void appendIfPresent(StringBuilder line, String before, String part, String after) {
        if (!part.isEmpty()) {
            line.append(before).append(part).append(after);
        }
    }

    private static List<Map<String, Object>> numbered(List<String> lines) {
        List<Map<String, Object>> items = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            // an item may begin with a slot ("{about} хабарлама…"): each numbered item begins with a capital
            String text = line.isEmpty() ? line : line.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + line.substring(1);
            items.add(Map.of("no", String.valueOf(i + 1), "text", text));
        }
        return items;
    }

    /**
     * User text as it will be written: null becomes "", and characters XML 1.0 cannot carry (control
     * characters other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF) are dropped, because a
     * single one makes Word refuse to open the whole letter. Everything else is kept exactly.
     */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (!allowedInXml(cp)) {
                return value.codePoints().filter(LetterVariables::allowedInXml)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            }
            i += Character.charCount(cp);
        }
        return value;
    }

    private static boolean allowedInXml(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
