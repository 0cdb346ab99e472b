package kz.shagym.letter;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;
import kz.shagym.complaint.CaseFile;
import kz.shagym.complaint.CaseFile.Applicant;
import kz.shagym.complaint.CaseFile.ApplicantRole;
import kz.shagym.complaint.CaseFile.Counsel;
import kz.shagym.complaint.CaseFile.Gender;
import kz.shagym.complaint.CaseFile.Incident;
import kz.shagym.complaint.CaseFile.Proceedings;
import kz.shagym.complaint.CaseFile.VictimDetails;
import kz.shagym.complaint.MedicalFacts;

/**
 * The cases whose letters are pinned by reviewed golden texts ({@link LetterGoldenTest}) and whose variety makes every
 * branch of every template render both ways ({@link TemplateLintTest}). Each case is a whole {@link LetterModel} as the
 * workflow assembles it, for any letter kind and language; together they cover:
 * <ul>
 *   <li>who files: the victim (a man, a woman), a relative (a father for his minor son, a mother for her daughter),
 *       the lawyer (for a woman, for a man);</li>
 *   <li>torture and ill-treatment;</li>
 *   <li>the authority refused (not proven, no crime, no reason given), kept silent, or forwarded the report to internal
 *       security; the prosecutor's route taken or not;</li>
 *   <li>the copy of the decision received or withheld; victim status recognised or not;</li>
 *   <li>the term kept, missed with the lawyer's reason, missed without one, not computed;</li>
 *   <li>attachments ticked or none; an addressee from the registry or none; the letter dated or still pending;</li>
 *   <li>CAT and HRC, with or without the HRC's five-year date, interim measures with the lawyer's statement of risk;</li>
 *   <li>what is known right after intake: no decision yet, no term, no case file, the incident date not given.</li>
 * </ul>
 * Free text the lawyer types for the heading (region, nationality, relationship) is in the letter's language (ru, kk,
 * en); the rest is as typed, in Russian.
 */
final class GoldenCases {

    /** One fixture: {@code name} is its directory under {@code src/test/resources/letters/}. */
    record Case(String name, BiFunction<LetterKind, String, LetterModel> build) {
        LetterModel model(LetterKind kind, String language) {
            LetterModel model = build.apply(kind, language);
            return kind == LetterKind.APPEAL ? atAppeal(model) : model;
        }
    }

    /**
     * An appeal challenges the investigative judge's decision, and the workflow quotes the latest decision: once the
     * case has a contested decision, its appeal comes after the judge refused the complaint about it (20 days later),
     * upholding the authority's reason (or its silence); the judge's decision numbered when the authority's was, its
     * copy received or withheld as the authority's was, and the appeal's own term (art. 107) kept or missed as the
     * case's term was.
     */
    static LetterModel atAppeal(LetterModel m) {
        ContestedDecision c = m.contested();
        if (c == null) {
            return m;
        }
        LocalDate decided = c.decidedOn().plusDays(20);
        ContestedDecision judge = new ContestedDecision("INVESTIGATIVE_JUDGE", "REFUSED", LetterVariables.effectiveReason(c),
                decided, decided, c.copyReceivedOn() == null ? null : decided.plusDays(2),
                c.number() == null ? null : "7-" + c.number());
        List<ChronologyEntry> chronology = new java.util.ArrayList<>(m.chronology());
        chronology.add(new ChronologyEntry(c.decidedOn().plusDays(5), "FILED", null, null, "COMPLAINT_INVESTIGATIVE_JUDGE"));
        chronology.add(new ChronologyEntry(decided, "DECISION", "INVESTIGATIVE_JUDGE", "REFUSED", null));
        Timeliness t = m.timeliness() == null ? null : new Timeliness("DECISION_ISSUED", decided, decided.plusDays(15),
                "УПК РК ст. 107", "kz.upk.107.appeal", m.timeliness().missed());
        LocalDate dated = m.letterDate() == null ? null
                : decided.plusDays(t != null && t.missed() ? 20 : 3); // after the judge's decision, late if the term is missed
        return new LetterModel(m.kind(), m.language(), m.caseNumber(), dated, m.victim(), m.representative(),
                m.region(), m.allegation(), m.filedWith(), m.incidentDate(), m.reportFiledOn(), judge, chronology, t,
                m.un(), m.medical(), m.caseFile(), m.addressee(), m.annexes(), m.particulars());
    }

