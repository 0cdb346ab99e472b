package kz.shagym.letter.tools;

import kz.shagym.letter.LetterKind;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Source of the letter templates in {@code letter-templates/ru}, {@code letter-templates/kk} and {@code letter-templates/en}
 * (one {@code <KIND>.docx} per {@link LetterKind}). The .docx files are generated from this class and
 * committed; edit the wording here, never in Word, so the templates stay reproducible and reviewable.
 *
 * <p>Re-generate (from the project root; {@code .ci/find-jdk.sh} sets {@code JAVA_HOME} to a JDK 21+):
 * <pre>
 *   source .ci/find-jdk.sh && ./mvnw -q -B -o test-compile
 *   "$JAVA_HOME/bin/java" -cp "target/classes:target/test-classes:$(./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" \
 *        kz.shagym.letter.tools.TemplateAuthoring letter-templates
 * </pre>
 * then run {@code ./mvnw -q -B -o test -Dtest='kz.shagym.letter.**'} (the template check and the
 * rendering tests read the committed files).
 *
 * <p>Variables: see {@code kz.shagym.letter.LetterVariables}. Legal references follow the rule catalog in
 * {@code config/deadline-rules/}: an article whose part is not verified there (confidence M or X) is cited without
 * its part number.
 */
public final class TemplateAuthoring {

    private TemplateAuthoring() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "letter-templates");
        writeAll(root);
        System.out.println("Wrote the templates under " + root.toAbsolutePath());
    }

    public static void writeAll(Path root) throws IOException {
        for (String language : LetterKind.ALL_LANGUAGES) {
            Path dir = Files.createDirectories(root.resolve(language));
            for (LetterKind kind : LetterKind.values()) {
                if (!kind.languages().contains(language)) {
                    continue;
                }
                try (DocBuilder d = new DocBuilder(language);
                     OutputStream out = Files.newOutputStream(dir.resolve(kind.templateFileName()))) {
                    author(kind, d);
                    d.write(out);
                }
            }
        }
    }

    static void author(LetterKind kind, DocBuilder d) {
        switch (kind) {
            case COMPLAINT_PROSECUTOR -> DomesticLetters.complaintProsecutor(d);
            case COMPLAINT_INVESTIGATIVE_JUDGE -> DomesticLetters.complaintJudge(d);
            case APPEAL -> DomesticLetters.appeal(d);
            case COPY_REQUEST -> DomesticLetters.copyRequest(d);
            case FORENSIC_EXAM_MOTION -> DomesticLetters.forensicMotion(d);
            case RESTORE_TERM_MOTION -> DomesticLetters.restoreTerm(d);
            case CAT_COMMUNICATION -> UnLetters.catCommunication(d);
            case HRC_COMMUNICATION -> UnLetters.hrcCommunication(d);
            case INTERIM_MEASURES -> UnLetters.interimMeasures(d);
        }
        // the application's own number is the NGO's reference, not the authority's: it stays out of the letter's body
        if (kind.toUn()) {
            d.footer("{{kindTitle}} (вн. № {{caseNumber}})", "{{kindTitle}} (ref. {{caseNumber}})");
        } else {
            d.footer("{{kindTitle}} (вн. № {{caseNumber}})", "{{kindTitle}} (ішкі № {{caseNumber}})");
        }
    }
}
