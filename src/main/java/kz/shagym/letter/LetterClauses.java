package kz.shagym.letter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chooses the numbered requests ("ПРОШУ:") and attachments for a letter. They live in code rather than in
 * the templates because items come and go with the case (stated reason, minor victim, missed term) and
 * the numbering must stay continuous; the wording itself is in {@code messages/letter_*.properties}.
 */
final class LetterClauses {

    private LetterClauses() {
    }

    /** CAT unless the letter is addressed to the Human Rights Committee. */
    static String committee(LetterModel m) {
        if (m.kind() == LetterKind.HRC_COMMUNICATION) {
            return "HRC";
        }
        if (m.kind() == LetterKind.CAT_COMMUNICATION) {
            return "CAT";
        }
        return m.un() != null && "HRC".equals(m.un().committee()) ? "HRC" : "CAT";
    }

    /**
     * The articles a UN communication claims, by what the case is: the CAT's arts. 1 and 2 only for torture (art. 16 for
     * other ill-treatment, which brings arts. 12 and 13 with it); the Covenant's art. 10 only for a person deprived of
     * liberty (a place of detention is recorded).
     */
    static String articles(LetterModel m, LetterTexts t) {
        String committee = committee(m);
        if ("CAT".equals(committee)) {
            return t.code("articles", "CAT." + ("ILL_TREATMENT".equals(m.allegation()) ? "ILL_TREATMENT" : "TORTURE"));
        }
        String detention = m.caseFile().incident().detentionPlace();
        return t.code("articles", detention == null || detention.isBlank() ? "HRC" : "HRC.detained");
    }

    static List<String> requests(LetterModel m, LetterTexts t) {
        Slots s = Slots.of(m, t);
        List<String> out = new ArrayList<>();
        boolean missed = m.timeliness() != null && m.timeliness().missed();
        switch (m.kind()) {
            case COMPLAINT_PROSECUTOR -> {
                addIf(out, missed, t.phrase("req.restoreTerm"));
                addIf(out, m.contested() != null, () -> unlawful(m, t, s));
                out.add(t.phrase("req.registerErdr", s.map()));
                // the prosecutor's exclusive competence covers torture, not every ill-treatment
                addIf(out, !"ILL_TREATMENT".equals(m.allegation()), t.phrase("req.takeOwnProceedings"));
                out.add(t.phrase("req.orderForensic"));
                // asked only while the status is not recognised, in the victim's gender
                addIf(out, m.caseFile().proceedings().victimRecognisedOn() == null,
                        t.phrase(female(m) ? "req.recognizeVictim.female" : "req.recognizeVictim", s.map()));
                addIf(out, m.victim().minor(), t.phrase("req.minorSafeguards"));
                out.add(t.phrase(applicantFemale(m) ? "req.sendCopy.female" : "req.sendCopy"));
            }
            case COMPLAINT_INVESTIGATIVE_JUDGE -> {
                addIf(out, missed, t.phrase("req.restoreTerm"));
                addIf(out, m.contested() != null, () -> unlawful(m, t, s));
                out.add(t.phrase("req.obligeRemedy"));
                addIf(out, m.victim().minor(), t.phrase("req.minorSafeguards"));
                out.add(t.phrase("req.hearing"));
                out.add(t.phrase(applicantFemale(m) ? "req.sendCopy.female" : "req.sendCopy"));
            }
            case APPEAL -> {
                addIf(out, missed, t.phrase("req.restoreTerm"));
                addIf(out, m.contested() != null, () -> t.phrase("req.quash", s.map()));
                out.add(t.phrase("req.grantComplaint"));
                out.add(t.phrase("req.hearing"));
                out.add(t.phrase(applicantFemale(m) ? "req.sendCopy.female" : "req.sendCopy"));
            }
            case COPY_REQUEST -> {
                out.add(t.phrase(m.contested() != null ? "req.issueCopy" : "req.issueCopy.any", s.map()));
                out.add(t.phrase("req.accessMaterials"));
                out.add(t.phrase("req.decide99"));
            }
            case FORENSIC_EXAM_MOTION -> {
                out.add(t.phrase("req.appointExam", s.map()));
                out.add(t.phrase("req.psychExam"));
                out.add(t.phrase("req.independentExpert"));
                addIf(out, m.victim().minor(), t.phrase("req.minorExam"));
                out.add(t.phrase("req.counselQuestions"));
                out.add(t.phrase("req.preserveRecords"));
                out.add(t.phrase("req.decide99"));
            }
            case CAT_COMMUNICATION, HRC_COMMUNICATION -> {
                out.add(t.phrase("req.un.investigate", s.map()));
                out.add(t.phrase("req.un.prosecute"));
                out.add(t.phrase("req.un.compensate"));
                out.add(t.phrase("req.un.nonRepetition"));
                addIf(out, m.un() != null && m.un().urgent(), t.phrase("req.un.interimSeparate", s.map()));
            }
            case INTERIM_MEASURES -> {
                out.add(t.phrase("req.im.medical", s.map()));
                out.add(t.phrase("req.im.reprisals", s.map()));
                out.add(t.phrase("req.im.access"));
                out.add(t.phrase("req.im.noTransfer", s.map()));
            }
            case RESTORE_TERM_MOTION -> {
                out.add(t.phrase("req.rt.goodReason"));
                out.add(t.phrase("req.rt.restore", s.map()));
            }
        }
        return out;
    }