    static final AddresseeRegistry ADDRESSEES = AddresseeRegistry.load(Path.of("config", "addressees.yaml"));

    static final List<Case> ALL = List.of(
            new Case("man-recognised-torture-forwarded", GoldenCases::manRecognisedTortureForwarded),
            new Case("woman-recognised-ill-treatment-not-proven", GoldenCases::womanRecognisedIllTreatmentNotProven),
            new Case("father-for-minor-son-silence", GoldenCases::fatherForMinorSonSilence),
            new Case("lawyer-for-woman-no-crime-copy-withheld-late", GoldenCases::lawyerForWomanNoCrimeCopyWithheldLate),
            new Case("lawyer-for-man-refused-no-reason-late", GoldenCases::lawyerForManRefusedNoReasonLate),
            new Case("mother-for-detained-daughter-interim", GoldenCases::motherForDetainedDaughterInterim),
            new Case("man-just-after-intake", GoldenCases::manJustAfterIntake),
            new Case("sister-for-minor-sister-not-yet-named", GoldenCases::sisterNotYetNamed));

    private GoldenCases() {
    }

    private static final String REPRESENTATIVE_ORG = "ОФ «Правовая инициатива»";
    private static final Representative SERIKOV = new Representative("Сериков Марат Болатович", REPRESENTATIVE_ORG,
            "+7 701 000 00 00, m.serikov@example.kz");
    /** The lawyer signed in, as the letter factory names the representative: the same person as the case file's counsel. */
    private static final Representative ZHUMABAYEVA = new Representative("Жумабаева Алия Нурлановна", REPRESENTATIVE_ORG,
            "+7 705 444 55 66, a.zhumabayeva@example.kz");

    /** What the lawyer typed in the letter's language (English for a UN communication in English). */
    private static String pick(String language, String ru, String kk, String en) {
        return switch (language) {
            case "kk" -> kk;
            case "en" -> en;
            default -> ru;
        };
    }

    private static Addressee addressee(LetterKind kind, String region, String language, String contestedAuthority) {
        return ADDRESSEES.forLetter(kind, region, language, contestedAuthority).orElse(null);
    }

    private static List<ChronologyEntry> forwardedChronology() {
        return List.of(
                new ChronologyEntry(LocalDate.of(2021, 1, 18), "REPORT_FILED", "ANTI_CORRUPTION", null, null),
                new ChronologyEntry(LocalDate.of(2021, 1, 19), "FORWARDED_TO_INTERNAL_SECURITY", "INTERNAL_SECURITY",
                        "FORWARDED", null),
                new ChronologyEntry(LocalDate.of(2021, 1, 26), "COPY_RECEIVED", null, null, null));
    }

    /**
     * The domestic remedies after the authority's decision of {@code decided}: the complaint to the investigative judge
     * 5 days later, refused 20 days after the decision (as in {@link #atAppeal}), the appeal 5 days after that, refused
     * 60 days after the decision: the final domestic decision.
     */
    private static UnSubmission un(String committee, LocalDate decided, boolean hrcLimitDate, boolean urgent) {
        LocalDate exhausted = decided.plusDays(60);
        return new UnSubmission(committee, exhausted, List.of(
                new ChronologyEntry(decided.plusDays(5), "FILED", null, null, "COMPLAINT_INVESTIGATIVE_JUDGE"),
                new ChronologyEntry(decided.plusDays(20), "DECISION", "INVESTIGATIVE_JUDGE", "REFUSED", null),
                new ChronologyEntry(decided.plusDays(25), "FILED", null, null, "APPEAL"),
                new ChronologyEntry(exhausted, "DECISION", "APPEAL_COURT", "REFUSED", null)),
                hrcLimitDate ? exhausted.plusYears(5) : null, urgent);
    }

