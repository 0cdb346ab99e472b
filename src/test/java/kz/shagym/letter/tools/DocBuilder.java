package kz.shagym.letter.tools;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocDefaults;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small writing helper for the letter templates: real paragraphs, Times New Roman, 14 pt body and
 * 12 pt addressee/footer, A4 with the margins Kazakh courts expect (left 30 mm, right 15 mm, top and
 * bottom 20 mm). Each tag is a run of its own, so tags are never split.
 */
final class DocBuilder implements AutoCloseable {
    private static final Pattern TAG = Pattern.compile("\\{\\{[^{}]*}}");
    private static final String FONT = "Times New Roman";
    private static final int BODY = 14;
    private static final int SMALL = 12;
    private static final int FIRST_LINE_INDENT = 709; // 1.25 cm, the usual paragraph indent
    private static final int TEXT_WIDTH = 11906 - 1701 - 850; // A4 width minus the margins, in twips

    private final XWPFDocument doc = new XWPFDocument();
    final boolean kk;
    /** The second text of each pair is Kazakh in the domestic letters, English in the UN ones (never written in Kazakh). */
    private final boolean second;
    private final boolean english;

    DocBuilder(String language) {
        this.kk = "kk".equals(language);
        this.english = "en".equals(language);
        this.second = !"ru".equals(language);
        defaultStyle(language);
        pageSetup();
        fixedProperties();
    }

    /** Picks the text for the language being written: Russian, or the other one of the pair (Kazakh or English). */
    String t(String ru, String other) {
        return second ? other : ru;
    }

