package kz.shagym.letter;

import java.time.LocalDate;
import java.util.List;

/** A realistic case (report diverted to internal security) and its variations, for the letter tests. */
final class LetterFixtures {
    static final String VICTIM = "Иванов Иван Иванович";
    static final LocalDate LAST_DAY = LocalDate.of(2021, 2, 9);
    static final String LAST_DAY_TEXT = "09.02.2021";
    static final String LEGAL_BASIS = "УПК РК ст. 106";

    private LetterFixtures() {
    }

    static LetterModel model(LetterKind kind, String language) {
        return new LetterModel(kind, language, "217500031000123", LocalDate.of(2021, 1, 27),
                new Person(VICTIM, LocalDate.of(1980, 2, 3), false),
                new Representative("Сериков Марат Болатович", "ОФ «Правовая инициатива»", "+7 701 000 00 00, m.serikov@example.kz"),
                "г. Алматы", "TORTURE", "ANTI_CORRUPTION",
                LocalDate.of(2021, 1, 10), LocalDate.of(2021, 1, 18),
                contested("FORWARDED_TO_INTERNAL_SECURITY"),
                List.of(
                        new ChronologyEntry(LocalDate.of(2021, 1, 18), "REPORT_FILED", "ANTI_CORRUPTION", null, null),
                        new ChronologyEntry(LocalDate.of(2021, 1, 19), "FORWARDED_TO_INTERNAL_SECURITY", "INTERNAL_SECURITY", "FORWARDED", null),
                        new ChronologyEntry(LocalDate.of(2021, 1, 26), "COPY_RECEIVED", null, null, null)),
                new Timeliness("LEARNED_OF_DECISION", LocalDate.of(2021, 1, 25), LAST_DAY, LEGAL_BASIS,
                        "kz.upk.106.file-complaint", false),
                new UnSubmission("CAT", LocalDate.of(2022, 3, 1),
                        // the remedies used and the answers, as the ledger records them: a report forwarded, then complaints
                        List.of(new ChronologyEntry(LocalDate.of(2021, 1, 19), "FORWARDED_TO_INTERNAL_SECURITY", "INTERNAL_SECURITY", "FORWARDED", null),
                                new ChronologyEntry(LocalDate.of(2021, 2, 1), "FILED", null, null, "COMPLAINT_INVESTIGATIVE_JUDGE"),
                                new ChronologyEntry(LocalDate.of(2021, 2, 15), "DECISION", "INVESTIGATIVE_JUDGE", "REFUSED", null),
                                new ChronologyEntry(LocalDate.of(2021, 2, 20), "FILED", null, null, "APPEAL"),
                                new ChronologyEntry(LocalDate.of(2022, 3, 1), "DECISION", "APPEAL_COURT", "REFUSED", null)),
                        LocalDate.of(2027, 3, 1), true));
    }

    static ContestedDecision contested(String reason) {
        String outcome = "FORWARDED_TO_INTERNAL_SECURITY".equals(reason) ? "FORWARDED" : "REFUSED";
        return new ContestedDecision("INTERNAL_SECURITY", outcome, reason, LocalDate.of(2021, 1, 19),
                LocalDate.of(2021, 1, 25), LocalDate.of(2021, 1, 26));
    }

    static LetterModel withReason(LetterModel m, String reason) {
        return new LetterModel(m.kind(), m.language(), m.caseNumber(), m.letterDate(), m.victim(), m.representative(),
                m.region(), m.allegation(), m.filedWith(), m.incidentDate(), m.reportFiledOn(), contested(reason),
                m.chronology(), m.timeliness(), m.un());
    }

    static LetterModel withAllegation(LetterModel m, String allegation) {
        return new LetterModel(m.kind(), m.language(), m.caseNumber(), m.letterDate(), m.victim(), m.representative(),
                m.region(), allegation, m.filedWith(), m.incidentDate(), m.reportFiledOn(), m.contested(),
                m.chronology(), m.timeliness(), m.un());
    }

    static LetterModel withVictim(LetterModel m, String name, boolean minor) {
        return new LetterModel(m.kind(), m.language(), m.caseNumber(), m.letterDate(),
                new Person(name, m.victim().birthDate(), minor), m.representative(),
                m.region(), m.allegation(), m.filedWith(), m.incidentDate(), m.reportFiledOn(), m.contested(),
                m.chronology(), m.timeliness(), m.un());
    }

    static LetterModel withMedical(LetterModel m, kz.shagym.complaint.MedicalFacts medical) {
        return new LetterModel(m.kind(), m.language(), m.caseNumber(), m.letterDate(), m.victim(), m.representative(),
                m.region(), m.allegation(), m.filedWith(), m.incidentDate(), m.reportFiledOn(), m.contested(),
                m.chronology(), m.timeliness(), m.un(), medical);
    }

    static LetterModel missed(LetterModel m) {
        Timeliness t = m.timeliness();
        return new LetterModel(m.kind(), m.language(), m.caseNumber(), LocalDate.of(2021, 2, 20), m.victim(),
                m.representative(), m.region(), m.allegation(), m.filedWith(), m.incidentDate(), m.reportFiledOn(),
                m.contested(), m.chronology(),
                new Timeliness(t.triggerKind(), t.triggerDate(), t.lastDay(), t.legalBasis(), t.ruleId(), true), m.un());
    }

    /** The same letter with what the lawyer stated for it. */
    static LetterModel withParticulars(LetterModel m, LetterParticulars particulars) {
        return new LetterModel(m.kind(), m.language(), m.caseNumber(), m.letterDate(), m.victim(), m.representative(),
                m.region(), m.allegation(), m.filedWith(), m.incidentDate(), m.reportFiledOn(), m.contested(),
                m.chronology(), m.timeliness(), m.un(), m.medical(), m.caseFile(), m.addressee(), m.annexes(), particulars);
    }

    /** The bare minimum the workflow may know right after intake. */
    static LetterModel sparse(LetterKind kind, String language) {
        return new LetterModel(kind, language, null, LocalDate.of(2021, 1, 18),
                new Person(VICTIM, null, false), null, null, null, null, null, null, null, null, null, null);
    }
}
