package kz.shagym.letter;
// TEMPORARY until feature/letters merges: deleted at merge.
@org.springframework.stereotype.Component
class TemporaryRenderer implements LetterRenderer {
    public byte[] render(LetterModel model) {
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(); var out = new java.io.ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(model.kind() + " " + model.victim().fullName());
            doc.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
    }
}
