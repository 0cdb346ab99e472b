package kz.shagym.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.shagym.complaint.CaseFile;
import kz.shagym.complaint.CaseFile.Applicant;
import kz.shagym.complaint.CaseFile.ApplicantRole;
import kz.shagym.complaint.CaseFile.Counsel;
import kz.shagym.complaint.CaseFile.Gender;
import kz.shagym.complaint.CaseFile.Incident;
import kz.shagym.complaint.CaseFile.Proceedings;
import kz.shagym.complaint.CaseFile.VictimDetails;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every domestic letter, for two cases that differ where letters go wrong, rendered to DOCX, converted to PDF by the
 * real LibreOffice and read back as a lawyer would read the printed page:
 * <ul>
 *   <li>A woman, recognised as victim, files herself; ill-treatment; the report diverted to internal security; the
 *       lawyer ticked two attachments.</li>
 *   <li>A father files in his son's interest; torture; the son not (yet) recognised as victim; the prosecutor silent.</li>
 * </ul>
 * Each letter must name its addressee in full, the applicant's details, the authority's own numbers and what happened,
 * agree in gender, list the ticked attachments, and carry no template tag, drafting note or the application's own
 * number as the authority's material number.
 */
class LetterAcceptanceTest {

    static final AddresseeRegistry ADDRESSEES = AddresseeRegistry.load(Path.of("config", "addressees.yaml"));
    static final LetterRenderer RENDERER = new PoiTlLetterRenderer(Path.of("letter-templates"));
    static final List<LetterKind> DOMESTIC = List.of(LetterKind.values()).stream().filter(k -> !k.toUn()).toList();

    @TempDir
    static Path work;
    static Map<String, String> pdfText;

    /** One LibreOffice batch for all letters: starting it is what takes the time. */
    @BeforeAll
    static void renderEveryLetterToPdf() throws IOException {
        Map<String, byte[]> docx = new LinkedHashMap<>();
        for (LetterKind kind : LetterKind.values()) {
            for (String language : kind.languages()) {
                docx.put(name(kind, language, "woman"), RENDERER.render(woman(kind, language)));
                docx.put(name(kind, language, "father"), RENDERER.render(father(kind, language)));
            }
        }
        Path root = Files.createDirectories(work.resolve("pdf"));
        Map<String, byte[]> pdfs = new PdfConverter("soffice", Duration.ofMinutes(5), root.toString()).convert(docx);
        // kept for reading them as a lawyer would: target/letter-samples/<KIND>-<language>-<case>.pdf
        Path samples = Files.createDirectories(Path.of("target", "letter-samples"));
        for (var pdf : pdfs.entrySet()) {
            Files.write(samples.resolve(pdf.getKey() + ".pdf"), pdf.getValue());
        }
        pdfText = new LinkedHashMap<>();
        for (var pdf : pdfs.entrySet()) {
            try (var document = Loader.loadPDF(pdf.getValue())) {
                pdfText.put(pdf.getKey(), new PDFTextStripper().getText(document).replaceAll("\\s+", " "));
            }
        }
    }

    @Test
    void theWomansLettersNameHerAsSheIsWithHerDetailsTheNumbersTheFactsAndTheTickedAttachments() {
        for (LetterKind kind : DOMESTIC) {
            for (String language : kind.languages()) {
                String text = pdfText.get(name(kind, language, "woman"));
                boolean ru = language.equals("ru");
                assertThat(text).as("%s %s", kind, language)
                        .contains(ADDRESSEES.forLetter(kind, "KARAGANDA", language, "INTERNAL_SECURITY").orElseThrow().lines().get(0))
                        .contains("Асанова Айгуль Маратовна", "990101400123", "ул. Ерубаева, 12, кв. 5", "+7 701 111 22 33")
                        .contains("0000-12/2021", "211500031000456")
                        .contains("Постановление УСБ об отказе от 19.01.2021", "Справка травмпункта № 3")
                        .contains("лицензия № 0001234", ru ? "ордер № 77 от 20.01.2021" : "20.01.2021 № 77 ордер")
                        .doesNotContain("Б..")
                        .doesNotContain("{{", "}}", "№ 217500031000123 ", "Материал (КУИ/ЕРДР)", "(районный суд", "(орган)",
                                "Прокурору Карагандинская область");
                if (ru) {
                    assertThat(text).as("%s", kind).contains("Потерпевшая ____")
                            .doesNotContain("Потерпевший ____", "разъяснить ему", "и его представителю", "Признать потерпевш");
                }
                if (kind != LetterKind.COPY_REQUEST && kind != LetterKind.RESTORE_TERM_MOTION) {
                    assertThat(text).as("%s %s: the facts", kind, language)
                            .contains("в служебном кабинете № 14 ОП Октябрьского района", "капитан полиции Б.");
                    if (ru) {
                        assertThat(text).as("%s: an ill-treatment case", kind).doesNotContain("о пытках");
                    }
                }
            }
        }
    }