    /**
     * A man, recognised as victim, files himself; torture; the anti-corruption service sent his report to internal
     * security; copy received; everything in the case file known; two attachments ticked; the letter dated; CAT.
     */
    static LetterModel manRecognisedTortureForwarded(LetterKind kind, String language) {
        CaseFile file = new CaseFile(
                new VictimDetails(Gender.MALE, pick(language, "Республика Казахстан", "Қазақстан Республикасы", "Kazakhstan"),
                        "г. Алматы, пр. Абая, 10, кв. 7", "800203300111", "+7 702 333 44 55"),
                new Applicant(ApplicantRole.VICTIM, null, null, null, null, null, null, null, null, null),
                new Counsel("Сериков Марат Болатович", Gender.MALE, "0001234", "77", LocalDate.of(2021, 1, 20),
                        "Алматинская городская коллегия адвокатов", "г. Алматы, ул. Толе би, 45", "+7 701 000 00 00",
                        "m.serikov@example.kz"),
                new Incident("около 23:00", "в служебном кабинете № 14 УП Алмалинского района г. Алматы",
                        "Сотрудники надели на заявителя наручники, надели на голову полиэтиленовый пакет и требовали признания",
                        "оперуполномоченные К. и Т.", "УП Алмалинского района ДП г. Алматы",
                        "ИВС ДП г. Алматы", "Н. (сокамерник)"),
                new Proceedings("0000-12/2021", "211500031000456", "2-1234/2021", LocalDate.of(2021, 1, 28)));
        ContestedDecision forwarded = new ContestedDecision("INTERNAL_SECURITY", "FORWARDED", "FORWARDED_TO_INTERNAL_SECURITY",
                LocalDate.of(2021, 1, 19), LocalDate.of(2021, 1, 25), LocalDate.of(2021, 1, 26), "12-3/456");
        return new LetterModel(kind, language, "SHG-2021-000001", LocalDate.of(2021, 1, 27),
                new Person("Иванов Иван Иванович", LocalDate.of(1980, 2, 3), false), SERIKOV,
                pick(language, "г. Алматы", "Алматы қ.", "Almaty"), "TORTURE", "ANTI_CORRUPTION",
                LocalDate.of(2021, 1, 10), LocalDate.of(2021, 1, 18), forwarded, forwardedChronology(),
                new Timeliness("LEARNED_OF_DECISION", LocalDate.of(2021, 1, 25), LocalDate.of(2021, 2, 9),
                        "УПК РК ст. 106", "kz.upk.106.file-complaint", false),
                un("CAT", forwarded.decidedOn(), false, false),
                new MedicalFacts("кровоподтёки на запястьях, ссадины на лице", LocalDate.of(2021, 1, 11),
                        "травмпункт № 3 г. Алматы", MedicalFacts.ForensicExamination.REQUESTED,
                        "множественные кровоподтёки, давность 1–2 суток"),
                file, addressee(kind, "ALMATY", language, "INTERNAL_SECURITY"),
                List.of(new Annex("Постановление УСБ от 19.01.2021 № 12-3/456", LocalDate.of(2021, 1, 19), 2),
                        new Annex("Справка травмпункта № 3", LocalDate.of(2021, 1, 11), null)),
                null);
    }

