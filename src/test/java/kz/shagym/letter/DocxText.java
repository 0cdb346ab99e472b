package kz.shagym.letter;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Re-opens a rendered DOCX and returns all its text: body, tables (nested too), headers, footers. */
final class DocxText {
    private DocxText() {
    }

    static String of(byte[] docx) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            StringBuilder text = new StringBuilder();
            append(doc.getBodyElements(), text);
            for (XWPFHeader header : doc.getHeaderList()) {
                append(header.getBodyElements(), text);
            }
            for (XWPFFooter footer : doc.getFooterList()) {
                append(footer.getBodyElements(), text);
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void append(List<IBodyElement> elements, StringBuilder text) {
        for (IBodyElement element : elements) {
            if (element instanceof XWPFParagraph p) {
                text.append(p.getText()).append('\n');
            } else if (element instanceof XWPFTable table) {
                for (XWPFTableRow row : table.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        append(cell.getBodyElements(), text);
                    }
                }
            }
        }
    }
}
