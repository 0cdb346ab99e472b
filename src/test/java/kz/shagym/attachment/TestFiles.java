package kz.shagym.attachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Small files of each type, made by their magic bytes, and the multipart upload of one. */
public final class TestFiles {

    private TestFiles() {
    }

    public static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] png() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 1, 2, 3, 4};
    }

    public static byte[] jpeg() {
        return new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 2, 3};
    }

    /** A ZIP with the given entries: a DOCX when one of them is word/document.xml. */
    public static byte[] zip(String... entries) {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The multipart form as one body with its length: a browser sends it so, and the request size limit reads a
     * chunked body itself (which would leave the parts unparsed).
     */
    public static HttpEntity<byte[]> upload(byte[] content, String fileName, String title, String kind, String documentDate) {
        String boundary = "----shagym-test-" + java.util.UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        try {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            for (String[] field : new String[][] {{"title", title}, {"kind", kind}, {"documentDate", documentDate}}) {
                if (field[1] != null) {
                    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0]
                            + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary));
        return new HttpEntity<>(body.toByteArray(), headers);
    }
}
