package kz.shagym.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser, reduced to HTTP: cookies kept, redirects not followed (tests look at them), and every form post
 * carrying the CSRF token of the page it came from, as a rendered form would.
 */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String root;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    public PageSession(String rootUri) {
        this.root = rootUri;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(root + path)).GET());
    }

    /** A download: the answer's bytes as they came (an XLSX, a DOCX, a page image). */
    public HttpResponse<byte[]> download(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(root + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts the form as it appears on {@code page}: with that page's CSRF token. */
    public HttpResponse<String> submit(String page, String action, Map<String, String> fields) {
        HttpResponse<String> form = get(page);
        Matcher token = CSRF.matcher(form.body());
        if (!token.find()) {
            throw new AssertionError("no CSRF token on " + page + " (status " + form.statusCode() + ")");
        }
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", token.group(1));
        return post(action, withToken);
    }

    /** Posts the file form as it appears on {@code page}: its fields and one file in the part "file", with that page's CSRF token. */
    public HttpResponse<String> upload(String page, String action, Map<String, String> fields, String filename, byte[] file) {
        HttpResponse<String> form = get(page);
        Matcher token = CSRF.matcher(form.body());
        if (!token.find()) {
            throw new AssertionError("no CSRF token on " + page + " (status " + form.statusCode() + ")");
        }
        String boundary = "----pageSession" + Long.toHexString(System.nanoTime());
        var body = new java.io.ByteArrayOutputStream();
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", token.group(1));
        for (var field : withToken.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(root + action))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Posts exactly these fields (no CSRF token unless given). */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(root + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> login(String username, String password) {
        return submit("/login", "/login", Map.of("username", username, "password", password));
    }

    public HttpResponse<String> enterCode(String code) {
        return submit("/login/totp", "/login/totp", Map.of("code", code));
    }

    /** Another browser that presents this session id: what an attacker holding an old session cookie would do. */
    public PageSession withSessionId(String id) {
        PageSession other = new PageSession(root);
        HttpCookie cookie = new HttpCookie("JSESSIONID", id);
        cookie.setPath("/");
        cookie.setVersion(0);
        other.cookies.getCookieStore().add(URI.create(root), cookie);
        return other;
    }

    public String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Where a redirect points, without the scheme and host. */
    public static String location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElse("");
        return location.replaceFirst("^https?://[^/]+", "");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
