package kz.shagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The enrolment's QR code is drawn as SVG squares: read back as modules, it decodes to the very link. */
class QrCodeSvgTest {

    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern SQUARE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");

    @Test
    void theDrawnCodeDecodesToTheOtpauthLinkItWasMadeOf() throws Exception {
        String link = "otpauth://totp/Shagym:lawyer-7?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Shagym";
        assertThat(decoded(QrCodeSvg.of(link))).isEqualTo(link);
    }

    @Test
    void aUsernameInCyrillicSurvivesTheRoundTrip() throws Exception {
        String link = "otpauth://totp/Shagym:%D0%B0%D0%B9%D0%B3%D1%83%D0%BB%D1%8C?secret=JBSWY3DPEHPK3PXP&issuer=Shagym";
        assertThat(decoded(QrCodeSvg.of(link))).isEqualTo(link);
        assertThat(decoded(QrCodeSvg.of("ключ"))).isEqualTo("ключ");
    }

    @Test
    void theCodeKeepsAQuietZoneOfFourModulesAndCarriesNoTextAReaderCouldSkimInstead() {
        String link = "otpauth://totp/Shagym:lawyer?secret=JBSWY3DPEHPK3PXP&issuer=Shagym";
        String svg = QrCodeSvg.of(link);
        int size = size(svg);
        Matcher square = SQUARE.matcher(svg);
        while (square.find()) {
            int x = Integer.parseInt(square.group(1));
            int y = Integer.parseInt(square.group(2));
            assertThat(x).isBetween(QrCodeSvg.QUIET_ZONE, size - QrCodeSvg.QUIET_ZONE - 1);
            assertThat(y).isBetween(QrCodeSvg.QUIET_ZONE, size - QrCodeSvg.QUIET_ZONE - 1);
        }
        assertThat(svg).doesNotContain("JBSWY3DPEHPK3PXP").contains("aria-hidden=\"true\"");
    }

    /** The squares inside the quiet zone as a module matrix, decoded by zxing's own QR decoder. */
    static String decoded(String svg) throws Exception {
        int modules = size(svg) - 2 * QrCodeSvg.QUIET_ZONE;
        BitMatrix matrix = new BitMatrix(modules, modules);
        Matcher square = SQUARE.matcher(svg);
        while (square.find()) {
            matrix.set(Integer.parseInt(square.group(1)) - QrCodeSvg.QUIET_ZONE,
                    Integer.parseInt(square.group(2)) - QrCodeSvg.QUIET_ZONE);
        }
        return new Decoder().decode(matrix).getText();
    }

    private static int size(String svg) {
        Matcher viewBox = VIEW_BOX.matcher(svg);
        assertThat(viewBox.find()).as("a square viewBox").isTrue();
        assertThat(viewBox.group(1)).isEqualTo(viewBox.group(2));
        return Integer.parseInt(viewBox.group(1));
    }
}
