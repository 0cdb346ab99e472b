package kz.shagym.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than its kind needs, with 413, before anything parses it or asks who sent it: a
 * complaint, an event or a form is a few kilobytes ({@code shagym.http.max-body}, 1 MiB), an edited letter a DOCX of
 * at most {@code shagym.http.max-upload} (10 MiB), a page's multipart upload (that DOCX and a comment) at most
 * {@code shagym.http.max-multipart} (11 MiB; the page itself refuses a file over the upload limit). A body sent without a length (chunked) is read up to the limit and
 * refused as soon as it passes it. Chunked form posts are left to Tomcat's own form limit
 * ({@code server.tomcat.max-http-form-post-size}), since Tomcat reads form parameters from its own stream.
 * The intake and the case page's forms over the limit (up to {@code shagym.http.max-form}, 64 MiB) are read as an
 * {@link OversizeForm} instead: answered with the form and its errors, so that a paste too long loses nothing else.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimit extends OncePerRequestFilter {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final long maxBody;
    private final long maxUpload;
    private final long maxForm;
    private final long maxMultipart;

    RequestSizeLimit(@Value("${shagym.http.max-body:1MB}") DataSize maxBody,
                     @Value("${shagym.http.max-upload:10MB}") DataSize maxUpload,
                     @Value("${shagym.http.max-form:64MB}") DataSize maxForm,
                     @Value("${shagym.http.max-multipart:11MB}") DataSize maxMultipart) {
        this.maxBody = maxBody.toBytes();
        this.maxUpload = maxUpload.toBytes();
        this.maxForm = maxForm.toBytes();
        this.maxMultipart = maxMultipart.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limit(request.getContentType());
        long length = request.getContentLengthLong();
        if (length > limit && length <= maxForm && OversizeForm.applies(request)) {
            // read with every value cut to a length no field takes: the form comes back with its errors, not a 413
            chain.doFilter(OversizeForm.read(request, length), response);
            return;
        }
        if (length > limit) {
            refuse(request, response, limit);
            return;
        }
        if (length < 0 && request.getHeader("Transfer-Encoding") != null && !isForm(request.getContentType())) {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                refuse(request, response, limit);
                return;
            }
            chain.doFilter(new BufferedBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private long limit(String contentType) {
        if (contentType == null) {
            return maxBody;
        }
        String type = contentType.toLowerCase();
        if (type.startsWith("multipart/form-data")) {
            return maxMultipart;
        }
        return type.startsWith(DOCX) || type.startsWith("application/octet-stream") ? maxUpload : maxBody;
    }

    private static boolean isForm(String contentType) {
        return contentType != null && contentType.toLowerCase().startsWith("application/x-www-form-urlencoded");
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        ProblemResponses.refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Content Too Large",
                "the request body is larger than the " + DataSize.ofBytes(limit).toMegabytes() + " MiB this request may carry");
    }

    /** A request whose (chunked) body was already read, within the limit, and is served again from memory. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read already");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