    /**
     * A woman, recognised as victim, files herself; ill-treatment; she first complained to the prosecutor, who
     * refused as "not proven"; copy received; her IIN unknown, her lawyer's warrant undated; no attachments ticked;
     * the letter's date pending; HRC, the five-year date known.
     */
    static LetterModel womanRecognisedIllTreatmentNotProven(LetterKind kind, String language) {
        CaseFile file = new CaseFile(
                new VictimDetails(Gender.FEMALE, null, "г. Караганда, ул. Ерубаева, 12, кв. 5", null, "+7 701 111 22 33"),
                null,
                new Counsel("Жумабаева Алия Нурлановна", Gender.FEMALE, "0005678", "15", null,
                        "Карагандинская областная коллегия адвокатов", null, null, null),
                new Incident(null, "в здании ОП Октябрьского района г. Караганды",
                        "Сотрудник толкнул заявительницу, она ударилась о стену; её оскорбляли и не отпускали шесть часов",
                        "капитан полиции Б.", null, null, null),
                new Proceedings("0000-45/2021", null, null, LocalDate.of(2021, 2, 25)));
        ContestedDecision refused = new ContestedDecision("PROSECUTOR", "REFUSED", "NOT_PROVEN", LocalDate.of(2021, 3, 2),
                LocalDate.of(2021, 3, 4), LocalDate.of(2021, 3, 4), null);
        return new LetterModel(kind, language, "SHG-2021-000002", null,
                new Person("Асанова Айгуль Маратовна", LocalDate.of(1999, 1, 1), false), ZHUMABAYEVA,
                pick(language, "Карагандинская область", "Қарағанды облысы", "Karaganda Region"), "ILL_TREATMENT", "POLICE",
                LocalDate.of(2021, 2, 12), LocalDate.of(2021, 2, 13), refused,
                List.of(new ChronologyEntry(LocalDate.of(2021, 2, 13), "REPORT_FILED", "POLICE", null, null),
                        new ChronologyEntry(LocalDate.of(2021, 2, 20), "FILED", null, null, "COMPLAINT_PROSECUTOR"),
                        new ChronologyEntry(LocalDate.of(2021, 3, 2), "DECISION", "PROSECUTOR", "REFUSED", null)),
                new Timeliness("PROSECUTOR_REFUSAL", LocalDate.of(2021, 3, 4), LocalDate.of(2021, 3, 17),
                        "УПК РК ст. 106", "kz.upk.106.file-complaint", false),
                un("HRC", refused.decidedOn(), true, false),
                new MedicalFacts("ушиб плеча", null, null, null, null),
                file, addressee(kind, "KARAGANDA", language, "PROSECUTOR"), List.of(), null);
    }

    /**
     * A father (the relationship not stated) files for his minor son, not recognised as victim; torture; the prosecutor kept silent; no case-file
     * lawyer (only the NGO representative); no addressee chosen; the term not computed; HRC without the five-year date.
     */
    static LetterModel fatherForMinorSonSilence(LetterKind kind, String language) {
        CaseFile file = new CaseFile(new VictimDetails(Gender.MALE, null, null, null, "+7 747 123 45 67"),
                new Applicant(ApplicantRole.RELATIVE, "Ахметов Серик Болатович", Gender.MALE, null,
                        LocalDate.of(1975, 4, 4), null, "г. Шымкент, ул. Байтурсынова, 3", "750404300222", null,
                        "s.akhmetov@example.kz"),
                null,
                new Incident("с 14 по 16 марта", null, "Подростка удерживали в отделе полиции и избивали, требуя признаться в краже",
                        null, "ОП Абайского района г. Шымкента", null, null),
                null);
        ContestedDecision silence = new ContestedDecision("PROSECUTOR", "SILENCE", "SILENCE", LocalDate.of(2021, 4, 5),
                LocalDate.of(2021, 4, 5), null);
        return new LetterModel(kind, language, "SHG-2021-000003", LocalDate.of(2021, 4, 20),
                new Person("Ахметов Данияр Серикович", LocalDate.of(2006, 5, 5), true), SERIKOV,
                pick(language, "г. Шымкент", "Шымкент қ.", "Shymkent"), "TORTURE", "PROSECUTOR",
                LocalDate.of(2021, 3, 14), LocalDate.of(2021, 3, 20), silence,
                List.of(new ChronologyEntry(LocalDate.of(2021, 3, 20), "REPORT_FILED", "PROSECUTOR", null, null)),
                null, new UnSubmission("HRC", null, List.of(), null, false), null, file, null, List.of(), null);
    }

