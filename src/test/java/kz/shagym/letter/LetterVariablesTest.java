package kz.shagym.letter;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LetterVariablesTest {

    @Test
    void everyDeclaredVariableIsSetAndNeverNullEvenWithOnlyIntakeData() {
        for (String language : LetterTexts.LANGUAGES) {
            for (LetterKind kind : LetterKind.values()) {
                for (LetterModel model : List.of(LetterFixtures.model(kind, language), LetterFixtures.sparse(kind, language))) {
                    Map<String, Object> vars = LetterVariables.of(model);
                    Set<String> declared = Stream.of(LetterVariables.TEXT, LetterVariables.FLAGS, LetterVariables.LISTS.keySet())
                            .flatMap(Set::stream).collect(Collectors.toSet());

                    assertThat(vars.keySet()).as("%s/%s", kind, language).isEqualTo(declared);
                    assertThat(vars.values()).doesNotContainNull();
                    LetterVariables.TEXT.forEach(t -> assertThat(vars.get(t)).isInstanceOf(String.class));
                    LetterVariables.FLAGS.forEach(f -> assertThat(vars.get(f)).isInstanceOf(Boolean.class));
                }
            }
        }
    }

    @Test
    void datesAreWrittenDayMonthYearWithDots() {
        Map<String, Object> vars = LetterVariables.of(LetterFixtures.model(LetterKind.COMPLAINT_INVESTIGATIVE_JUDGE, "kk"));

        assertThat(vars).containsEntry("lastDay", "09.02.2021").containsEntry("triggerDate", "25.01.2021")
                .containsEntry("victimBirthDate", "03.02.1980").containsEntry("contestedDecidedOn", "19.01.2021");
    }

    @Test
    void aKazakhLetterCitesTheArticleOfItsTermInKazakhNotAsTheCatalogWritesIt() {
        assertThat(LetterVariables.of(LetterFixtures.model(LetterKind.COMPLAINT_INVESTIGATIVE_JUDGE, "kk")))
                .containsEntry("legalBasis", "ҚР ҚПК 106-бабы");
        assertThat(LetterVariables.of(LetterFixtures.model(LetterKind.COMPLAINT_INVESTIGATIVE_JUDGE, "ru")))
                .containsEntry("legalBasis", "УПК РК ст. 106");

        LetterTexts kk = LetterTexts.forLanguage("kk");
        assertThat(kk.legalBasis("УПК РК ст. 107 ч. 4")).isEqualTo("ҚР ҚПК 107-бабының 4-бөлігі");
        assertThat(kk.legalBasis("УПК РК ст. 128, 131")).isEqualTo("ҚР ҚПК 128, 131-баптары");
        assertThat(kk.legalBasis("УПК РК ст. 179–181; Приказ ГП № 89"))
                .isEqualTo("ҚР ҚПК 179–181-баптары; ҚР Бас Прокурорының 19.09.2014 № 89 бұйрығы");
        for (String ru : new String[] {"УПК РК ст. 107 ч. 4", "УПК РК ст. 128, 131", "УПК РК ст. 179–181; Приказ ГП № 89"}) {
            assertThat(LetterTexts.forLanguage("ru").legalBasis(ru)).isEqualTo(ru);
        }
        assertThat(kk.legalBasis("КПП ООН ст. 22(3)")).as("another act, as the catalog has it").isEqualTo("КПП ООН ст. 22(3)");
    }

    @Test
    void authoritiesEventsAndTriggersAreLocalizedAndUnknownCodesShowAsIs() {
        LetterModel ru = LetterFixtures.model(LetterKind.APPEAL, "ru");
        LetterModel kk = LetterFixtures.model(LetterKind.APPEAL, "kk");

        assertThat(LetterVariables.of(ru)).containsEntry("contestedAuthority", "Управление собственной безопасности (УСБ)")
                .containsEntry("allegationText", "пытки");
        assertThat(LetterVariables.of(kk)).containsEntry("contestedAuthority", "Өзіндік қауіпсіздік басқармасы (ӨҚБ)")
                .containsEntry("allegationText", "азаптау");
        assertThat(step(ru, 0)).isEqualTo("подано сообщение об уголовном правонарушении: антикоррупционная служба");
        assertThat(step(ru, 1)).isEqualTo("сообщение направлено в УСБ без регистрации в ЕРДР: Управление собственной безопасности (УСБ)");

        LetterModel odd = new LetterModel(LetterKind.APPEAL, "ru", "1", LocalDate.of(2021, 1, 1), new Person("X", null, false),
                null, null, null, null, null, null, null,
                List.of(new ChronologyEntry(LocalDate.of(2021, 1, 2), "NEW_EVENT_TYPE", "NEW_BODY", null, null)), null, null);
        assertThat(step(odd, 0)).isEqualTo("NEW_EVENT_TYPE: NEW_BODY");
    }

    @Test
    void theReasonIsInferredFromTheOutcomeWhenTheEngineRecordedNone() {
        assertThat(LetterVariables.effectiveReason(new ContestedDecision("POLICE", "FORWARDED", null, null, null, null)))
                .isEqualTo("FORWARDED_TO_INTERNAL_SECURITY");
        assertThat(LetterVariables.effectiveReason(new ContestedDecision("PROSECUTOR", "SILENCE", null, null, null, null)))
                .isEqualTo("SILENCE");
        assertThat(LetterVariables.effectiveReason(new ContestedDecision("PROSECUTOR", "REFUSED", null, null, null, null)))
                .isNull();
    }

    @Test
    void userTextInsideAPhraseIsNotSubstitutedAgain() {
        LetterModel model = LetterFixtures.withVictim(LetterFixtures.model(LetterKind.FORENSIC_EXAM_MOTION, "ru"),
                "{date} {authority} $1 \\", false);

        assertThat(requests(model)).anySatisfy(r -> assertThat(r).contains("({date} {authority} $1 \\)"));
    }

    @Test
    void requestsFollowTheReasonTheMinorityAndAMissedTerm() {
        LetterModel base = LetterFixtures.model(LetterKind.COMPLAINT_INVESTIGATIVE_JUDGE, "ru");

        assertThat(requests(base).get(0)).startsWith("Признать незаконным направление");
        assertThat(requests(LetterFixtures.withReason(base, "NO_CRIME")).get(0))
                .isEqualTo("Признать незаконным и отменить решение Управления собственной безопасности (УСБ) от 19.01.2021 "
                        + "об отсутствии события (состава) уголовного правонарушения.");
        assertThat(requests(LetterFixtures.missed(base)).get(0)).startsWith("Восстановить пропущенный");
        assertThat(requests(LetterFixtures.withVictim(base, "X", true))).anySatisfy(r -> assertThat(r).contains("законного представителя"));
        assertThat(requests(base)).noneSatisfy(r -> assertThat(r).contains("законного представителя"));
    }

    @Test
    void everyCombinationFindsItsPhrasesInBothLanguages() {
        List<LetterModel> models = new ArrayList<>();
        for (String language : LetterTexts.LANGUAGES) {
            for (LetterKind kind : LetterKind.values()) {
                LetterModel base = LetterFixtures.model(kind, language);
                models.add(LetterFixtures.missed(LetterFixtures.withVictim(base, "X", true)));
                for (String reason : new String[] {"NOT_PROVEN", "NO_CRIME", "FORWARDED_TO_INTERNAL_SECURITY", "SILENCE", null}) {
                    models.add(LetterFixtures.withReason(base, reason));
                }
                models.add(LetterFixtures.sparse(kind, language));
            }
        }
        models.forEach(m -> assertThat(LetterVariables.of(m)).isNotEmpty());
    }

    @Test
    void everyLanguagesPhraseFileHasTheSameKeys() throws IOException {
        assertThat(keys("kk")).isEqualTo(keys("ru"));
        assertThat(keys("en")).isEqualTo(keys("ru"));
    }

    @SuppressWarnings("unchecked")
    private static String step(LetterModel model, int index) {
        List<Map<String, Object>> steps = (List<Map<String, Object>>) LetterVariables.of(model).get("chronology");
        return (String) steps.get(index).get("text");
    }

    @SuppressWarnings("unchecked")
    private static List<String> requests(LetterModel model) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) LetterVariables.of(model).get("requests");
        return items.stream().map(i -> (String) i.get("text")).toList();
    }

    private static Set<Object> keys(String language) throws IOException {
        Properties p = new Properties();
        try (var in = LetterVariablesTest.class.getClassLoader().getResourceAsStream("messages/letter_" + language + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p.keySet();
    }
}