    static List<String> attachments(LetterModel m, LetterTexts t) {
        Slots s = Slots.of(m, t);
        List<String> out = new ArrayList<>();
        boolean missed = m.timeliness() != null && m.timeliness().missed();
        boolean minor = m.victim().minor();
        if (!m.annexes().isEmpty()) {
            // The documents the lawyer ticked, then only what every such letter encloses: no generic "medical documents"
            // or "copy of the decision" the case may not have.
            m.annexes().forEach(a -> out.add(annexLine(a)));
            addIf(out, minor && !m.kind().toUn(), t.phrase("att.minorRepresentative"));
            out.add(t.phrase(m.kind().toUn() ? "att.un.authorization" : "att.powerOfAttorney"));
            addIf(out, m.kind() == LetterKind.COMPLAINT_INVESTIGATIVE_JUDGE || m.kind() == LetterKind.APPEAL,
                    t.phrase("att.complaintCopies"));
            return out;
        }
        switch (m.kind()) {
            case COMPLAINT_PROSECUTOR, COMPLAINT_INVESTIGATIVE_JUDGE, APPEAL -> {
                addContestedCopy(out, m, t, s);
                out.add(t.phrase("att.medical"));
                // no restore-term motion here: the software cannot know one is enclosed (it is a letter of its own)
                addIf(out, minor, t.phrase("att.minorRepresentative"));
                out.add(t.phrase("att.powerOfAttorney"));
                addIf(out, m.kind() != LetterKind.COMPLAINT_PROSECUTOR, t.phrase("att.complaintCopies"));
            }
            case COPY_REQUEST -> {
                addIf(out, minor, t.phrase("att.minorRepresentative"));
                out.add(t.phrase("att.powerOfAttorney"));
            }
            case FORENSIC_EXAM_MOTION -> {
                out.add(t.phrase("att.medical"));
                addIf(out, minor, t.phrase("att.minorRepresentative"));
                out.add(t.phrase("att.powerOfAttorney"));
            }
            case CAT_COMMUNICATION, HRC_COMMUNICATION -> {
                out.add(t.phrase("att.un.decisions"));
                out.add(t.phrase("att.medical"));
                addIf(out, minor, t.phrase("att.minorRepresentative"));
                out.add(t.phrase("att.un.authorization"));
            }
            case INTERIM_MEASURES -> {
                out.add(t.phrase("att.im.riskEvidence"));
                out.add(t.phrase("att.medical"));
                out.add(t.phrase("att.un.fullToFollow"));
                out.add(t.phrase("att.un.authorization"));
            }
            case RESTORE_TERM_MOTION -> {
                out.add(t.phrase("att.rt.reasonEvidence"));
                out.add(t.phrase("att.rt.letter", s.map()));
                addIf(out, m.contested() != null && m.contested().copyReceivedOn() != null, t.phrase("att.receiptProof"));
                out.add(t.phrase("att.powerOfAttorney"));
            }
        }
        return out;
    }