    /**
     * The lawyer files in her own name for a woman recognised as victim; torture in detention; the police refused
     * ("no crime") and withheld the copy; the term missed, with the lawyer's reason; one attachment; CAT with a request
     * for interim measures and the lawyer's statement of risk.
     */
    static LetterModel lawyerForWomanNoCrimeCopyWithheldLate(LetterKind kind, String language) {
        CaseFile file = new CaseFile(
                new VictimDetails(Gender.FEMALE, "Республика Казахстан", null, "910305400333", null),
                new Applicant(ApplicantRole.LAWYER, "Жумабаева Алия Нурлановна", Gender.FEMALE, null, null, null,
                        "г. Астана, ул. Кенесары, 40, оф. 12", null, "+7 705 444 55 66", null),
                new Counsel("Жумабаева Алия Нурлановна", Gender.FEMALE, "0005678", "21", LocalDate.of(2021, 5, 3),
                        "Коллегия адвокатов г. Астаны", "г. Астана, ул. Кенесары, 40, оф. 12", "+7 705 444 55 66",
                        "a.zhumabayeva@example.kz"),
                new Incident("ночью 1 мая", "в ИВС ДП г. Астаны",
                        "Задержанную избивали дубинкой и угрожали расправой над детьми",
                        "надзиратели ИВС", null, "ИВС ДП г. Астаны", "С. (задержанная в той же камере)"),
                new Proceedings(null, "211500031000789", null, LocalDate.of(2021, 5, 10)));
        ContestedDecision refused = new ContestedDecision("POLICE", "REFUSED", "NO_CRIME", LocalDate.of(2021, 5, 12),
                LocalDate.of(2021, 5, 14), null, "3-45");
        return new LetterModel(kind, language, "SHG-2021-000004", null,
                new Person("Серикова Дана Ержановна", LocalDate.of(1991, 3, 5), false), ZHUMABAYEVA,
                pick(language, "г. Астана", "Астана қ.", "Astana"), "TORTURE", "POLICE",
                LocalDate.of(2021, 5, 1), LocalDate.of(2021, 5, 3), refused,
                List.of(new ChronologyEntry(LocalDate.of(2021, 5, 3), "REPORT_FILED", "POLICE", null, null),
                        new ChronologyEntry(LocalDate.of(2021, 5, 12), "DECISION", "POLICE", "REFUSED", null)),
                new Timeliness("LEARNED_OF_DECISION", LocalDate.of(2021, 5, 14), LocalDate.of(2021, 5, 28),
                        "УПК РК ст. 106", "kz.upk.106.file-complaint", true),
                un("CAT", refused.decidedOn(), false, true),
                new MedicalFacts(null, LocalDate.of(2021, 5, 4), "медицинская часть ИВС",
                        MedicalFacts.ForensicExamination.DONE, "гематомы на бёдрах и спине"),
                file, addressee(kind, "ASTANA", language, "POLICE"),
                List.of(new Annex("Ордер адвоката № 21", LocalDate.of(2021, 5, 3), 1)),
                new LetterParticulars("Копия постановления об отказе не вручена до сих пор, о нём адвокат узнала "
                        + "только 14.05.2021 из ответа на запрос", "Потерпевшая остаётся в ИВС под контролем тех же "
                        + "сотрудников; 20.05.2021 ей угрожали расправой за жалобу", null, null));
    }

