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

    /** Kinds whose grounds answer the authority's stated reason. */
    static final Set<LetterKind> ANSWER_THE_REASON = EnumSet.of(LetterKind.COMPLAINT_PROSECUTOR,
            LetterKind.COMPLAINT_INVESTIGATIVE_JUDGE, LetterKind.APPEAL, LetterKind.CAT_COMMUNICATION,
            LetterKind.HRC_COMMUNICATION, LetterKind.INTERIM_MEASURES);
    /** Marker phrases per language: [forwarded, not proven, no crime, minor, missed term, in time, restore-term motion as an enclosure]. */
    record Phrases(String forwarded, String notProven, String noCrime, String minor, String missed, String inTime,
                   String restoreAttachment) {
        static Phrases of(String language) {
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
        return Stream.of("ru", "kk").flatMap(language ->
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

        // a Kazakh letter cites the article in Kazakh, never as the deadline catalog writes it in Russian
        String basis = language.equals("kk") ? "ҚР ҚПК 106-бабы" : LEGAL_BASIS;
        assertThat(text).contains(VICTIM, basis, LAST_DAY_TEXT, "217500031000123", "27.01.2021");
        assertThat(text).doesNotContain("{{", "}}");
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
        if (kind == LetterKind.RESTORE_TERM_MOTION) {
            return; // the motion itself; covered below
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
    void theUnCommunicationsCarryTheAdmissibilityChecklist() {
        String cat = render(LetterFixtures.model(LetterKind.CAT_COMMUNICATION, "ru"));
        String hrc = render(LetterFixtures.model(LetterKind.HRC_COMMUNICATION, "ru"));

        assertThat(cat).contains("статьёй 22", "в 2008 году", "01.03.2022", "не рассматривался и не рассматривается",
                "статей 1, 2, 12, 13, 14 и 16 Конвенции против пыток", "правило 114");
        assertThat(hrc).contains("30.09.2009", "правило 99(c)", "01.03.2027", "01.03.2022", "не рассматривается",
                "статьи 7", "пунктом 3 статьи 2", "статьи 10");
    }

    @Test
    void theInterimMeasuresRequestIsMarkedUrgentInItsHeader() {
        String text = render(LetterFixtures.model(LetterKind.INTERIM_MEASURES, "ru"));

        assertThat(text).contains("СРОЧНО / URGENT", "URGENT — REQUEST FOR INTERIM MEASURES", "правило 114");
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
        LetterModel model = LetterFixtures.sparse(LetterKind.APPEAL, "en");

        assertThatThrownBy(() -> RENDERER.render(model)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("en");
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