    /** "Title, dd.MM.yyyy" without the date when the title already has it. */
    static String annexLine(Annex a) {
        String title = LetterVariables.text(a.title()).strip();
        String date = LetterTexts.date(a.date());
        return a.date() == null || title.contains(date) ? title : title + ", " + date;
    }

    private static void addContestedCopy(List<String> out, LetterModel m, LetterTexts t, Slots s) {
        ContestedDecision c = m.contested();
        if (c == null || "SILENCE".equals(LetterVariables.effectiveReason(c))) {
            return;
        }
        if (c.copyReceivedOn() != null) {
            out.add(t.phrase("att.contestedCopy", s.map()));
            out.add(t.phrase("att.receiptProof"));
        } else {
            out.add(t.phrase("att.noCopy"));
        }
    }

    private static String unlawful(LetterModel m, LetterTexts t, Slots s) {
        String reason = m.contested() == null ? null : LetterVariables.effectiveReason(m.contested());
        String key = switch (reason == null ? "" : reason) {
            case "FORWARDED_TO_INTERNAL_SECURITY", "NOT_PROVEN", "NO_CRIME", "SILENCE" -> "req.unlawful." + reason;
            default -> "req.unlawful.OTHER";
        };
        return t.phrase(key, s.map());
    }

    private static boolean female(LetterModel m) {
        return m.caseFile().victim().gender() == kz.shagym.complaint.CaseFile.Gender.FEMALE;
    }

    private static boolean applicantFemale(LetterModel m) {
        return m.caseFile().applicantGender() == kz.shagym.complaint.CaseFile.Gender.FEMALE;
    }

    private static void addIf(List<String> out, boolean condition, java.util.function.Supplier<String> line) {
        if (condition) {
            out.add(line.get());
        }
    }

    private static void addIf(List<String> out, boolean condition, String line) {
        if (condition) {
            out.add(line);
        }
    }

    /** Values for the {slot}s in request and attachment phrases. */
    private record Slots(Map<String, String> map) {
        static Slots of(LetterModel m, LetterTexts t) {
            ContestedDecision c = m.contested();
            String restoredLetter = m.kind() == LetterKind.RESTORE_TERM_MOTION
                    ? t.code("letter", restoredKind(m).name())
                    : t.code("letter", m.kind().name());
            return new Slots(Map.of(
                    "authority", c == null ? "" : t.code("authority.gen", c.authority()),
                    "date", c == null ? "" : LetterTexts.date(c.decidedOn()),
                    "victim", LetterVariables.text(m.victim().fullName()),
                    "articles", articles(m, t),
                    "rule", t.code("committeeRule", committee(m)),
                    "letter", restoredLetter,
                    "about", t.code("allegationAbout", m.allegation())));
        }
    }

    /**
     * The letter whose term the restore-term motion asks to restore: an appeal when the contested act is a
     * judge's, otherwise the art. 106 complaint (the usual late filing).
     */
    static LetterKind restoredKind(LetterModel m) {
        ContestedDecision c = m.contested();
        if (c != null && "INVESTIGATIVE_JUDGE".equals(c.authority())) {
            return LetterKind.APPEAL;
        }
        return LetterKind.COMPLAINT_INVESTIGATIVE_JUDGE;
    }
}
