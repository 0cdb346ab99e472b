package kz.shagym.letter;

import kz.shagym.complaint.MedicalFacts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.xmlbeans.XmlError;
import org.apache.xmlbeans.XmlOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static kz.shagym.letter.LetterFixtures.LAST_DAY_TEXT;
import static kz.shagym.letter.LetterFixtures.LEGAL_BASIS;
import static kz.shagym.letter.LetterFixtures.VICTIM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PoiTlLetterRendererTest {
    static {
        QuietPoiTl.apply();
    }

    static final LetterRenderer RENDERER = new PoiTlLetterRenderer(Path.of("letter-templates"));

    /** Domestic kinds whose grounds answer the authority's stated reason (the UN letters: see their own test). */
    static final Set<LetterKind> ANSWER_THE_REASON = EnumSet.of(LetterKind.COMPLAINT_PROSECUTOR,
            LetterKind.COMPLAINT_INVESTIGATIVE_JUDGE, LetterKind.APPEAL);
    /** Marker phrases per language: [forwarded, not proven, no crime, minor, missed term, in time, restore-term motion as an enclosure]. */
    record Phrases(String forwarded, String notProven, String noCrime, String minor, String missed, String inTime,
                   String restoreAttachment) {
        static Phrases of(String language) {
            if ("en".equals(language)) { // the UN letters only
                return new Phrases("internal inquiry", "\"not confirmed\"", "no crime had been committed", "minor", null, null, null);
            }
            return "ru".equals(language)
                    ? new Phrases("книге учёта информации (КУИ)", "«не нашли подтверждения»",
                    "об отсутствии события (состава)", "несовершеннолетн",
                    "Последний день срока истёк.",
                    "в пределах установленного срока", "Ходатайство о восстановлении пропущенного срока.")
                    : new Phrases("ақпаратты есепке алу кітабында (АЕК)", "«расталмады»",
                    "оқиғасы (құрамы) жоқ", "кәмелетке толмаған",
                    "Мерзімнің соңғы күні өтіп кетті.",
                    "белгіленген мерзім ішінде", "Өткізіп алынған мерзімді қалпына келтіру туралы өтінішхат.");
        }
    }

    static Stream<Arguments> everyKindAndLanguage() {
        return LetterKind.ALL_LANGUAGES.stream().flatMap(language ->
                Stream.of(LetterKind.values()).filter(kind -> kind.languages().contains(language))
                        .map(kind -> Arguments.of(kind, language)));
    }

    static String render(LetterModel model) {
        return DocxText.of(RENDERER.render(model));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyKindAndLanguage")
    void everyLetterNamesTheVictimTheArticleAndTheLastDayWithNoTagLeft(LetterKind kind, String language) {
        String text = render(LetterFixtures.model(kind, language));

        assertThat(text).doesNotContain("{{", "}}");
        if (kind.toUn()) {
            // a communication to a Committee carries no deadline of the practice's own: no last day, no article of its rule
            assertThat(text).contains(VICTIM, "217500031000123", "27.01.2021").doesNotContain(LEGAL_BASIS, LAST_DAY_TEXT);
            return;
        }
        // a Kazakh letter cites the article in Kazakh, never as the deadline catalog writes it in Russian
        String basis = language.equals("kk") ? "ҚР ҚПК 106-бабы" : LEGAL_BASIS;
        assertThat(text).contains(VICTIM, basis, LAST_DAY_TEXT, "217500031000123", "27.01.2021");
        if (language.equals("kk")) {
            assertThat(text).doesNotContain("УПК", "ЕРДР", "КУИ", "УСБ", "ст. ");
        }
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyKindAndLanguage")
    void everyLetterIsSchemaValidWordprocessingMl(LetterKind kind, String language) throws IOException {
        LetterModel model = LetterFixtures.missed(LetterFixtures.withVictim(LetterFixtures.model(kind, language),
                "<script>alert(1)</script> {{x}}", true));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(RENDERER.render(model)))) {
            List<XmlError> errors = new ArrayList<>();
            XmlOptions collect = new XmlOptions().setErrorListener(errors);

            assertThat(doc.getDocument().validate(collect)).as("document.xml: %s", errors).isTrue();
            for (XWPFHeader header : doc.getHeaderList()) {
                assertThat(header._getHdrFtr().validate(collect)).as("header: %s", errors).isTrue();
            }
            for (XWPFFooter footer : doc.getFooterList()) {
                assertThat(footer._getHdrFtr().validate(collect)).as("footer: %s", errors).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyKindAndLanguage")
    void aLetterWithOnlyIntakeDataStillRendersCompletely(LetterKind kind, String language) {
        String text = render(LetterFixtures.sparse(kind, language));

        assertThat(text).contains(VICTIM).doesNotContain("{{", "}}", "null");
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyKindAndLanguage")
    void theGroundsAnswerTheReasonTheAuthorityGave(LetterKind kind, String language) {
        if (!ANSWER_THE_REASON.contains(kind)) {
            return;
        }
        Phrases p = Phrases.of(language);
        LetterModel base = LetterFixtures.model(kind, language);

        assertThat(render(LetterFixtures.withReason(base, "FORWARDED_TO_INTERNAL_SECURITY")))
                .contains(p.forwarded()).doesNotContain(p.notProven(), p.noCrime());
        assertThat(render(LetterFixtures.withReason(base, "NOT_PROVEN")))
                .contains(p.notProven()).doesNotContain(p.forwarded(), p.noCrime());
        assertThat(render(LetterFixtures.withReason(base, "NO_CRIME")))
                .contains(p.noCrime()).doesNotContain(p.forwarded(), p.notProven());
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyKindAndLanguage")
    void aMinorVictimAddsTheMinorClausesAndAnAdultDoesNot(LetterKind kind, String language) {
        Phrases p = Phrases.of(language);
        LetterModel base = LetterFixtures.model(kind, language);

        assertThat(render(LetterFixtures.withVictim(base, VICTIM, true))).contains(p.minor());
        assertThat(render(LetterFixtures.withVictim(base, VICTIM, false))).doesNotContain(p.minor());
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyKindAndLanguage")
    void aMissedTermIsExcusedOnlyWithTheLawyersReasonAndNoMotionIsClaimedAsEnclosed(LetterKind kind, String language) {
        if (kind == LetterKind.RESTORE_TERM_MOTION || kind.toUn()) {
            return; // the motion itself: covered below; the UN letters quote no term (a late one carries the lawyer's justification)
        }
        Phrases p = Phrases.of(language);
        String goodReason = "ru".equals(language) ? "по уважительной причине" : "дәлелді себеппен";
        LetterModel base = LetterFixtures.model(kind, language);

        String late = render(LetterFixtures.missed(base));
        String lateWithReason = render(LetterFixtures.withParticulars(LetterFixtures.missed(base),
                new LetterParticulars("Копия постановления вручена только 10.02.2021.", null, null, null)));
        String inTime = render(base);

        assertThat(late).contains(p.missed()).doesNotContain(p.inTime(), goodReason, p.restoreAttachment());
        assertThat(lateWithReason).contains(goodReason, "Копия постановления вручена только 10.02.2021.")
                .doesNotContain(p.restoreAttachment());
        assertThat(inTime).contains(p.inTime()).doesNotContain(p.missed(), goodReason, p.restoreAttachment());
    }

    @Test
    void theRestoreTermMotionNamesTheMissedLastDayAndTheLetterToRestore() {
        String text = render(LetterFixtures.missed(LetterFixtures.model(LetterKind.RESTORE_TERM_MOTION, "ru")));

        assertThat(text).contains("о восстановлении пропущенного срока обжалования", LAST_DAY_TEXT, LEGAL_BASIS,
                "жалоба следственному судье (ст. 106 УПК РК)", "Копия обжалуемого решения получена заявителем лишь 26.01.2021");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ru", "kk"})
    void theForensicMotionQuotesTheRecordedMedicalFactsAndNothingWhereNoneAre(String language) {
        String heading = "ru".equals(language) ? "Медицинские сведения:" : "Медициналық мәліметтер:";
        String examinationLabel = "ru".equals(language) ? "Медицинский осмотр:" : "Медициналық тексеру:";
        LetterModel motion = LetterFixtures.model(LetterKind.FORENSIC_EXAM_MOTION, language);
        MedicalFacts all = new MedicalFacts("Кровоподтёки на обоих запястьях", LocalDate.of(2021, 1, 11),
                "ГКБ № 7 г. Алматы", MedicalFacts.ForensicExamination.REQUESTED, "Ушибы мягких тканей, ссадины");

        assertThat(render(LetterFixtures.withMedical(motion, all))).contains(heading, "Кровоподтёки на обоих запястьях",
                examinationLabel + " 11.01.2021, ГКБ № 7 г. Алматы.", "Ушибы мягких тканей, ссадины");
        assertThat(render(LetterFixtures.withMedical(motion, new MedicalFacts("Перелом ребра", null, null, null, null))))
                .contains(heading, "Перелом ребра").doesNotContain(examinationLabel);
        assertThat(render(motion)).doesNotContain(heading, examinationLabel);
        assertThat(render(LetterFixtures.withMedical(LetterFixtures.model(LetterKind.COMPLAINT_PROSECUTOR, language), all)))
                .as("a letter that does not quote medical facts").doesNotContain("Кровоподтёки");
    }

    @Test
    void requestsAreNumberedWithoutGapsWhenClausesComeAndGo() {
        LetterModel minorAndLate = LetterFixtures.missed(LetterFixtures.withVictim(
                LetterFixtures.model(LetterKind.COMPLAINT_PROSECUTOR, "ru"), VICTIM, true));
        String text = render(minorAndLate);

        assertThat(text).contains("1. Восстановить пропущенный", "2. Признать незаконным направление",
                "7. Обеспечить участие законного представителя", "8. Направить заявителю");
    }

    @Test
    void theUnCommunicationsFollowTheModelFormsHeadingsInRussianAndEnglish() {
        String cat = render(LetterFixtures.model(LetterKind.CAT_COMMUNICATION, "ru"));
        String hrc = render(LetterFixtures.model(LetterKind.HRC_COMMUNICATION, "en"));

        assertThat(cat).contains("1. Автор сообщения", "2. Предполагаемая жертва", "3. Представитель",
                "4. Государство-участник и нарушенные статьи", "5. Исчерпание внутренних средств правовой защиты",
                "6. Другие процедуры международного разбирательства", "7. Факты", "8. Существо нарушений",
                "9. Испрашиваемые меры", "Перечень прилагаемых документов", "статьёй 22", "21 февраля 2008 года",
                "Окончательное внутреннее решение принято 01.03.2022", "статей 1, 2, 12, 13 и 14 Конвенции против пыток");
        assertThat(hrc).contains("1. Author of the communication", "2. Alleged victim", "3. Representative",
                "4. State party and articles violated", "5. Exhaustion of domestic remedies", "6. Other international procedures",
                "7. Facts", "8. Nature of the violations", "9. Remedies sought", "List of documents enclosed",
                "30 September 2009", "The final domestic decision was taken on 01.03.2022", "article 7, read alone and in "
                        + "conjunction with article 2 (3)");
        // no internal deadline table, no admissibility checklist of the software's own, no unsupported assertions
        for (String text : List.of(cat, hrc)) {
            assertThat(text).doesNotContain("01.03.2027", "правило 99", "rule 99", "Сроки", "неоправданной задержки",
                    "undue delay", "восстанов", "restore", "{{", "}}");
        }
        // article 10 of the Covenant only for a person deprived of liberty: the fixture records no place of detention
        assertThat(hrc).doesNotContain("Article 10", "article 10");
    }

    @Test
    void theExhaustionSectionListsEachRemedyWithItsDateAndOutcomeNotTheAuthoritysDecisionsAsRemedies() {
        String ru = render(LetterFixtures.model(LetterKind.CAT_COMMUNICATION, "ru"));
        String en = render(LetterFixtures.model(LetterKind.CAT_COMMUNICATION, "en"));

        assertThat(ru).contains("1) 18.01.2021 — сообщение об уголовном правонарушении подано в антикоррупционную службу: "
                        + "сообщение направлено без регистрации в ЕРДР (Управление собственной безопасности (УСБ)), 19.01.2021.",
                "2) 01.02.2021 — жалоба следственному судье (ст. 106 УПК РК): отказано (следственный судья), 15.02.2021.",
                "3) 20.02.2021 — апелляционная жалоба (ст. 107 УПК РК): отказано (судебная коллегия по уголовным делам "
                        + "областного суда), 01.03.2022.");
        assertThat(en).contains("1) 18.01.2021 — report of a criminal offence filed with the Anti-Corruption Service: ",
                "2) 01.02.2021 — complaint to the investigating judge (art. 106 of the Code of Criminal Procedure): refused "
                        + "(the investigating judge), 15.02.2021.",
                "3) 20.02.2021 — appeal (art. 107 of the Code of Criminal Procedure): refused (the criminal division of "
                        + "the regional court), 01.03.2022.");
        // the decisions are the outcomes of the remedies, not remedies of their own
        assertThat(ru).doesNotContain("4) ", "— вынесено решение");
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(value = LetterKind.class, names = {"CAT_COMMUNICATION", "HRC_COMMUNICATION"})
    void aCommunicationClaimsOnlyTheArticlesTheCaseSupports(LetterKind kind) {
        LetterModel torture = LetterFixtures.model(kind, "ru");
        LetterModel illTreatment = LetterFixtures.withAllegation(torture, "ILL_TREATMENT");
        String catTorture = render(LetterFixtures.model(LetterKind.CAT_COMMUNICATION, "ru"));

        if (kind == LetterKind.CAT_COMMUNICATION) {
            assertThat(catTorture).contains("Статьи 1 и 2:").doesNotContain("Статья 16:");
            assertThat(render(illTreatment)).contains("Статья 16:", "статьи 16 в совокупности со статьями 12, 13 и 14")
                    .doesNotContain("Статьи 1 и 2:", "статей 1, 2");
        } else {
            assertThat(render(illTreatment)).contains("Статья 7:").doesNotContain("Пункт 1 статьи 10");
        }
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("unKindsAndLanguages")
    void theUnLettersAnswerTheReasonTheAuthorityGave(LetterKind kind, String language) {
        Phrases p = Phrases.of(language);
        String forwarded = "ru".equals(language) ? "служебную проверку" : p.forwarded();
        String notProven = "ru".equals(language) ? "«не нашедшими подтверждения»" : p.notProven();
        String noCrime = "ru".equals(language) ? "что преступления не было" : p.noCrime();
        LetterModel base = LetterFixtures.model(kind, language);

        assertThat(render(LetterFixtures.withReason(base, "FORWARDED_TO_INTERNAL_SECURITY"))).contains(forwarded)
                .doesNotContain(notProven, noCrime);
        if (kind != LetterKind.INTERIM_MEASURES) { // the request for interim measures argues the risk, not the grounds
            assertThat(render(LetterFixtures.withReason(base, "NOT_PROVEN"))).contains(notProven).doesNotContain(noCrime);
            assertThat(render(LetterFixtures.withReason(base, "NO_CRIME"))).contains(noCrime).doesNotContain(notProven);
        }
    }

    static Stream<Arguments> unKindsAndLanguages() {
        return Stream.of(LetterKind.values()).filter(LetterKind::toUn)
                .flatMap(kind -> kind.languages().stream().map(language -> Arguments.of(kind, language)));
    }

    @Test
    void theInterimMeasuresRequestStatesTheRiskInTheLawyersOwnWordsAndAHrcLetterItsJustificationOfDelay() {
        String risk = "Его перевели в СИЗО № 1, где 12.03.2026 его снова избили сотрудники.";
        String delay = "The author could obtain the appeal decision only on 10.05.2027.";
        LetterModel im = LetterFixtures.withParticulars(LetterFixtures.model(LetterKind.INTERIM_MEASURES, "ru"),
                new LetterParticulars(null, risk, null, null));
        LetterModel hrc = LetterFixtures.withParticulars(LetterFixtures.model(LetterKind.HRC_COMMUNICATION, "en"),
                new LetterParticulars(null, null, delay, "Not submitted anywhere else; a UN Special Rapporteur was informed."));

        // the lawyer's statement replaces the generic sentence; no blank to fill in by hand either way
        String blank = "_".repeat(30);
        assertThat(render(im)).contains(risk).doesNotContain(blank, "реальная, личная и непосредственная");
        assertThat(render(LetterFixtures.model(LetterKind.INTERIM_MEASURES, "ru"))).contains("реальная, личная и непосредственная")
                .doesNotContain(blank);
        assertThat(render(hrc)).contains("Timing of the communication: " + delay, "a UN Special Rapporteur was informed.")
                .doesNotContain("has not been examined before");
    }

    @Test
    void theInterimMeasuresRequestIsMarkedUrgentInItsHeader() {
        String ru = render(LetterFixtures.model(LetterKind.INTERIM_MEASURES, "ru"));
        String en = render(LetterFixtures.model(LetterKind.INTERIM_MEASURES, "en"));

        assertThat(ru).contains("СРОЧНО / URGENT", "СРОЧНО — ПРОСЬБА О ПРИНЯТИИ ВРЕМЕННЫХ МЕР", "правило 114");
        assertThat(en).contains("URGENT", "URGENT — REQUEST FOR INTERIM MEASURES", "rule 114").doesNotContain("СРОЧНО");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{x}}", "<script>alert(1)</script>", "{{?requests}}{{/requests}} ${T(java.lang.Runtime)} #{1+1} {date}"})
    void hostileNamesAreRenderedLiterallyInEveryLetter(String name) {
        for (String language : LetterTexts.LANGUAGES) {
            for (LetterKind kind : LetterKind.values()) {
                if (!kind.languages().contains(language)) {
                    continue; // UN communications are not written in Kazakh
                }
                byte[] docx = RENDERER.render(LetterFixtures.withVictim(LetterFixtures.model(kind, language), name, false));
                String text = DocxText.of(docx); // re-opening proves the document is valid

                assertThat(text).as("%s/%s", kind, language).contains(name);
                assertThat(text.replace(name, "")).as("%s/%s", kind, language).doesNotContain("{{", "}}");
            }
        }
    }

    @Test
    void aFiveThousandCharacterNameIsRenderedWhole() {
        String name = "Ж".repeat(2_500) + "<&>\"'".repeat(500);
        assertThat(name).hasSize(5_000);

        for (String language : LetterTexts.LANGUAGES) {
            for (LetterKind kind : LetterKind.values()) {
                if (!kind.languages().contains(language)) {
                    continue; // UN communications are not written in Kazakh
                }
                String text = render(LetterFixtures.withVictim(LetterFixtures.model(kind, language), name, false));
                assertThat(text).as("%s/%s", kind, language).contains(name).doesNotContain("{{");
            }
        }
    }

    @Test
    void charactersXmlCannotCarryAreDroppedSoTheLetterStillOpens() {
        for (LetterKind kind : LetterKind.values()) {
            String text = render(LetterFixtures.withVictim(LetterFixtures.model(kind, "ru"),
                    "Иван\u0000\u0001\u001F\uFFFE\uD800 Иванов 😀", false));

            assertThat(text).as("%s", kind).contains("Иван Иванов 😀");
        }
    }

    @Test
    void anUnknownLanguageIsRefused() {
        LetterModel model = LetterFixtures.sparse(LetterKind.APPEAL, "fr");

        assertThatThrownBy(() -> RENDERER.render(model)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fr");
    }

    @Test
    void concurrentRendersGiveTheSameLetters() throws Exception {
        List<LetterModel> models = everyKindAndLanguage()
                .map(a -> LetterFixtures.model((LetterKind) a.get()[0], (String) a.get()[1])).toList();
        List<String> expected = models.stream().map(PoiTlLetterRendererTest::render).toList();
        LetterRenderer fresh = new PoiTlLetterRenderer(Path.of("letter-templates"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = pool.invokeAll(models.stream()
                    .<java.util.concurrent.Callable<String>>map(m -> () -> DocxText.of(fresh.render(m))).toList());
            for (int i = 0; i < models.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(expected.get(i));
            }
        } finally {
            pool.shutdown();
        }
    }
}
