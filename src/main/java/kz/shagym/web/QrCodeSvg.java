package kz.shagym.web;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A QR code as inline SVG: one path of unit squares on a white field with the standard quiet zone of four modules.
 * Drawn on the server so that the page needs neither a script nor an image request (the CSP allows neither inline
 * scripts nor data: images), and so that the secret it carries never leaves the page's own response.
 */
final class QrCodeSvg {

    /** The quiet zone a reader needs around the symbol, in modules. */
    static final int QUIET_ZONE = 4;

    private QrCodeSvg() {}

    /**
     * The SVG markup for {@code text}. Hidden from screen readers: the page names the picture (role img) and shows the
     * same key as text beside it.
     */
    static String of(String text) {
        BitMatrix modules = encode(text);
        int size = modules.getWidth() + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < modules.getHeight(); y++) {
            for (int x = 0; x < modules.getWidth(); x++) {
                if (modules.get(x, y)) {
                    path.append('M').append(x + QUIET_ZONE).append(' ').append(y + QUIET_ZONE).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 " + size + " " + size + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    /** The symbol's modules without the quiet zone (zxing adds none at size 0). */
    private static BitMatrix encode(String text) {
        try {
            return new QRCodeWriter().encode(text, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot draw a QR code of " + text.length() + " characters", e);
        }
    }
}
