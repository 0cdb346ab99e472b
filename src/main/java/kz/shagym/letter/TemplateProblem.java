package kz.shagym.letter;

/**
 * A defect found in a letter template.
 *
 * @param file path relative to the templates directory, e.g. {@code ru/APPEAL.docx}
 * @param paragraph 1-based paragraph number in document order (body incl. table cells, then headers, then footers); 0 = whole file
 * @param tag the offending tag text without braces, or "" when not tag-specific
 */
public record TemplateProblem(String file, int paragraph, String tag, String message) {
    @Override
    public String toString() {
        return file + " ¶" + paragraph + (tag.isEmpty() ? "" : " {{" + tag + "}}") + ": " + message;
    }
}
