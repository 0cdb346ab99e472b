package kz.shagym.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import kz.shagym.letter.LetterDiff.Kind;
import kz.shagym.letter.LetterDiff.Line;
import org.junit.jupiter.api.Test;

/** What changed between two versions of a letter, paragraph by paragraph. */
class LetterDiffTest {

    @Test
    void anEditedParagraphIsTheOldOneRemovedAndTheNewOneInsertedInPlace() {
        List<Line> diff = LetterDiff.between(List.of("Жалоба", "Срок: 17.12.2026", "Подпись"),
                List.of("Жалоба", "Срок: 18.12.2026", "Подпись"));
        assertThat(diff).containsExactly(new Line(Kind.SAME, "Жалоба", 0), new Line(Kind.REMOVED, "Срок: 17.12.2026", 0),
                new Line(Kind.INSERTED, "Срок: 18.12.2026", 0), new Line(Kind.SAME, "Подпись", 0));
    }

    @Test
    void unchangedParagraphsFarFromAChangeAreFoldedIntoOneLineSayingHowMany() {
        List<String> older = IntStream.rangeClosed(1, 20).mapToObj(i -> "абзац " + i).toList();
        List<String> newer = new java.util.ArrayList<>(older);
        newer.add(10, "новый абзац");
        List<Line> diff = LetterDiff.between(older, newer);
        assertThat(diff).containsExactly(new Line(Kind.FOLDED, null, 8), new Line(Kind.SAME, "абзац 9", 0),
                new Line(Kind.SAME, "абзац 10", 0), new Line(Kind.INSERTED, "новый абзац", 0), new Line(Kind.SAME, "абзац 11", 0),
                new Line(Kind.SAME, "абзац 12", 0), new Line(Kind.FOLDED, null, 8));
    }

    @Test
    void theSameTextHasNoChangeAndADocxIsReadParagraphByParagraph() throws Exception {
        assertThat(LetterDiff.between(List.of("a", "b"), List.of("a", "b"))).extracting(Line::kind).containsOnly(Kind.FOLDED);
        byte[] one = docx("Первый абзац", "", "Второй абзац");
        byte[] two = docx("Первый абзац", "Второй абзац", "Третий абзац");
        assertThat(LetterDiff.paragraphs(one)).containsExactly("Первый абзац", "Второй абзац");
        assertThat(LetterDiff.between(one, two)).containsExactly(new Line(Kind.SAME, "Первый абзац", 0),
                new Line(Kind.SAME, "Второй абзац", 0), new Line(Kind.INSERTED, "Третий абзац", 0));
    }

    private static byte[] docx(String... paragraphs) throws Exception {
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(); var out = new java.io.ByteArrayOutputStream()) {
            for (String p : paragraphs) {
                document.createParagraph().createRun().setText(p);
            }
            document.write(out);
            return out.toByteArray();
        }
    }
}