    DocBuilder right(String ru, String kazakh) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.RIGHT);
        run(p, t(ru, kazakh), SMALL, false, false);
        return this;
    }

    DocBuilder title(String ru, String kazakh) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingBefore(240);
        run(p, t(ru, kazakh), BODY, true, false);
        return this;
    }

    DocBuilder subtitle(String ru, String kazakh) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(240);
        run(p, t(ru, kazakh), BODY, false, false);
        return this;
    }

    DocBuilder heading(String ru, String kazakh) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.LEFT);
        p.setSpacingBefore(200);
        p.setKeepNext(true);
        run(p, t(ru, kazakh), BODY, true, false);
        return this;
    }

    DocBuilder p(String ru, String kazakh) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setIndentationFirstLine(FIRST_LINE_INDENT);
        run(p, t(ru, kazakh), BODY, false, false);
        return this;
    }

    /** Bold label followed by plain text in the same paragraph. */
    DocBuilder labelled(String ruLabel, String kkLabel, String value) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        run(p, t(ruLabel, kkLabel) + " ", BODY, true, false);
        run(p, value, BODY, false, false);
        return this;
    }

    /** A paragraph holding only a section tag; poi-tl removes it when rendering. */
    DocBuilder tag(String tag) {
        XWPFParagraph p = doc.createParagraph();
        run(p, "{{" + tag + "}}", BODY, false, false);
        return this;
    }

    /** {{?flag}} body {{/flag}}: kept only when the flag is true. */
    DocBuilder when(String flag, Runnable body) {
        tag("?" + flag);
        body.run();
        return tag("/" + flag);
    }

    /** One paragraph per list item. */
    DocBuilder each(String list, String ruItem, String kkItem) {
        tag("?" + list);
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setIndentationLeft(FIRST_LINE_INDENT / 2);
        run(p, t(ruItem, kkItem), BODY, false, false);
        return tag("/" + list);
    }

    /** One right-aligned paragraph per list item (the addressee's heading lines), same text in both languages. */
    DocBuilder eachRight(String list, String item) {
        tag("?" + list);
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.RIGHT);
        run(p, item, SMALL, false, false);
        return tag("/" + list);
    }

    /** One paragraph per list item, each kept on the page of what follows (the enclosures with the signature). */
    DocBuilder eachKeptWithNext(String list, String item) {
        tag("?" + list);
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setIndentationLeft(FIRST_LINE_INDENT / 2);
        p.setKeepNext(true);
        run(p, item, BODY, false, false);
        return tag("/" + list);
    }

    /** Two-column bordered table: bold criterion, then its status. */
    DocBuilder table(String[][] rows) {
        XWPFTable table = doc.createTable(rows.length, 2);
        table.setWidth("100%");
        // POI leaves out the column grid the schema requires (Word tolerates it, validators do not)
        CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        grid.addNewGridCol().setW(BigInteger.valueOf(4200));
        grid.addNewGridCol().setW(BigInteger.valueOf(TEXT_WIDTH - 4200));
        for (int r = 0; r < rows.length; r++) {
            XWPFTableRow row = table.getRow(r);
            cell(row.getCell(0), rows[r][0], true);
            cell(row.getCell(1), rows[r][1], false);
        }
        doc.createParagraph();
        return this;
    }

    DocBuilder blank() {
        doc.createParagraph();
        return this;
    }

    /** A line of the signature block: the block is kept together (and, through the enclosures, with the text before it). */
    DocBuilder signatureLine(String ru, String kazakh) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.LEFT);
        p.setSpacingBefore(240);
        p.setKeepNext(true);
        run(p, t(ru, kazakh), BODY, false, false);
        return this;
    }

    DocBuilder header(String ru, String kazakh) {
        XWPFParagraph p = doc.createHeader(HeaderFooterType.DEFAULT).createParagraph();
        p.setAlignment(ParagraphAlignment.RIGHT);
        run(p, t(ru, kazakh), SMALL, true, false);
        return this;
    }

    /** The footer line, then the page number (a PAGE field Word and LibreOffice fill in). */
    DocBuilder footer(String ru, String kazakh) {
        XWPFParagraph p = doc.createFooter(HeaderFooterType.DEFAULT).createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, t(ru, kazakh) + (english ? " — page " : t(" — стр. ", " — ")), 10, false, true);
        var field = p.getCTP().addNewFldSimple();
        field.setInstr("PAGE");
        field.addNewR().addNewT().setStringValue("1");
        if (kk) {
            run(p, "-бет", 10, false, true);
        }
        return this;
    }

    void write(OutputStream out) throws IOException {
        doc.write(out);
    }

    @Override
    public void close() throws IOException {
        doc.close();
    }

    private void cell(XWPFTableCell cell, String text, boolean bold) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        run(p, text, SMALL, bold, false);
    }

    /**
     * Writes the text as runs of one style, giving every {{tag}} a run of its own: poi-tl then renders
     * the tag in place instead of splitting and re-styling the run at each render (measurably faster).
     */
    private static void run(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
        if (text.isEmpty()) {
            styledRun(p, text, size, bold, italic);
            return;
        }
        Matcher tag = TAG.matcher(text);
        int last = 0;
        while (tag.find()) {
            if (tag.start() > last) {
                styledRun(p, text.substring(last, tag.start()), size, bold, italic);
            }
            styledRun(p, tag.group(), size, bold, italic);
            last = tag.end();
        }
        if (last < text.length()) {
            styledRun(p, text.substring(last), size, bold, italic);
        }
    }

    private static void styledRun(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
        if (text.isEmpty() && !p.getRuns().isEmpty()) {
            return;
        }
        XWPFRun r = p.createRun();
        if (size != BODY) {
            r.setFontSize(size);
        }
        if (bold) {
            r.setBold(true);
        }
        if (italic) {
            r.setItalic(true);
        }
        r.setText(text);
    }

    /**
     * Times New Roman 14 and the letter's language (spell-checking in Word) as document defaults, so runs
     * carry only what differs and text a lawyer adds while editing looks the same.
     */
    private void defaultStyle(String language) {
        CTStyles styles = CTStyles.Factory.newInstance();
        CTDocDefaults defaults = styles.addNewDocDefaults();
        CTRPr run = defaults.addNewRPrDefault().addNewRPr();
        CTFonts fonts = run.addNewRFonts();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setCs(FONT);
        fonts.setEastAsia(FONT);
        run.addNewSz().setVal(BigInteger.valueOf(BODY * 2));
        run.addNewSzCs().setVal(BigInteger.valueOf(BODY * 2));
        run.addNewLang().setVal(switch (language) {
            case "kk" -> "kk-KZ";
            case "en" -> "en-GB";
            default -> "ru-RU";
        });
        CTSpacing spacing = defaults.addNewPPrDefault().addNewPPr().addNewSpacing();
        spacing.setAfter(BigInteger.ZERO);
        spacing.setLine(BigInteger.valueOf(240));
        spacing.setLineRule(STLineSpacingRule.AUTO);
        doc.createStyles().setStyles(styles);
    }

    private void pageSetup() {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr()
                ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margins.setLeft(BigInteger.valueOf(1701));
        margins.setRight(BigInteger.valueOf(850));
        margins.setTop(BigInteger.valueOf(1134));
        margins.setBottom(BigInteger.valueOf(1134));
        margins.setHeader(BigInteger.valueOf(709));
        margins.setFooter(BigInteger.valueOf(709));
        margins.setGutter(BigInteger.ZERO);
    }

    /** Fixed metadata, so regenerating gives the same document content. */
    private void fixedProperties() {
        POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
        core.setCreator("Shagym letter templates (TemplateAuthoring)");
        core.setCreated(Optional.of(new java.util.Date(0)));
        core.setModified(Optional.of(new java.util.Date(0)));
    }
}