    /**
     * The lawyer files in his own name for a man not recognised as victim; ill-treatment; internal security refused
     * without stating a reason; copy received; the term missed and the lawyer gave no reason; CAT.
     */
    static LetterModel lawyerForManRefusedNoReasonLate(LetterKind kind, String language) {
        CaseFile file = new CaseFile(new VictimDetails(Gender.MALE, null, "г. Павлодар, ул. Торайгырова, 1", null, null),
                new Applicant(ApplicantRole.LAWYER, "Сериков Марат Болатович", Gender.MALE, null, null, null,
                        null, null, "+7 701 000 00 00", null),
                new Counsel("Сериков Марат Болатович", Gender.MALE, null, "90", LocalDate.of(2021, 6, 1), null,
                        null, null, "m.serikov@example.kz"),
                null, new Proceedings("0000-99/2021", null, null, null));
        ContestedDecision refused = new ContestedDecision("INTERNAL_SECURITY", "REFUSED", null, LocalDate.of(2021, 6, 2),
                LocalDate.of(2021, 6, 3), LocalDate.of(2021, 6, 3), null);
        return new LetterModel(kind, language, "SHG-2021-000005", LocalDate.of(2021, 6, 25),
                new Person("Петров Пётр Петрович", LocalDate.of(1985, 8, 8), false), SERIKOV,
                pick(language, "Павлодарская область", "Павлодар облысы", "Pavlodar Region"), "ILL_TREATMENT", "ANTI_CORRUPTION",
                LocalDate.of(2021, 5, 20), LocalDate.of(2021, 5, 21), refused,
                List.of(new ChronologyEntry(LocalDate.of(2021, 5, 21), "REPORT_FILED", "ANTI_CORRUPTION", null, null),
                        new ChronologyEntry(LocalDate.of(2021, 6, 2), "DECISION", "INTERNAL_SECURITY", "REFUSED", null)),
                new Timeliness("COPY_RECEIVED", LocalDate.of(2021, 6, 3), LocalDate.of(2021, 6, 17), "УПК РК ст. 106",
                        "kz.upk.106.file-complaint", true),
                un("CAT", refused.decidedOn(), false, false), null,
                file, addressee(kind, "PAVLODAR", language, "INTERNAL_SECURITY"), List.of(), null);
    }

    /**
     * A mother files for her adult daughter held in detention, the daughter recognised as victim; ill-treatment; the report
     * forwarded to internal security and the copy withheld; HRC with a request for interim measures, the lawyer's
     * statement of risk and a justification of the delay; the letter's date pending.
     */
    static LetterModel motherForDetainedDaughterInterim(LetterKind kind, String language) {
        CaseFile file = new CaseFile(
                new VictimDetails(Gender.FEMALE, "Республика Казахстан", "г. Костанай, ул. Баймагамбетова, 5", "980909400555", null),
                new Applicant(ApplicantRole.RELATIVE, "Омарова Гульнара Ахметовна", Gender.FEMALE,
                        pick(language, "мать потерпевшей", "жәбірленушінің анасы", "the victim's mother"), null, "Республика Казахстан",
                        null, null, "+7 707 555 66 77", null),
                new Counsel("Сериков Марат Болатович", Gender.MALE, "0001234", null, null, null, null, null, null),
                new Incident(null, null, null, null, null, "СИЗО ЕЦ-166/1 г. Костаная", null),
                new Proceedings("0000-77/2021", null, null, LocalDate.of(2021, 7, 20)));
        ContestedDecision forwarded = new ContestedDecision("ANTI_CORRUPTION", "FORWARDED", null, LocalDate.of(2021, 7, 2),
                LocalDate.of(2021, 7, 9), null, null);
        return new LetterModel(kind, language, "SHG-2021-000006", null,
                new Person("Омарова Айжан Бекетовна", null, false), SERIKOV,
                pick(language, "Костанайская область", "Қостанай облысы", "Kostanay Region"), "ILL_TREATMENT", "ANTI_CORRUPTION",
                LocalDate.of(2021, 6, 28), LocalDate.of(2021, 6, 30), forwarded,
                List.of(new ChronologyEntry(LocalDate.of(2021, 6, 30), "REPORT_FILED", "ANTI_CORRUPTION", null, null),
                        new ChronologyEntry(LocalDate.of(2021, 7, 2), "FORWARDED_TO_INTERNAL_SECURITY",
                                "INTERNAL_SECURITY", "FORWARDED", null)),
                new Timeliness("EXHAUSTION", forwarded.decidedOn().plusDays(60),
                        forwarded.decidedOn().plusDays(60).plusYears(5), "HRC rule 99(c)", "un.hrc.99c", false),
                un("HRC", forwarded.decidedOn(), true, true), null,
                file, addressee(kind, "KOSTANAY", language, "ANTI_CORRUPTION"), List.of(),
                new LetterParticulars(null, "Дочь заявительницы содержится в СИЗО, где служат сотрудники, на которых она "
                        + "пожаловалась; её переводят в карцер после каждого свидания с адвокатом",
                        "Сообщение подаётся через семь месяцев после окончательного решения: копию постановления "
                        + "апелляционной инстанции заявительница получила только 15.03.2022", "нет"));
    }

