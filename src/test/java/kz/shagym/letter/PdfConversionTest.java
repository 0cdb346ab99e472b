package kz.shagym.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import kz.shagym.ShagymIntegrationTest;
import kz.shagym.web.ApiException;
import org.junit.jupiter.api.Test;

/** PDF copies through the real LibreOffice (installed for the suite by .mvn/install-test-tools.sh). */
class PdfConversionTest extends ShagymIntegrationTest {

    @Test
    void aLetterAndAllLettersOfACaseComeAsPdfFromOneBatch() throws Exception {
        UUID id = ladder.register(ladder.ago(Duration.ofDays(1)));
        UUID motion = ladder.letter(id, "FORENSIC_EXAM_MOTION");
        var single = ladder.rest().getForEntity("/api/complaints/" + id + "/letters/" + motion + "/pdf", byte[].class);
        assertThat(single.getStatusCode().value()).isEqualTo(200);
        assertThat(new String(Arrays.copyOf(single.getBody(), 5), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        var zip = ladder.rest().getForEntity("/api/complaints/" + id + "/letters/pdf", byte[].class);
        assertThat(zip.getStatusCode().value()).isEqualTo(200);
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.getBody()))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                assertThat(entry.getName()).endsWith(".pdf");
                assertThat(new String(in.readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
                entries++;
            }
        }
        assertThat(entries).isEqualTo(ladder.view(id).get("letters").size());
    }

    @Test
    void withoutLibreOfficeTheAnswerSaysWhatToInstall() {
        PdfConverter missing = new PdfConverter("/nonexistent/soffice", Duration.ofSeconds(5));
        assertThat(missing.executable()).isEmpty();
        assertThatThrownBy(() -> missing.convert(Map.of("x", new byte[] {1})))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("apt-get install libreoffice-writer-nogui")
                .satisfies(e -> assertThat(((ApiException) e).status().value()).isEqualTo(503));
    }
}