    @Test
    void theFathersLettersSpeakInHisSonsInterestCallHimApplicantAndDoNotSayTheProsecutorRefused() {
        for (LetterKind kind : DOMESTIC) {
            for (String language : kind.languages()) {
                String text = pdfText.get(name(kind, language, "father"));
                assertThat(text).as("%s %s", kind, language)
                        .contains("Ахметов Серик Болатович", "Ахметов Данияр Серикович")
                        .contains(language.equals("ru") ? "в интересах пострадавшего: Ахметов Данияр Серикович"
                                : "зардап шеккен адамның мүддесінде: Ахметов Данияр Серикович")
                        .doesNotContain("{{", "}}", "Материал (КУИ/ЕРДР)");
                if (language.equals("ru")) {
                    assertThat(text).as("%s: not recognised as victim", kind).contains("Заявитель ____")
                            .doesNotContain("Потерпевший ____", "Потерпевшая ____", "не удовлетворена");
                    if (kind != LetterKind.RESTORE_TERM_MOTION) { // which states the law on terms missed for a good reason
                        assertThat(text).as("%s: no reason given, none claimed", kind).doesNotContain("по уважительной причине");
                    }
                    assertThat(text).as("%s: the date is left for signing", kind).contains("«___» ____________ 20___ г.");
                }
            }
        }
        assertThat(pdfText.get(name(LetterKind.COMPLAINT_INVESTIGATIVE_JUDGE, "ru", "father")))
                .contains("Прокурор жалобу в установленный срок не рассмотрел и ответа не дал.");
    }

    static final List<LetterKind> UN = List.of(LetterKind.values()).stream().filter(LetterKind::toUn).toList();

    /**
     * The UN letters, in Russian and in English, by the OHCHR model form: the author and the alleged victim apart, their
     * details, the facts, the ticked documents; no internal deadline, no blank line to fill in, no Russian template text
     * in the English letter, no article the case does not support.
     */
    @Test
    void theUnLettersSeparateAuthorAndVictimCarryTheirDetailsAndNoInternalDeadline() {
        for (LetterKind kind : UN) {
            assertThat(kind.languages()).as("%s", kind).containsExactly("ru", "en");
            for (String language : kind.languages()) {
                boolean ru = language.equals("ru");
                String woman = pdfText.get(name(kind, language, "woman"));
                String father = pdfText.get(name(kind, language, "father"));
                for (String text : List.of(woman, father)) {
                    assertThat(text).as("%s %s", kind, language)
                            .contains("petitions@ohchr.org")
                            .doesNotContain("{{", "}}", "_".repeat(30), "Сроки", "Последний день", "правило 113", "rule 113",
                                    LetterFixtures.LAST_DAY_TEXT, LetterFixtures.LEGAL_BASIS, "Мерзім");
                    if (!ru) {
                        assertThat(text).as("%s: English throughout", kind)
                                .doesNotContain("Автор", "Предполагаемая", "Комитет", "Дата:", "Представитель");
                    }
                }
                assertThat(woman).as("%s %s", kind, language)
                        .contains("Асанова Айгуль Маратовна", "Постановление УСБ об отказе от 19.01.2021", "Справка травмпункта № 3");
                if (kind == LetterKind.INTERIM_MEASURES) {
                    continue;
                }
                assertThat(woman).as("%s %s", kind, language)
                        .contains(ru ? "Автор сообщения является предполагаемой жертвой нарушения." : "The author is the alleged victim.")
                        .contains("Республика Казахстан", "г. Караганда, ул. Ерубаева, 12, кв. 5", ru ? "Пол: женский" : "Sex: female")
                        .contains("в служебном кабинете № 14 ОП Октябрьского района", "капитан полиции Б.")
                        .contains("Сериков Марат Болатович", "0001234", "Карагандинская областная коллегия адвокатов")
                        .contains("0000-12/2021", "211500031000456");
                assertThat(father).as("%s %s", kind, language)
                        .contains("Ахметов Серик Болатович", ru ? "отец потерпевшего" : "father", "г. Шымкент, ул. Байтурсынова, 3")
                        .contains(ru ? "Автор подаёт сообщение от имени предполагаемой жертвы"
                                : "The author submits the communication on behalf of the alleged victim")
                        .contains("Ахметов Данияр Серикович");
            }
        }
        // the woman's case is ill-treatment: article 16, not articles 1 and 2; the father's son was tortured
        assertThat(pdfText.get(name(LetterKind.CAT_COMMUNICATION, "ru", "woman"))).contains("Статья 16:").doesNotContain("Статьи 1 и 2:");
        assertThat(pdfText.get(name(LetterKind.CAT_COMMUNICATION, "en", "father"))).contains("Articles 1 and 2:").doesNotContain("Article 16:");
        // nobody recorded a place of detention: the Covenant's article 10 is not claimed
        assertThat(pdfText.get(name(LetterKind.HRC_COMMUNICATION, "en", "woman"))).doesNotContain("Article 10", "article 10");
    }