    /**
     * Right after intake, as {@code LetterModelFactory} assembles a first draft: what intake requires (the victim's name,
     * region, allegation, where and when the report was filed, the lawyer) and nothing more; the incident date, which
     * intake does not require, not given; no decision yet, no term computed, an empty case file, the date pending.
     */
    static LetterModel manJustAfterIntake(LetterKind kind, String language) {
        return new LetterModel(kind, language, "SHG-2021-000007", null, new Person("Ким Виктор Олегович", null, false),
                new Representative("Сериков Марат Болатович", REPRESENTATIVE_ORG, "m.serikov@example.kz"),
                pick(language, "г. Алматы", "Алматы қ.", "Almaty"), "TORTURE", "PROSECUTOR", null, LocalDate.of(2021, 8, 2), null,
                List.of(new ChronologyEntry(LocalDate.of(2021, 8, 2), "REPORT_FILED", "PROSECUTOR", null, null)),
                null, null, null, CaseFile.EMPTY, addressee(kind, "ALMATY", language, null), List.of(), null);
    }

    /**
     * A woman files for her minor sister, but intake recorded only that a relative files: her name and details not yet
     * entered, nor the incident's date; the installation has no organisation name and the lawyer's account no e-mail;
     * the prosecutor refused.
     */
    static LetterModel sisterNotYetNamed(LetterKind kind, String language) {
        CaseFile file = new CaseFile(new VictimDetails(Gender.FEMALE, null, null, null, null),
                new Applicant(ApplicantRole.RELATIVE, null, Gender.FEMALE, null, null, null, null, null, null, null),
                null, null, null);
        ContestedDecision refused = new ContestedDecision("PROSECUTOR", "REFUSED", "NOT_PROVEN", LocalDate.of(2021, 9, 10),
                LocalDate.of(2021, 9, 12), LocalDate.of(2021, 9, 12));
        return new LetterModel(kind, language, "SHG-2021-000008", null,
                new Person("Нургалиева Айгерим Бахытовна", LocalDate.of(2007, 2, 2), true),
                new Representative("Сериков Марат Болатович", "", ""),
                pick(language, "Атырауская область", "Атырау облысы", "Atyrau Region"), "TORTURE", "PROSECUTOR",
                null, LocalDate.of(2021, 9, 2), refused,
                List.of(new ChronologyEntry(LocalDate.of(2021, 9, 2), "REPORT_FILED", "PROSECUTOR", null, null),
                        new ChronologyEntry(LocalDate.of(2021, 9, 10), "DECISION", "PROSECUTOR", "REFUSED", null)),
                null, un("CAT", refused.decidedOn(), false, false), null, file, addressee(kind, "ATYRAU", language, "PROSECUTOR"),
                List.of(), null);
    }
}
