package kz.shagym.letter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * What changed between two versions of a letter, paragraph by paragraph: the longest common run of paragraphs stays,
 * the rest is removed (only in the older) or inserted (only in the newer). A table row counts as one paragraph (its
 * cells' text joined). Long runs of unchanged paragraphs are folded to the two next to a change on each side.
 */
public final class LetterDiff {

    public enum Kind { SAME, INSERTED, REMOVED, FOLDED }

    /** One line of the diff; a FOLDED line stands for {@code folded} unchanged paragraphs and has no text. */
    public record Line(Kind kind, String text, int folded) {}

    /** A letter is a few hundred paragraphs at most; past this the comparison would cost more than it tells. */
    static final int MAX_PARAGRAPHS = 3000;
    private static final int CONTEXT = 2;

    private LetterDiff() {
    }

    public static List<Line> between(byte[] olderDocx, byte[] newerDocx) {
        return between(paragraphs(olderDocx), paragraphs(newerDocx));
    }

    static List<Line> between(List<String> a, List<String> b) {
        int n = Math.min(a.size(), MAX_PARAGRAPHS);
        int m = Math.min(b.size(), MAX_PARAGRAPHS);
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> all = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                all.add(new Line(Kind.SAME, a.get(i++), 0));
                j++;
            } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
                // on a tie the old paragraph goes first: an edited paragraph reads as "was … / is now …"
                all.add(new Line(Kind.REMOVED, a.get(i++), 0));
            } else {
                all.add(new Line(Kind.INSERTED, b.get(j++), 0));
            }
        }
        return fold(all);
    }

    /** Keeps the unchanged paragraphs near a change; the others become one FOLDED line per run. */
    private static List<Line> fold(List<Line> all) {
        boolean[] keep = new boolean[all.size()];
        for (int k = 0; k < all.size(); k++) {
            if (all.get(k).kind() != Kind.SAME) {
                for (int c = Math.max(0, k - CONTEXT); c <= Math.min(all.size() - 1, k + CONTEXT); c++) {
                    keep[c] = true;
                }
            }
        }
        List<Line> folded = new ArrayList<>();
        int run = 0;
        for (int k = 0; k < all.size(); k++) {
            if (keep[k]) {
                if (run > 0) {
                    folded.add(new Line(Kind.FOLDED, null, run));
                    run = 0;
                }
                folded.add(all.get(k));
            } else {
                run++;
            }
        }
        if (run > 0) {
            folded.add(new Line(Kind.FOLDED, null, run));
        }
        return folded;
    }

    /** The non-empty paragraphs of the document's body, in order, table rows included. */
    static List<String> paragraphs(byte[] docx) {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> paragraphs = new ArrayList<>();
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    add(paragraphs, p.getText());
                } else if (element instanceof XWPFTable t) {
                    t.getRows().forEach(row -> add(paragraphs, String.join(" | ", row.getTableCells().stream()
                            .map(cell -> cell.getText().strip()).toList())));
                }
            }
            return paragraphs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(List<String> paragraphs, String text) {
        String line = text == null ? "" : text.strip();
        if (!line.isEmpty() && !line.replace("|", "").isBlank()) {
            paragraphs.add(line);
        }
    }
}