    private static String name(LetterKind kind, String language, String fixture) {
        return kind + "-" + language + "-" + fixture;
    }

    static LetterModel woman(LetterKind kind, String language) {
        LetterModel base = LetterFixtures.model(kind, language);
        CaseFile file = new CaseFile(
                new VictimDetails(Gender.FEMALE, "Республика Казахстан", "г. Караганда, ул. Ерубаева, 12, кв. 5",
                        "990101400123", "+7 701 111 22 33"),
                new Applicant(ApplicantRole.VICTIM, null, null, null, null, null, null, null, null, null),
                new Counsel("Сериков Марат Болатович", Gender.MALE, "0001234", "77", LocalDate.of(2021, 1, 20),
                        "Карагандинская областная коллегия адвокатов", null, "+7 701 000 00 00", null),
                new Incident("около 23:00", "в служебном кабинете № 14 ОП Октябрьского района г. Караганды",
                        "Сотрудники надели на заявительницу наручники и наносили удары по спине.",
                        "капитан полиции Б.", "ОП Октябрьского района УП г. Караганды", null, "Г. (соседка)"),
                new Proceedings("0000-12/2021", "211500031000456", null, LocalDate.of(2021, 1, 28)));
        List<Annex> annexes = List.of(new Annex("Постановление УСБ об отказе от 19.01.2021", LocalDate.of(2021, 1, 19), null),
                new Annex("Справка травмпункта № 3", LocalDate.of(2021, 1, 11), null));
        return new LetterModel(kind, language, base.caseNumber(), null,
                new Person("Асанова Айгуль Маратовна", LocalDate.of(1999, 1, 1), false), base.representative(),
                switch (language) {
                    case "kk" -> "Қарағанды облысы";
                    case "en" -> "Karaganda Region";
                    default -> "Карагандинская область";
                }, "ILL_TREATMENT", base.filedWith(), base.incidentDate(), base.reportFiledOn(),
                base.contested(), base.chronology(), base.timeliness(), kind.toUn() ? base.un() : null, null, file,
                ADDRESSEES.forLetter(kind, "KARAGANDA", language, "INTERNAL_SECURITY").orElse(null), annexes, null);
    }

    static LetterModel father(LetterKind kind, String language) {
        LetterModel base = LetterFixtures.model(kind, language);
        CaseFile file = new CaseFile(new VictimDetails(Gender.MALE, null, null, null, null),
                new Applicant(ApplicantRole.RELATIVE, "Ахметов Серик Болатович", Gender.MALE,
                        switch (language) {
                            case "kk" -> "жәбірленушінің әкесі";
                            case "en" -> "father";
                            default -> "отец потерпевшего";
                        }, null, null,
                        "г. Шымкент, ул. Байтурсынова, 3", null, null, null),
                null, null, null);
        ContestedDecision silence = new ContestedDecision("PROSECUTOR", "SILENCE", "SILENCE", LocalDate.of(2021, 1, 29),
                LocalDate.of(2021, 1, 29), null);
        return new LetterModel(kind, language, base.caseNumber(), null,
                new Person("Ахметов Данияр Серикович", LocalDate.of(2001, 5, 5), false), base.representative(),
                "Шымкент", "TORTURE", base.filedWith(), base.incidentDate(), base.reportFiledOn(), silence,
                base.chronology(), base.timeliness(), kind.toUn() ? base.un() : null, null, file,
                ADDRESSEES.forLetter(kind, "SHYMKENT", language, "PROSECUTOR").orElse(null), List.of(), null);
    }
}
